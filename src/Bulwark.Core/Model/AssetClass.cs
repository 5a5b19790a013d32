namespace Bulwark.Core.Model;

/// <summary>What kind of market an instrument trades in; it sets the calendar an instrument has by default.</summary>
public enum AssetClass
{
    Equity,

    /// <summary>A coin: the 24/7 CRYPTO calendar by default.</summary>
    Crypto,
    Option,
    Bond,

    /// <summary>A currency pair (EURUSD): the FX calendar (Sunday 17:00 to Friday 17:00 New York) by default.</summary>
    Fx,
}
