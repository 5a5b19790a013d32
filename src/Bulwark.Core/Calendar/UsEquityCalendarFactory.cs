namespace Bulwark.Core.Calendar;

/// <summary>
/// Builds the NYSE (XNYS) and Nasdaq (XNAS) calendars: the yearly rules, the one-off days, then any overrides.
/// Regular hours 09:30-16:00 New York; extended hours 04:00-09:30 and 16:00-20:00, with the post-market ending at 17:00
/// on an early-close day (as NYSE Arca's late session has since 2021).
/// </summary>
internal static class UsEquityCalendarFactory
{
    public static readonly TimeOnly RegularOpen = new(9, 30);
    public static readonly TimeOnly RegularClose = new(16, 0);
    public static readonly TimeOnly ExtendedOpen = new(4, 0);
    public static readonly TimeOnly ExtendedClose = new(20, 0);
    public static readonly TimeOnly ExtendedCloseOnEarlyCloseDay = new(17, 0);

    public static TableCalendar Create(string code, string name, bool nyseFloorEvents, ExchangeCalendarOverrides overrides,
        DateOnly first, DateOnly last)
    {
        var closures = new Dictionary<DateOnly, string>();
        var earlyCloses = new Dictionary<DateOnly, (TimeOnly Close, string Name)>();
        for (var year = first.Year; year <= last.Year; year++)
        {
            foreach (var (date, holiday) in UsEquityHolidays.Holidays(year)) closures[date] = holiday;
            foreach (var (date, close, occasion) in UsEquityHolidays.EarlyCloses(year)) earlyCloses[date] = (close, occasion);
        }
        foreach (var (date, closure) in UsEquitySpecialDays.Closures) closures[date] = closure;
        foreach (var (date, close, occasion) in UsEquitySpecialDays.MarketWideEarlyCloses) earlyCloses[date] = (close, occasion);
        if (nyseFloorEvents)
            foreach (var (date, close, occasion) in UsEquitySpecialDays.NyseOnlyEarlyCloses) earlyCloses[date] = (close, occasion);

        new OverrideValidator(code, first, last, RegularOpen, RegularClose, closures).ThrowIfInvalid(overrides);
        foreach (var closure in overrides.Closures) closures.TryAdd(closure.Date, closure.Name ?? OverrideValidator.DefaultClosureName);
        foreach (var early in overrides.EarlyCloses) earlyCloses[early.Date] = (early.Close, early.Name ?? OverrideValidator.DefaultEarlyCloseName);

        var days = new LocalDayTable(NewYork(), first, last);
        var sessions = new List<SessionSpec>(days.Count * 5 / 7);
        var holidays = new Dictionary<DateOnly, string>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (CalendarDates.IsWeekend(date)) continue;
            if (closures.TryGetValue(date, out var closure)) holidays[date] = closure;
            else sessions.Add(Session(days, date, earlyCloses.TryGetValue(date, out var early) ? early : null));
        }
        return new TableCalendar(code, name, days, sessions, holidays);
    }

    public static TimeZoneInfo NewYork() => TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static SessionSpec Session(LocalDayTable days, DateOnly date, (TimeOnly Close, string Name)? early)
    {
        var bounds = new SessionRow(
            days.ToUtcTicks(date, ExtendedOpen),
            days.ToUtcTicks(date, RegularOpen),
            days.ToUtcTicks(date, early?.Close ?? RegularClose),
            days.ToUtcTicks(date, early is null ? ExtendedClose : ExtendedCloseOnEarlyCloseDay));
        return new SessionSpec(date, bounds, early?.Name);
    }
}
