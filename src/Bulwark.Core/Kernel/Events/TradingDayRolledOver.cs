namespace Bulwark.Core.Kernel.Events;

/// <summary>The exchange date changed: daily counters reset.</summary>
public sealed record TradingDayRolledOver(DateOnly PreviousDate, DateOnly NewDate) : BotEvent;
