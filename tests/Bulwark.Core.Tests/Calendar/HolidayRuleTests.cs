using Bulwark.Core.Calendar;
using static Bulwark.Core.Tests.Calendar.CalendarTime;

namespace Bulwark.Core.Tests.Calendar;

public sealed class HolidayRuleTests
{
    [Theory]
    [InlineData("1990-01-01", "New Year's Day")]
    [InlineData("2024-01-01", "New Year's Day")]
    [InlineData("2006-01-02", "New Year's Day (observed)")]
    [InlineData("2017-01-02", "New Year's Day (observed)")]
    [InlineData("2023-01-02", "New Year's Day (observed)")]
    [InlineData("1998-01-19", "Martin Luther King Jr. Day")]
    [InlineData("2024-01-15", "Martin Luther King Jr. Day")]
    [InlineData("2050-01-17", "Martin Luther King Jr. Day")]
    [InlineData("1990-02-19", "Washington's Birthday")]
    [InlineData("2016-02-15", "Washington's Birthday")]
    [InlineData("2024-02-19", "Washington's Birthday")]
    [InlineData("1990-04-13", "Good Friday")]
    [InlineData("2000-04-21", "Good Friday")]
    [InlineData("2008-03-21", "Good Friday")]
    [InlineData("2011-04-22", "Good Friday")]
    [InlineData("2019-04-19", "Good Friday")]
    [InlineData("2024-03-29", "Good Friday")]
    [InlineData("2038-04-23", "Good Friday")]
    [InlineData("1990-05-28", "Memorial Day")]
    [InlineData("2021-05-31", "Memorial Day")]
    [InlineData("2024-05-27", "Memorial Day")]
    [InlineData("2022-06-20", "Juneteenth National Independence Day (observed)")]
    [InlineData("2023-06-19", "Juneteenth National Independence Day")]
    [InlineData("2024-06-19", "Juneteenth National Independence Day")]
    [InlineData("2027-06-18", "Juneteenth National Independence Day (observed)")]
    [InlineData("1992-07-03", "Independence Day (observed)")]
    [InlineData("1993-07-05", "Independence Day (observed)")]
    [InlineData("2020-07-03", "Independence Day (observed)")]
    [InlineData("2021-07-05", "Independence Day (observed)")]
    [InlineData("2024-07-04", "Independence Day")]
    [InlineData("1990-09-03", "Labor Day")]
    [InlineData("2024-09-02", "Labor Day")]
    [InlineData("1990-11-22", "Thanksgiving Day")]
    [InlineData("2024-11-28", "Thanksgiving Day")]
    [InlineData("2025-11-27", "Thanksgiving Day")]
    [InlineData("1993-12-24", "Christmas Day (observed)")]
    [InlineData("1994-12-26", "Christmas Day (observed)")]
    [InlineData("1999-12-24", "Christmas Day (observed)")]
    [InlineData("2021-12-24", "Christmas Day (observed)")]
    [InlineData("2022-12-26", "Christmas Day (observed)")]
    [InlineData("2024-12-25", "Christmas Day")]
    [InlineData("2027-12-24", "Christmas Day (observed)")]
    public void Holiday_IsClosedAllDayWithItsName(string date, string name)
    {
        foreach (var calendar in new[] { Xnys, Xnas })
        {
            Assert.Equal(new MarketStatus(false, MarketStatusReason.Holiday, name), AtNoon(calendar, date));
            Assert.Equal(new MarketStatus(false, MarketStatusReason.Holiday, name), AtLocal(calendar, date + " 09:00", extended: true));
            Assert.Null(calendar.SessionOn(Date(date)));
        }
    }

    [Theory]
    [InlineData("1993-12-31")] // New Year 1994 on a Saturday: not observed on the Friday before
    [InlineData("1999-12-31")]
    [InlineData("2004-12-31")]
    [InlineData("2010-12-31")]
    [InlineData("2021-12-31")]
    [InlineData("2027-12-31")]
    [InlineData("1997-01-20")] // Martin Luther King Jr. Day before 1998
    [InlineData("2021-06-18")] // Juneteenth before 2022
    [InlineData("2025-12-26")]
    [InlineData("2025-12-31")]
    public void Weekday_WithoutAHolidayRule_IsAFullSession(string date)
    {
        var session = Xnys.SessionOn(Date(date));
        Assert.NotNull(session);
        Assert.False(session.Value.IsEarlyClose);
        Assert.Equal(new MarketStatus(true, MarketStatusReason.Regular, null), AtNoon(Xnys, date));
    }

    [Theory]
    [InlineData("2022-01-01")] // New Year's Day on a Saturday
    [InlineData("2021-06-19")]
    [InlineData("2027-06-19")]
    [InlineData("2021-12-25")]
    [InlineData("2024-03-10")]
    public void HolidayOnAWeekend_ReportsTheWeekend(string date) =>
        Assert.Equal(new MarketStatus(false, MarketStatusReason.Weekend, null), AtNoon(Xnys, date));

    [Theory]
    [InlineData(1990, 253)]
    [InlineData(2001, 248)]
    [InlineData(2012, 250)]
    [InlineData(2018, 251)]
    [InlineData(2019, 252)]
    [InlineData(2020, 253)]
    [InlineData(2021, 252)]
    [InlineData(2022, 251)]
    [InlineData(2023, 250)]
    [InlineData(2024, 252)]
    [InlineData(2025, 250)]
    public void SessionsPerYear_MatchTheNyseCount(int year, int sessions) =>
        Assert.Equal(sessions, Xnys.Sessions(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)).Count);

    [Fact]
    public void EasterSunday_MatchesKnownDates()
    {
        Assert.Equal(new DateOnly(1990, 4, 15), CalendarDates.EasterSunday(1990));
        Assert.Equal(new DateOnly(2000, 4, 23), CalendarDates.EasterSunday(2000));
        Assert.Equal(new DateOnly(2008, 3, 23), CalendarDates.EasterSunday(2008));
        Assert.Equal(new DateOnly(2011, 4, 24), CalendarDates.EasterSunday(2011));
        Assert.Equal(new DateOnly(2038, 4, 25), CalendarDates.EasterSunday(2038));
        Assert.Equal(new DateOnly(2049, 4, 18), CalendarDates.EasterSunday(2049));
    }

    [Fact]
    public void EveryYear_HasOneWeekdayForEachHolidayInForce()
    {
        for (var year = 1990; year <= 2050; year++)
        {
            var names = UsEquityHolidays.Holidays(year).Select(h => h.Name.Replace(" (observed)", "", StringComparison.Ordinal)).ToList();
            var expected = 7 + (year >= 1998 ? 1 : 0) + (year >= 2022 ? 1 : 0) + (new DateOnly(year, 1, 1).DayOfWeek == DayOfWeek.Saturday ? 0 : 1);
            Assert.Equal(expected, names.Count);
            Assert.Equal(names.Count, names.Distinct().Count());
            Assert.All(UsEquityHolidays.Holidays(year), h => Assert.False(CalendarDates.IsWeekend(h.Date)));
        }
    }
}
