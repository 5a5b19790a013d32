using System.Text.Json.Serialization;

namespace Bulwark.Core.Kernel.Events;

/// <summary>
/// Every state change of a bot. Journaled before it is applied; immutable once emitted. The journal sequence number is
/// the event's id. <see cref="Time"/> is when it happened (engine clock); <see cref="CorrelationId"/> ties the events of
/// one signal or order together (the signal id, then the ClientOrderId); <see cref="CausedBy"/> names the event it
/// follows from.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(AccountInitialized), "AccountInitialized")]
[JsonDerivedType(typeof(BotStarted), "BotStarted")]
[JsonDerivedType(typeof(SignalReceived), "SignalReceived")]
[JsonDerivedType(typeof(SignalDenied), "SignalDenied")]
[JsonDerivedType(typeof(OrderInitialized), "OrderInitialized")]
[JsonDerivedType(typeof(OrderDenied), "OrderDenied")]
[JsonDerivedType(typeof(OrderSubmitted), "OrderSubmitted")]
[JsonDerivedType(typeof(OrderSubmitUnknown), "OrderSubmitUnknown")]
[JsonDerivedType(typeof(OrderAccepted), "OrderAccepted")]
[JsonDerivedType(typeof(OrderRejected), "OrderRejected")]
[JsonDerivedType(typeof(OrderCancelRequested), "OrderCancelRequested")]
[JsonDerivedType(typeof(OrderCanceled), "OrderCanceled")]
[JsonDerivedType(typeof(OrderCancelRejected), "OrderCancelRejected")]
[JsonDerivedType(typeof(OrderExpired), "OrderExpired")]
[JsonDerivedType(typeof(OrderFilled), "OrderFilled")]
[JsonDerivedType(typeof(FillDuplicateIgnored), "FillDuplicateIgnored")]
[JsonDerivedType(typeof(AlertRaised), "AlertRaised")]
[JsonDerivedType(typeof(TradingStateChanged), "TradingStateChanged")]
[JsonDerivedType(typeof(TradingDayRolledOver), "TradingDayRolledOver")]
[JsonDerivedType(typeof(CircuitBreakerTripped), "CircuitBreakerTripped")]
[JsonDerivedType(typeof(CircuitBreakerReset), "CircuitBreakerReset")]
[JsonDerivedType(typeof(PeakEquityRaised), "PeakEquityRaised")]
[JsonDerivedType(typeof(PeakEquityReset), "PeakEquityReset")]
[JsonDerivedType(typeof(DailyLossStopTripped), "DailyLossStopTripped")]
[JsonDerivedType(typeof(FlattenRequested), "FlattenRequested")]
[JsonDerivedType(typeof(FlattenCompleted), "FlattenCompleted")]
[JsonDerivedType(typeof(SymbolReduceOnlyChanged), "SymbolReduceOnlyChanged")]
[JsonDerivedType(typeof(BarRejected), "BarRejected")]
[JsonDerivedType(typeof(EntriesCancelRequested), "EntriesCancelRequested")]
[JsonDerivedType(typeof(EntriesCanceled), "EntriesCanceled")]
[JsonDerivedType(typeof(DataQualityStopped), "DataQualityStopped")]
[JsonDerivedType(typeof(DataQualityResumed), "DataQualityResumed")]
[JsonDerivedType(typeof(ReconciliationCompleted), "ReconciliationCompleted")]
[JsonDerivedType(typeof(EndOfDayFlattenStarted), "EndOfDayFlattenStarted")]
[JsonDerivedType(typeof(StrategyFailed), "StrategyFailed")]
[JsonDerivedType(typeof(VariationMarginSettled), "VariationMarginSettled")]
[JsonDerivedType(typeof(CashActivityRecorded), "CashActivityRecorded")]
[JsonDerivedType(typeof(OrderPlacementRequested), "OrderPlacementRequested")]
[JsonDerivedType(typeof(OrderPlacementDenied), "OrderPlacementDenied")]
[JsonDerivedType(typeof(GridBuilt), "GridBuilt")]
[JsonDerivedType(typeof(GridLevelPlaced), "GridLevelPlaced")]
[JsonDerivedType(typeof(GridFillRecorded), "GridFillRecorded")]
[JsonDerivedType(typeof(GridLevelCleared), "GridLevelCleared")]
[JsonDerivedType(typeof(GridStopped), "GridStopped")]
[JsonDerivedType(typeof(GridLevelDeferred), "GridLevelDeferred")]
public abstract record BotEvent
{
    public required DateTimeOffset Time { get; init; }
    public string CorrelationId { get; init; } = "";

    /// <summary>
    /// The sequence of the journaled event this one follows from: a signal's orders and denials follow from its
    /// <see cref="SignalReceived"/>, a fill's alert, halt or breaker trip and a strategy's reaction to it from its
    /// <see cref="OrderFilled"/>, a placement's order from its <see cref="OrderPlacementRequested"/>. 0 when it follows
    /// from something outside the journal (a bar, a venue's report, an operator's command, the clock). Set once, by the
    /// kernel as it emits the event, before the event is journaled or applied; not written when 0.
    /// </summary>
    [JsonInclude]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long CausedBy { get; internal set; }
}
