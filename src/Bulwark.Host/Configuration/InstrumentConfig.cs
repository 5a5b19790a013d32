using Bulwark.Core.Model;

namespace Bulwark.Host.Configuration;

/// <summary>An instrument a bot may trade, as written in the configuration.</summary>
public sealed record InstrumentConfig
{
    public string Symbol { get; init; } = "";

    public AssetClass AssetClass { get; init; } = AssetClass.Equity;

    /// <summary>The price step; by default a cent, or a tenth of a pip (0.00001) for a currency pair (<see cref="DefaultTick"/>).</summary>
    public decimal TickSize { get; init; } = Instrument.DefaultTickSize;

    /// <summary>
    /// A tick not written in the configuration: a tenth of a pip for a currency pair (asset class fx, or any instrument
    /// on the FX calendar), which quotes to five places (a cent would round every EURUSD fill to 1.10), else a cent.
    /// </summary>
    public static decimal DefaultTick(AssetClass assetClass, string exchange) =>
        assetClass == AssetClass.Fx || string.Equals(exchange.Trim(), Core.Calendar.ExchangeCalendars.Fx, StringComparison.OrdinalIgnoreCase)
            ? FxTickSize : Instrument.DefaultTickSize;

    /// <summary>The default tick on the FX calendar.</summary>
    public const decimal FxTickSize = 0.00001m;

    public decimal LotSize { get; init; } = 1m;

    public string Currency { get; init; } = Money.DefaultCurrency;

    public decimal Multiplier { get; init; } = 1m;

    /// <summary>Calendar code (XNYS, XNAS, CRYPTO, FX); empty means by asset class: CRYPTO for crypto, FX for fx, else XNYS.</summary>
    public string Exchange { get; init; } = "";

    /// <summary>Margin posted per contract held; 0 is an ordinary cash-settled instrument, above 0 futures-like.</summary>
    public decimal InitialMargin { get; init; }

    /// <summary>The most the bot may hold, in units, long or short (<see cref="Instrument.MaxPosition"/>); null: no limit in units.</summary>
    public decimal? MaxPosition { get; init; }

    /// <summary>The group for the book's concentration limit (<see cref="Instrument.Group"/>); null: none.</summary>
    public string? Group { get; init; }

    /// <summary>
    /// The Core instrument; throws if the values are invalid, which a loaded configuration never has. A US-listed share
    /// (equity on XNYS or XNAS) quotes in hundredths of a cent under a dollar, whatever its tick above.
    /// </summary>
    public Instrument ToInstrument()
    {
        var exchange = Exchange.Length == 0 ? Instrument.DefaultExchange(AssetClass) : Exchange;
        return new(Symbol, AssetClass, TickSize, LotSize, Currency, Multiplier, exchange, InitialMargin,
            Instrument.SubDollarTickFor(AssetClass, exchange, TickSize)) { MaxPosition = MaxPosition, Group = Group };
    }
}
