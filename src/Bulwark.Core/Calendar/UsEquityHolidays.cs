namespace Bulwark.Core.Calendar;

/// <summary>
/// The recurring rules of the US equity exchanges (NYSE Rule 7.2 and the exchanges' published schedules), 1990 onwards:
/// the full-day holidays with their observance, and the scheduled early closes.
/// </summary>
/// <remarks>
/// Observance: a Saturday holiday moves to the Friday before, a Sunday holiday to the Monday after, except New Year's
/// Day, which is not observed when it falls on a Saturday (the Friday is a year-end). Sources, checked year by year:
/// the NYSE's history of closings for 1990-2010 and its published holiday and early-closing calendars since.
/// </remarks>
internal static class UsEquityHolidays
{
    public static readonly TimeOnly EarlyClose = new(13, 0);

    /// <summary>Before 1993 the scheduled early closes were at 14:00.</summary>
    public static readonly TimeOnly EarlyCloseBefore1993 = new(14, 0);

    public static IEnumerable<(DateOnly Date, string Name)> Holidays(int year)
    {
        var newYear = new DateOnly(year, 1, 1);
        if (newYear.DayOfWeek == DayOfWeek.Sunday) yield return (newYear.AddDays(1), "New Year's Day (observed)");
        else if (newYear.DayOfWeek != DayOfWeek.Saturday) yield return (newYear, "New Year's Day");
        if (year >= 1998) yield return (CalendarDates.NthWeekday(year, 1, DayOfWeek.Monday, 3), "Martin Luther King Jr. Day");
        yield return (CalendarDates.NthWeekday(year, 2, DayOfWeek.Monday, 3), "Washington's Birthday");
        yield return (CalendarDates.EasterSunday(year).AddDays(-2), "Good Friday");
        yield return (CalendarDates.LastWeekday(year, 5, DayOfWeek.Monday), "Memorial Day");
        if (year >= 2022) yield return Observed(new DateOnly(year, 6, 19), "Juneteenth National Independence Day");
        yield return Observed(new DateOnly(year, 7, 4), "Independence Day");
        yield return (CalendarDates.NthWeekday(year, 9, DayOfWeek.Monday, 1), "Labor Day");
        yield return (Thanksgiving(year), "Thanksgiving Day");
        yield return Observed(new DateOnly(year, 12, 25), "Christmas Day");
    }

    /// <summary>The scheduled early closes of <paramref name="year"/>, local close time.</summary>
    public static IEnumerable<(DateOnly Date, TimeOnly Close, string Name)> EarlyCloses(int year)
    {
        if (IndependenceDayEarlyClose(year) is { } independence) yield return (independence.Date, EarlyClose, independence.Name);
        if (year >= 1992)
            yield return (Thanksgiving(year).AddDays(1), year < 1993 ? EarlyCloseBefore1993 : EarlyClose, "Day after Thanksgiving");
        var christmasEve = new DateOnly(year, 12, 24);
        if (christmasEve.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday)
            yield return (christmasEve, year < 1993 ? EarlyCloseBefore1993 : EarlyClose, "Christmas Eve");
    }

    public static DateOnly Thanksgiving(int year) => CalendarDates.NthWeekday(year, 11, DayOfWeek.Thursday, 4);

    /// <summary>
    /// From 1995: 13:00 on July 3 when it is a Monday, Tuesday or Thursday. When July 4 is a Thursday the early close was
    /// the Friday after until 2012 and is the Wednesday before since 2013. None when July 4 is observed on a Friday or Monday.
    /// </summary>
    private static (DateOnly Date, string Name)? IndependenceDayEarlyClose(int year)
    {
        if (year < 1995) return null;
        var july3 = new DateOnly(year, 7, 3);
        return july3.DayOfWeek switch
        {
            DayOfWeek.Monday or DayOfWeek.Tuesday or DayOfWeek.Thursday => (july3, "Day before Independence Day"),
            DayOfWeek.Wednesday when year >= 2013 => (july3, "Day before Independence Day"),
            DayOfWeek.Wednesday => (new DateOnly(year, 7, 5), "Day after Independence Day"),
            _ => null,
        };
    }

    private static (DateOnly Date, string Name) Observed(DateOnly date, string name)
    {
        var observed = CalendarDates.Observed(date);
        return observed == date ? (date, name) : (observed, name + " (observed)");
    }
}
