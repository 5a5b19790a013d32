namespace Bulwark.Core.Calendar;

/// <summary>
/// Spot FX: open from 17:00 New York on Sunday to 17:00 New York on Friday, no holidays. The trading day rolls at 17:00
/// New York, as FX trade dates do: the session dated D (Monday..Friday) runs from 17:00 on D-1 to 17:00 on D, so Monday's
/// session opens on Sunday evening. No extended hours (the extended window equals the regular one). The first session
/// of the range, dated on its first day, opens the evening before that day.
/// </summary>
internal static class FxCalendarFactory
{
    public static readonly TimeOnly Roll = new(17, 0);

    public static TableCalendar Create(string code, string name, DateOnly first, DateOnly last)
    {
        var days = new LocalDayTable(UsEquityCalendarFactory.NewYork(), first, last);
        var sessions = new List<SessionSpec>(days.Count * 5 / 7);
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (CalendarDates.IsWeekend(date)) continue;
            var open = days.ToUtcTicks(date.AddDays(-1), Roll);
            var close = days.ToUtcTicks(date, Roll);
            sessions.Add(new SessionSpec(date, new SessionRow(open, open, close, close), null));
        }
        return new TableCalendar(code, name, days, sessions, new Dictionary<DateOnly, string>());
    }
}
