namespace Bulwark.Host.Operations;

/// <summary>What `bulwark status` reports for one bot (camelCase in JSON).</summary>
public sealed record BotStatus(
    string Id,
    string TradingState,
    string TradingStateReason,
    bool Running,
    IReadOnlyList<PositionStatus> Positions,
    int OpenOrders,
    long Fills,
    long SignalsReceived,
    long SignalsDenied,
    long Alerts,
    decimal Cash,
    decimal DailyPnl,
    int ConsecutiveLosses,
    decimal PeakEquity,
    string Breaker,
    long LastSequence,
    string TradingDate,
    bool LastReconciliationInSync,
    IReadOnlyList<string> FailedStrategies)
{
    /// <summary>The account's currency, which cash and PnL are in (venue.currency when the bot first started).</summary>
    public string Currency { get; init; } = Core.Model.Money.DefaultCurrency;

    /// <summary>What the venue's financing of positions held overnight added to cash in all (negative: it cost).</summary>
    public decimal Financing { get; init; }

    /// <summary>What the venue paid in interest on idle cash in all (negative: charged, at a negative rate).</summary>
    public decimal Interest { get; init; }

    /// <summary>What the venue paid in cash dividends to longs, less what shorts paid in lieu of them, in all.</summary>
    public decimal Dividends { get; init; }

    /// <summary>The account's value when the trading day began (cash and positions at the last day's closes); 0 when not known.</summary>
    public decimal DayOpeningValue { get; init; }

    /// <summary>Why no new exposure is taken for the rest of the trading day (<c>risk.maxDailyLossPercent</c> tripped on it); null when it is not stopped.</summary>
    public string? DailyLossStop { get; init; }

    /// <summary>Orders sent to the venue on <see cref="TradingDate"/>, of every kind.</summary>
    public long OrdersSentToday { get; init; }

    /// <summary>Orders sent to the venue in the minute before the status was read.</summary>
    public int OrdersLastMinute { get; init; }

    /// <summary>Why the operator's flatten is closing every position; null when none is under way.</summary>
    public string? Flattening { get; init; }

    /// <summary>The symbols the operator made reduce-only, each with why (<c>reduce --symbol</c>, <c>flatten --symbol</c>).</summary>
    public IReadOnlyDictionary<string, string> ReduceOnlySymbols { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The symbols whose data quality stop holds, each with why (<c>dataQuality</c>, or a bad bar the feed refused).</summary>
    public IReadOnlyDictionary<string, string> DataStops { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The symbols the operator's flatten of a symbol is closing, each with why.</summary>
    public IReadOnlyDictionary<string, string> FlatteningSymbols { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Each signal source the bot has heard from, by name: what it signalled, what was denied and why.</summary>
    public IReadOnlyList<SourceStatus> Sources { get; init; } = [];

    /// <summary>The limits the configuration sets on the whole book, with the positions open; null when it sets none.</summary>
    public BookLimitsStatus? Limits { get; init; }

    /// <summary>The configuration's blackouts in force today or beginning within a week (<c>blackouts</c>), by first date.</summary>
    public IReadOnlyList<BlackoutStatus> Blackouts { get; init; } = [];
}
