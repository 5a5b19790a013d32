using Bulwark.Core.Model;

namespace Bulwark.Host.Configuration;

/// <summary>An instrument a bot may trade, as written in the configuration.</summary>
public sealed record InstrumentConfig
{
    public string Symbol { get; init; } = "";

    public AssetClass AssetClass { get; init; } = AssetClass.Equity;

    public decimal TickSize { get; init; } = 0.01m;

    public decimal LotSize { get; init; } = 1m;

    public string Currency { get; init; } = "USD";

    public decimal Multiplier { get; init; } = 1m;

    /// <summary>Calendar code (XNYS, XNAS, CRYPTO, FX); empty means by asset class: CRYPTO for crypto, else XNYS.</summary>
    public string Exchange { get; init; } = "";

    /// <summary>Margin posted per contract held; 0 is an ordinary cash-settled instrument, above 0 futures-like.</summary>
    public decimal InitialMargin { get; init; }

    /// <summary>The Core instrument; throws if the values are invalid, which a loaded configuration never has.</summary>
    public Instrument ToInstrument() =>
        new(Symbol, AssetClass, TickSize, LotSize, Currency, Multiplier, Exchange.Length == 0 ? null : Exchange,
            InitialMargin);
}
