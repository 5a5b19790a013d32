using Bulwark.Core.Calendar;
using static Bulwark.Core.Tests.Calendar.CalendarTime;

namespace Bulwark.Core.Tests.Calendar;

public sealed class SpecialClosureTests
{
    [Theory]
    [InlineData("1994-04-27", "National Day of Mourning for President Richard Nixon")]
    [InlineData("2001-09-11", "September 11 attacks")]
    [InlineData("2001-09-12", "September 11 attacks")]
    [InlineData("2001-09-13", "September 11 attacks")]
    [InlineData("2001-09-14", "September 11 attacks")]
    [InlineData("2004-06-11", "National Day of Mourning for President Ronald Reagan")]
    [InlineData("2007-01-02", "National Day of Mourning for President Gerald Ford")]
    [InlineData("2012-10-29", "Hurricane Sandy")]
    [InlineData("2012-10-30", "Hurricane Sandy")]
    [InlineData("2018-12-05", "National Day of Mourning for President George H. W. Bush")]
    [InlineData("2025-01-09", "National Day of Mourning for President Jimmy Carter")]
    public void SpecialClosure_ClosesBothExchangesAllDayWithItsName(string date, string name)
    {
        foreach (var calendar in new[] { Xnys, Xnas })
        {
            Assert.Equal(new MarketStatus(false, MarketStatusReason.Holiday, name), AtNoon(calendar, date));
            Assert.Equal(new MarketStatus(false, MarketStatusReason.Holiday, name), AtLocal(calendar, date + " 17:00", extended: true));
            Assert.Null(calendar.SessionOn(Date(date)));
            Assert.False(calendar.IsEarlyClose(Date(date)));
        }
    }

    [Theory]
    [InlineData("2001-09-10", "2001-09-17")]
    [InlineData("2012-10-26", "2012-10-31")]
    [InlineData("2018-12-04", "2018-12-06")]
    [InlineData("2025-01-08", "2025-01-10")]
    public void TradingResumes_OnTheNextWeekdayAfterAClosure(string before, string after)
    {
        Assert.NotNull(Xnys.SessionOn(Date(before)));
        Assert.NotNull(Xnys.SessionOn(Date(after)));
        var lastClose = Xnys.SessionOn(Date(before))!.Value.Close;
        Assert.Equal(Xnys.SessionOn(Date(after))!.Value.Open, Xnys.NextOpen(lastClose));
    }

    [Theory]
    [InlineData("1994-02-11", "14:30")]
    [InlineData("1996-01-08", "14:00")]
    [InlineData("2005-06-01", "15:56")]
    public void NyseFloorIncident_IsAnEarlyCloseOnXnysOnly(string date, string close)
    {
        Assert.Equal(TimeOnly.Parse(close, null), LocalTime(Xnys, Xnys.SessionOn(Date(date))!.Value.Close));
        Assert.True(Xnys.IsEarlyClose(Date(date)));
        Assert.False(Xnas.IsEarlyClose(Date(date)));
        Assert.Equal(new TimeOnly(16, 0), LocalTime(Xnas, Xnas.SessionOn(Date(date))!.Value.Close));
    }

    [Fact]
    public void CircuitBreakerHalt_Of1997_ClosedBothAt1530()
    {
        foreach (var calendar in new[] { Xnys, Xnas })
        {
            Assert.Equal(new TimeOnly(15, 30), LocalTime(calendar, calendar.SessionOn(Date("1997-10-27"))!.Value.Close));
            Assert.Equal(new MarketStatus(false, MarketStatusReason.EarlyClose, "Market-wide circuit breaker"),
                AtLocal(calendar, "1997-10-27 15:45"));
        }
    }
}
