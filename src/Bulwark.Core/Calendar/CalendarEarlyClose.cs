namespace Bulwark.Core.Calendar;

/// <summary>
/// An extra early close: the session dated <paramref name="Date"/> ends at <paramref name="Close"/>, exchange-local time.
/// Replaces the close of that day, including a scheduled early close.
/// </summary>
public sealed record CalendarEarlyClose(DateOnly Date, TimeOnly Close, string? Name = null);
