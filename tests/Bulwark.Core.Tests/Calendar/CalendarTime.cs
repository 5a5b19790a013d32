using System.Globalization;
using Bulwark.Core.Calendar;

namespace Bulwark.Core.Tests.Calendar;

/// <summary>Test helpers: exchange-local wall times to UTC instants, and dates from text.</summary>
internal static class CalendarTime
{
    public static IExchangeCalendar Xnys => ExchangeCalendars.Get("XNYS");
    public static IExchangeCalendar Xnas => ExchangeCalendars.Get("XNAS");

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset Utc(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>A wall-clock time in the calendar's zone ("yyyy-MM-dd HH:mm") as a UTC instant.</summary>
    public static DateTimeOffset Local(IExchangeCalendar calendar, string text)
    {
        var local = DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, calendar.TimeZone), TimeSpan.Zero);
    }

    public static MarketStatus AtLocal(IExchangeCalendar calendar, string text, bool extended = false) =>
        calendar.IsOpen(Local(calendar, text), extended);

    /// <summary>The status at local noon of <paramref name="date"/>: the day's holiday or weekend reason, or open.</summary>
    public static MarketStatus AtNoon(IExchangeCalendar calendar, string date) => AtLocal(calendar, date + " 12:00");

    public static TimeOnly LocalTime(IExchangeCalendar calendar, DateTimeOffset instant) =>
        TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, calendar.TimeZone).DateTime);

    public static IEnumerable<DateOnly> Weekdays(int year)
    {
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) yield return d;
    }
}
