namespace Bulwark.Core.Model;

/// <summary>A tradable instrument and the rules that shape its prices and quantities.</summary>
public sealed record Instrument
{
    /// <summary>The tick of an instrument nobody gave one: a cent.</summary>
    public const decimal DefaultTickSize = 0.01m;

    public Instrument(string symbol, AssetClass assetClass, decimal tickSize = DefaultTickSize, decimal lotSize = 1m,
        string currency = Money.DefaultCurrency, decimal multiplier = 1m, string? exchange = null, decimal initialMargin = 0m)
    {
        if (string.IsNullOrWhiteSpace(symbol)) throw new ArgumentException("Symbol is empty.", nameof(symbol));
        if (tickSize <= 0m) throw new ArgumentOutOfRangeException(nameof(tickSize), tickSize, $"Tick size of {symbol} must be positive.");
        if (lotSize <= 0m) throw new ArgumentOutOfRangeException(nameof(lotSize), lotSize, $"Lot size of {symbol} must be positive.");
        if (multiplier <= 0m) throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, $"Multiplier of {symbol} must be positive.");
        if (initialMargin < 0m) throw new ArgumentOutOfRangeException(nameof(initialMargin), initialMargin, $"Initial margin of {symbol} must not be negative.");
        _ = new Money(0m, currency); // validates the code
        Symbol = symbol;
        AssetClass = assetClass;
        TickSize = tickSize;
        LotSize = lotSize;
        Currency = currency;
        Multiplier = multiplier;
        Exchange = exchange ?? DefaultExchange(assetClass);
        InitialMargin = initialMargin;
    }

    /// <summary>The calendar of an instrument given none: CRYPTO for a coin, FX for a currency pair, else the NYSE's.</summary>
    public static string DefaultExchange(AssetClass assetClass) => assetClass switch
    {
        AssetClass.Crypto => Calendar.ExchangeCalendars.Crypto,
        AssetClass.Fx => Calendar.ExchangeCalendars.Fx,
        _ => Calendar.ExchangeCalendars.Nyse,
    };

    public string Symbol { get; }
    public AssetClass AssetClass { get; }
    public decimal TickSize { get; }
    public decimal LotSize { get; }
    public string Currency { get; }
    public decimal Multiplier { get; }

    /// <summary>Whether <paramref name="price"/> is a whole number of ticks: the only prices an order may carry.</summary>
    public bool IsOnTick(decimal price) => price % TickSize == 0m;

    /// <summary>The calendar code whose sessions the instrument trades in (XNYS, XNAS, CRYPTO, FX).</summary>
    public string Exchange { get; }

    /// <summary>
    /// Cash posted per contract held. 0 (the default) is an ordinary cash-settled instrument; above 0 the instrument is
    /// accounted futures-like (see <see cref="Positions.MarginAccounting"/>).
    /// </summary>
    public decimal InitialMargin { get; }

    /// <summary>Notional value of <paramref name="quantity"/> at <paramref name="price"/>.</summary>
    public decimal Notional(decimal quantity, decimal price) => Math.Abs(quantity) * price * Multiplier;
}
