namespace Bulwark.Core.Calendar;

/// <summary>Date arithmetic for holiday rules: n-th weekday of a month, Easter, weekend observance.</summary>
internal static class CalendarDates
{
    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>The <paramref name="n"/>-th (1-based) <paramref name="day"/> of the month.</summary>
    public static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)day - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    /// <summary>The last <paramref name="day"/> of the month.</summary>
    public static DateOnly LastWeekday(int year, int month, DayOfWeek day)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var back = ((int)last.DayOfWeek - (int)day + 7) % 7;
        return last.AddDays(-back);
    }

    /// <summary>Western (Gregorian) Easter Sunday, by the anonymous Gregorian computus (valid for any Gregorian year).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var golden = year % 19;
        var century = year / 100;
        var yearOfCentury = year % 100;
        var leapCenturies = century / 4;
        var centuryRemainder = century % 4;
        var lunarCorrection = (century + 8) / 25;
        var solarCorrection = (century - lunarCorrection + 1) / 3;
        var epact = ((19 * golden) + century - leapCenturies - solarCorrection + 15) % 30;
        var leapYears = yearOfCentury / 4;
        var yearRemainder = yearOfCentury % 4;
        var weekday = (32 + (2 * centuryRemainder) + (2 * leapYears) - epact - yearRemainder) % 7;
        var correction = (golden + (11 * epact) + (22 * weekday)) / 451;
        var monthDay = epact + weekday - (7 * correction) + 114;
        return new DateOnly(year, monthDay / 31, (monthDay % 31) + 1);
    }

    /// <summary>A Saturday holiday is observed the Friday before, a Sunday holiday the Monday after.</summary>
    public static DateOnly Observed(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };
}
