namespace Bulwark.Core.Calendar;

/// <summary>Crypto: always open. One session per UTC day, 00:00 to 24:00 UTC, with no gap between sessions.</summary>
internal static class CryptoCalendarFactory
{
    public static TableCalendar Create(string code, string name, DateOnly first, DateOnly last)
    {
        var days = new LocalDayTable(TimeZoneInfo.Utc, first, last);
        var sessions = new List<SessionSpec>(days.Count);
        for (var day = 0; day < days.Count; day++)
        {
            var open = days.Midnight(day);
            var close = days.Midnight(day + 1);
            sessions.Add(new SessionSpec(days.DateOf(day), new SessionRow(open, open, close, close), null));
        }
        return new TableCalendar(code, name, days, sessions, new Dictionary<DateOnly, string>());
    }
}
