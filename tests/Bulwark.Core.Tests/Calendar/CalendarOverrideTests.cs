using Bulwark.Core.Calendar;
using static Bulwark.Core.Tests.Calendar.CalendarTime;

namespace Bulwark.Core.Tests.Calendar;

public sealed class CalendarOverrideTests
{
    [Fact]
    public void ExtraClosure_ClosesThatDayWithItsName()
    {
        var calendar = ExchangeCalendars.Create("XNYS", new ExchangeCalendarOverrides
        {
            Closures = [new CalendarClosure(Date("2031-03-12"), "Blizzard")],
        });
        Assert.Equal(new MarketStatus(false, MarketStatusReason.Holiday, "Blizzard"), AtNoon(calendar, "2031-03-12"));
        Assert.Null(calendar.SessionOn(Date("2031-03-12")));
        Assert.NotNull(Xnys.SessionOn(Date("2031-03-12"))); // the shared calendar is untouched
    }

    [Fact]
    public void ExtraEarlyClose_EndsTheSessionThenWithItsName()
    {
        var calendar = ExchangeCalendars.Create("XNAS", new ExchangeCalendarOverrides
        {
            EarlyCloses = [new CalendarEarlyClose(Date("2031-03-12"), new TimeOnly(14, 30), "Storm warning")],
        });
        var session = calendar.SessionOn(Date("2031-03-12"))!.Value;
        Assert.True(session.IsEarlyClose);
        Assert.Equal(new TimeOnly(14, 30), LocalTime(calendar, session.Close));
        Assert.Equal(new MarketStatus(false, MarketStatusReason.EarlyClose, "Storm warning"), AtLocal(calendar, "2031-03-12 14:30"));
    }

    [Fact]
    public void ExtraEarlyClose_ReplacesAScheduledOne()
    {
        var calendar = ExchangeCalendars.Create("XNYS", new ExchangeCalendarOverrides
        {
            EarlyCloses = [new CalendarEarlyClose(Date("2030-12-24"), new TimeOnly(12, 0))],
        });
        Assert.Equal(new TimeOnly(12, 0), LocalTime(calendar, calendar.SessionOn(Date("2030-12-24"))!.Value.Close));
        Assert.Equal("Early close (configured)", AtLocal(calendar, "2030-12-24 12:30").Name);
    }

    [Fact]
    public void ExtraClosure_OnABuiltInClosure_KeepsTheBuiltInName()
    {
        var calendar = ExchangeCalendars.Create("XNYS", new ExchangeCalendarOverrides
        {
            Closures = [new CalendarClosure(Date("2025-01-09"), "Carter funeral")],
        });
        Assert.Equal("National Day of Mourning for President Jimmy Carter", AtNoon(calendar, "2025-01-09").Name);
    }

    [Fact]
    public void InvalidOverrides_ThrowListingEveryProblem()
    {
        var overrides = new ExchangeCalendarOverrides
        {
            Closures =
            [
                new CalendarClosure(Date("2031-03-15")),  // a Saturday
                new CalendarClosure(Date("2060-01-03")),  // outside the range
                new CalendarClosure(Date("2031-03-12")),
                new CalendarClosure(Date("2031-03-12")),  // twice
            ],
            EarlyCloses =
            [
                new CalendarEarlyClose(Date("2031-12-25"), new TimeOnly(13, 0)), // Christmas: closed
                new CalendarEarlyClose(Date("2031-03-12"), new TimeOnly(13, 0)), // closed by the override above
                new CalendarEarlyClose(Date("2031-03-13"), new TimeOnly(16, 30)), // after the regular close
                new CalendarEarlyClose(Date("2031-03-14"), new TimeOnly(9, 0)),  // before the open
            ],
        };
        var ex = Assert.Throws<ArgumentException>(() => ExchangeCalendars.Create("XNYS", overrides));
        Assert.Contains("invalid overrides for XNYS", ex.Message, StringComparison.Ordinal);
        Assert.Contains("closures[0] 2031-03-15: a Saturday", ex.Message, StringComparison.Ordinal);
        Assert.Contains("closures[1] 2060-01-03: outside 1990-01-01..2050-12-31", ex.Message, StringComparison.Ordinal);
        Assert.Contains("closures[3] 2031-03-12: listed twice", ex.Message, StringComparison.Ordinal);
        Assert.Contains("earlyCloses[0] 2031-12-25: closed all day", ex.Message, StringComparison.Ordinal);
        Assert.Contains("earlyCloses[1] 2031-03-12: closed all day", ex.Message, StringComparison.Ordinal);
        Assert.Contains("earlyCloses[2] 2031-03-13: close 16:30 is not between", ex.Message, StringComparison.Ordinal);
        Assert.Contains("earlyCloses[3] 2031-03-14: close 09:00 is not between", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CRYPTO")]
    [InlineData("FX")]
    public void Overrides_OnACalendarWithoutHolidays_AreRefused(string code)
    {
        var overrides = new ExchangeCalendarOverrides { Closures = [new CalendarClosure(Date("2031-03-12"))] };
        var ex = Assert.Throws<ArgumentException>(() => ExchangeCalendars.Create(code, overrides));
        Assert.Contains(code, ex.Message, StringComparison.Ordinal);
        Assert.Equal(code, ExchangeCalendars.Create(code, ExchangeCalendarOverrides.None).Code);
    }
}
