namespace Bulwark.Core.Calendar;

/// <summary>
/// Changes to a built-in calendar, from configuration: closures and early closes announced after the software was built.
/// Applied by <see cref="ExchangeCalendars.Create"/>, which checks them all and lists every problem at once.
/// </summary>
public sealed record ExchangeCalendarOverrides
{
    public static ExchangeCalendarOverrides None { get; } = new();

    public IReadOnlyList<CalendarClosure> Closures { get; init; } = [];

    public IReadOnlyList<CalendarEarlyClose> EarlyCloses { get; init; } = [];

    public bool IsEmpty => Closures.Count == 0 && EarlyCloses.Count == 0;
}
