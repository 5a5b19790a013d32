namespace Bulwark.Core.Model;

/// <summary>A tradable instrument and the rules that shape its prices and quantities.</summary>
public sealed record Instrument
{
    /// <summary>The tick of an instrument nobody gave one: a cent.</summary>
    public const decimal DefaultTickSize = 0.01m;

    /// <summary>
    /// The tick of a US-listed share under a dollar: Regulation NMS rule 612 lets such a share quote in hundredths of a
    /// cent, where it quotes in cents from a dollar up.
    /// </summary>
    public const decimal UsSubDollarTickSize = 0.0001m;

    /// <param name="subDollarTickSize">The finer tick of prices under 1 (<see cref="UsSubDollarTickSize"/> for a US
    /// share); null: <paramref name="tickSize"/> at every price.</param>
    public Instrument(string symbol, AssetClass assetClass, decimal tickSize = DefaultTickSize, decimal lotSize = 1m,
        string currency = Money.DefaultCurrency, decimal multiplier = 1m, string? exchange = null, decimal initialMargin = 0m,
        decimal? subDollarTickSize = null)
    {
        if (string.IsNullOrWhiteSpace(symbol)) throw new ArgumentException("Symbol is empty.", nameof(symbol));
        if (tickSize <= 0m) throw new ArgumentOutOfRangeException(nameof(tickSize), tickSize, $"Tick size of {symbol} must be positive.");
        if (lotSize <= 0m) throw new ArgumentOutOfRangeException(nameof(lotSize), lotSize, $"Lot size of {symbol} must be positive.");
        if (multiplier <= 0m) throw new ArgumentOutOfRangeException(nameof(multiplier), multiplier, $"Multiplier of {symbol} must be positive.");
        if (initialMargin < 0m) throw new ArgumentOutOfRangeException(nameof(initialMargin), initialMargin, $"Initial margin of {symbol} must not be negative.");
        if (subDollarTickSize is { } fine && (fine <= 0m || fine > tickSize))
            throw new ArgumentOutOfRangeException(nameof(subDollarTickSize), fine, $"Sub-dollar tick of {symbol} must be positive and at most its tick {tickSize}.");
        _ = new Money(0m, currency); // validates the code
        Symbol = symbol;
        AssetClass = assetClass;
        TickSize = tickSize;
        LotSize = lotSize;
        Currency = currency;
        Multiplier = multiplier;
        Exchange = exchange ?? DefaultExchange(assetClass);
        InitialMargin = initialMargin;
        SubDollarTickSize = subDollarTickSize;
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

    /// <summary>The finer tick of prices under 1, or null when <see cref="TickSize"/> holds at every price.</summary>
    public decimal? SubDollarTickSize { get; }

    /// <summary>The tick at <paramref name="price"/>: <see cref="SubDollarTickSize"/> under 1 when there is one, else <see cref="TickSize"/>.</summary>
    public decimal TickAt(decimal price) => SubDollarTickSize is { } fine && price < 1m ? fine : TickSize;

    /// <summary>The finest tick at any price: the least a price can be.</summary>
    public decimal FinestTick => SubDollarTickSize ?? TickSize;

    /// <summary>
    /// Whether a US-listed share of <paramref name="assetClass"/> on <paramref name="exchange"/> (XNYS, XNAS): those
    /// quote in <see cref="UsSubDollarTickSize"/> under a dollar.
    /// </summary>
    public static bool QuotesSubPennyUnderADollar(AssetClass assetClass, string exchange) =>
        assetClass == AssetClass.Equity && exchange.Trim().ToUpperInvariant() is Calendar.ExchangeCalendars.Nyse or Calendar.ExchangeCalendars.Nasdaq;

    /// <summary>
    /// The sub-dollar tick an instrument of <paramref name="assetClass"/> on <paramref name="exchange"/> with
    /// <paramref name="tickSize"/> quotes in: <see cref="UsSubDollarTickSize"/> for a US-listed share whose tick is not
    /// finer already, else null.
    /// </summary>
    public static decimal? SubDollarTickFor(AssetClass assetClass, string exchange, decimal tickSize) =>
        QuotesSubPennyUnderADollar(assetClass, exchange) && tickSize >= UsSubDollarTickSize ? UsSubDollarTickSize : null;

    /// <summary>Whether <paramref name="price"/> is a whole number of ticks at that price: the only prices an order may carry.</summary>
    public bool IsOnTick(decimal price) => price % TickAt(price) == 0m;

    /// <summary>The calendar code whose sessions the instrument trades in (XNYS, XNAS, CRYPTO, FX).</summary>
    public string Exchange { get; }

    /// <summary>
    /// Cash posted per contract held. 0 (the default) is an ordinary cash-settled instrument; above 0 the instrument is
    /// accounted futures-like (see <see cref="Positions.MarginAccounting"/>).
    /// </summary>
    public decimal InitialMargin { get; }

    /// <summary>
    /// The most the bot may hold of it, in units (shares, contracts), long or short: an order that would take the
    /// position beyond it is denied (<see cref="Risk.DenyReason.MaxPositionQuantityExceeded"/>); orders that reduce always
    /// pass. Null: no limit in units (the money limits still hold).
    /// </summary>
    public decimal? MaxPosition { get; init; }

    /// <summary>
    /// The group the instrument belongs to for the book's concentration limit (a sector, a theme, a currency: whatever
    /// moves together), whose positions together are held to <see cref="Risk.RiskLimits.MaxGroupExposurePercent"/> of the
    /// account. Null: in no group.
    /// </summary>
    public string? Group { get; init; }

    /// <summary>Notional value of <paramref name="quantity"/> at <paramref name="price"/>.</summary>
    public decimal Notional(decimal quantity, decimal price) => Math.Abs(quantity) * price * Multiplier;
}
