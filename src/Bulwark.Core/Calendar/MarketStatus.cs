namespace Bulwark.Core.Calendar;

/// <summary>
/// The answer to <see cref="IExchangeCalendar.IsOpen"/>. <see cref="Name"/> is the holiday or closure for
/// <see cref="MarketStatusReason.Holiday"/>, the occasion of the early close for <see cref="MarketStatusReason.EarlyClose"/>
/// (and on an early-close day while still open), otherwise null. Strings come from the calendar's tables, so an answer
/// never allocates.
/// </summary>
public readonly record struct MarketStatus(bool IsOpen, MarketStatusReason Reason, string? Name)
{
    public override string ToString() => Name is null
        ? $"{(IsOpen ? "open" : "closed")} ({Reason})"
        : $"{(IsOpen ? "open" : "closed")} ({Reason}: {Name})";
}
