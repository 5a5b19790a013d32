namespace Bulwark.Core.Kernel.Events;

/// <summary>The exchange date changed: daily counters reset.</summary>
public sealed record TradingDayRolledOver(DateOnly PreviousDate, DateOnly NewDate) : BotEvent
{
    /// <summary>
    /// The account's value as the new day began (cash and positions at their last marks, the last day's closes): what the
    /// daily loss stop (<see cref="Risk.RiskLimits.MaxDailyLossPercent"/>) measures the day's loss from. Null in journals
    /// written before it was recorded.
    /// </summary>
    public decimal? OpeningValue { get; init; }
}
