namespace Bulwark.Core.Risk;

/// <summary>Why the engine refused a signal or an order. Business outcomes, not errors.</summary>
public enum DenyReason
{
    TradingHalted,
    ReducingOnly,
    NotReady,
    UnknownInstrument,
    InvalidSignal,
    CircuitBreakerOpen,
    DailyLossLimit,
    MaxPositionExceeded,
    MaxOrderNotionalExceeded,
    NoMarketPrice,
    ZeroQuantity,
    OrderPending,
    AlreadyAtTarget,
    MarketClosed,
    /// <summary>No new intraday exposure between the end-of-day flatten and the close.</summary>
    EndOfDayWindow,
    /// <summary>A strategy's own order request is malformed (quantity, lots, price, tick, side or source).</summary>
    InvalidOrder,
    /// <summary>
    /// The position moved while the order waited for its symbol's protective exits to be canceled (one of them filled first),
    /// so the order, sized from the old position, would overshoot.
    /// </summary>
    PositionChanged,
    /// <summary>
    /// The source's protective stop is measured in average true ranges and the symbol's range is not known yet (fewer bars
    /// seen than its period): no position is opened or added to before its stop can be set.
    /// </summary>
    StopNotReady,
    /// <summary>Entries are sized by the risk to their protective stop, and the source keeps no stop to measure it by.</summary>
    NoStopToSize,
    /// <summary>
    /// Entries are sized by the symbol's average true range (<see cref="SizingMode.Volatility"/>) and it is not known yet
    /// (fewer bars seen than its period), or is 0 (bars that never moved).
    /// </summary>
    RangeNotReady,

    /// <summary>
    /// The book's estimated volatility is at its cap (<see cref="SizingOptions.MaxPortfolioVolatilityPercent"/>): with the
    /// positions held, no size of the entry keeps it within, or the estimate has not seen enough bars yet.
    /// </summary>
    PortfolioVolatilityCap,

    /// <summary>
    /// The order would take the book's gross exposure (every position's notional, long and short alike) over its limit
    /// (<see cref="RiskLimits.MaxGrossExposurePercent"/>) of the account's value.
    /// </summary>
    MaxGrossExposureExceeded,

    /// <summary>
    /// The order would open a position in a symbol while the book already holds the most positions it may
    /// (<see cref="RiskLimits.MaxOpenPositions"/>).
    /// </summary>
    MaxOpenPositionsReached,

    /// <summary>
    /// The symbol's last round trip closed at a loss less than <see cref="RiskLimits.CooldownAfterLoss"/> ago: no position
    /// is opened or added to there before the cooldown ends.
    /// </summary>
    CooldownAfterLoss,

    /// <summary>
    /// The account's value fell <see cref="RiskLimits.MaxDailyLossPercent"/> or more from its value when the trading day
    /// began: no position is opened or added to before the next trading day.
    /// </summary>
    DailyLossStop,

    /// <summary>
    /// The operator's flatten is closing every position: nothing but its own orders goes out until it is done, or until
    /// the operator resumes or kills the bot.
    /// </summary>
    Flattening,

    /// <summary>
    /// The bot has sent <see cref="RiskLimits.MaxOrdersPerDay"/> orders today: no position is opened or added to before the
    /// next trading day.
    /// </summary>
    MaxOrdersPerDay,

    /// <summary>
    /// The operator made the symbol reduce-only (<c>bulwark reduce --symbol</c>, or its flatten): no position is opened or
    /// added to there until the operator resumes it.
    /// </summary>
    SymbolReduceOnly,

    /// <summary>
    /// The bot has sent <see cref="RiskLimits.MaxOrdersPerMinute"/> orders in the last minute: no position is opened or
    /// added to until the oldest of them is a minute old.
    /// </summary>
    MaxOrdersPerMinute,

    /// <summary>
    /// The symbol's data looks wrong (a bad bar, a jump not yet confirmed, no bar for too long while its market is open):
    /// no position is opened or added to there until good data comes back (<see cref="MarketData.DataQualityOptions"/>).
    /// </summary>
    DataQualityStop,

    /// <summary>
    /// A strategy's limit price is further from the symbol's last price than <see cref="RiskLimits.MaxPriceDeviationPercent"/>
    /// allows: an erroneous price, refused before it goes out.
    /// </summary>
    PriceOutsideCollar,

    /// <summary>The order would take the position beyond the instrument's limit in units (<see cref="Model.Instrument.MaxPosition"/>).</summary>
    MaxPositionQuantityExceeded,

    /// <summary>
    /// Within a session's no-entry window: just after an open (<see cref="Calendar.TradingHoursOptions.NoEntriesAfterOpen"/>)
    /// or, for intraday sources, just before a close (<see cref="Calendar.TradingHoursOptions.NoEntriesBeforeClose"/>).
    /// </summary>
    NoEntryWindow,

    /// <summary>The trading day is in one of the symbol's blackouts (<see cref="Kernel.BotKernelOptions.Blackouts"/>): an earnings report, a central bank's decision.</summary>
    Blackout,

    /// <summary>
    /// The order would take the positions of its instrument's group together beyond
    /// <see cref="RiskLimits.MaxGroupExposurePercent"/> of the account's value.
    /// </summary>
    MaxGroupExposureExceeded,
}
