using Bulwark.Core.Calendar;
using static Bulwark.Core.Tests.Calendar.CalendarTime;

namespace Bulwark.Core.Tests.Calendar;

public sealed class EarlyCloseTests
{
    [Theory]
    [InlineData("1995-07-03", "Day before Independence Day")] // July 4 on a Tuesday
    [InlineData("2001-07-03", "Day before Independence Day")] // Wednesday: the Tuesday before
    [InlineData("1997-07-03", "Day before Independence Day")] // Friday: the Thursday before
    [InlineData("1996-07-05", "Day after Independence Day")]  // Thursday, before 2013: the Friday after
    [InlineData("2002-07-05", "Day after Independence Day")]
    [InlineData("2013-07-03", "Day before Independence Day")] // Thursday, since 2013: the Wednesday before
    [InlineData("2019-07-03", "Day before Independence Day")]
    [InlineData("2023-07-03", "Day before Independence Day")]
    [InlineData("2024-07-03", "Day before Independence Day")]
    [InlineData("2025-07-03", "Day before Independence Day")]
    [InlineData("2028-07-03", "Day before Independence Day")]
    [InlineData("1993-11-26", "Day after Thanksgiving")]
    [InlineData("2024-11-29", "Day after Thanksgiving")]
    [InlineData("2050-11-25", "Day after Thanksgiving")]
    [InlineData("1996-12-24", "Christmas Eve")]
    [InlineData("2024-12-24", "Christmas Eve")]
    [InlineData("2026-12-24", "Christmas Eve")]
    [InlineData("1997-12-26", "Day after Christmas")]
    [InlineData("2003-12-26", "Day after Christmas")]
    public void ScheduledEarlyClose_EndsTheSessionAt1300(string date, string occasion)
    {
        var session = Xnys.SessionOn(Date(date))!.Value;
        Assert.True(session.IsEarlyClose);
        Assert.True(Xnys.IsEarlyClose(Date(date)));
        Assert.Equal(new TimeOnly(9, 30), LocalTime(Xnys, session.Open));
        Assert.Equal(new TimeOnly(13, 0), LocalTime(Xnys, session.Close));
        Assert.Equal(new TimeOnly(17, 0), LocalTime(Xnys, session.ExtendedClose));
        Assert.Equal(new MarketStatus(false, MarketStatusReason.EarlyClose, occasion), AtLocal(Xnys, date + " 13:00"));
    }

    [Theory]
    [InlineData("1990-12-24", "Christmas Eve")]
    [InlineData("1991-12-24", "Christmas Eve")]
    [InlineData("1992-11-27", "Day after Thanksgiving")]
    [InlineData("1992-12-24", "Christmas Eve")]
    public void EarlyCloseBefore1993_WasAt1400(string date, string occasion)
    {
        Assert.Equal(new TimeOnly(14, 0), LocalTime(Xnys, Xnys.SessionOn(Date(date))!.Value.Close));
        Assert.Equal(new MarketStatus(true, MarketStatusReason.Regular, occasion), AtLocal(Xnys, date + " 13:59"));
        Assert.Equal(new MarketStatus(false, MarketStatusReason.EarlyClose, occasion), AtLocal(Xnys, date + " 14:00"));
    }

    [Theory]
    [InlineData("1990-07-03")] // before 1995 there was no early close around Independence Day
    [InlineData("1991-07-05")]
    [InlineData("1991-11-29")] // nor after Thanksgiving before 1992
    [InlineData("2013-07-05")] // since 2013 the Friday after a Thursday July 4 is a full day
    [InlineData("2016-07-01")] // July 4 on a Monday: the Friday before is a full day
    [InlineData("2022-07-01")]
    [InlineData("2021-07-02")] // July 4 on a Sunday, observed Monday: Friday full
    [InlineData("2020-07-02")] // July 4 on a Saturday, observed Friday: Thursday full
    [InlineData("2008-12-26")]
    [InlineData("2014-12-26")]
    [InlineData("2025-12-26")]
    [InlineData("2027-12-23")] // Christmas observed on Friday the 24th: Thursday full
    [InlineData("2024-12-31")]
    public void DayNearAHoliday_WithoutAnEarlyCloseRule_IsAFullSession(string date)
    {
        var session = Xnys.SessionOn(Date(date))!.Value;
        Assert.False(session.IsEarlyClose);
        Assert.Equal(new TimeOnly(16, 0), LocalTime(Xnys, session.Close));
        Assert.Equal(new TimeOnly(20, 0), LocalTime(Xnys, session.ExtendedClose));
        Assert.True(AtLocal(Xnys, date + " 15:59").IsOpen);
    }

    [Fact]
    public void EarlyCloseDay_GatesRegularAndExtendedHours()
    {
        const string Occasion = "Day before Independence Day";
        Assert.Equal(new MarketStatus(false, MarketStatusReason.BeforeOpen, Occasion), AtLocal(Xnys, "2024-07-03 09:29"));
        Assert.Equal(new MarketStatus(true, MarketStatusReason.PreMarket, Occasion), AtLocal(Xnys, "2024-07-03 09:29", extended: true));
        Assert.Equal(new MarketStatus(true, MarketStatusReason.Regular, Occasion), AtLocal(Xnys, "2024-07-03 12:59"));
        Assert.Equal(new MarketStatus(false, MarketStatusReason.EarlyClose, Occasion), AtLocal(Xnys, "2024-07-03 13:00"));
        Assert.Equal(new MarketStatus(true, MarketStatusReason.PostMarket, Occasion), AtLocal(Xnys, "2024-07-03 13:00", extended: true));
        Assert.Equal(new MarketStatus(true, MarketStatusReason.PostMarket, Occasion), AtLocal(Xnys, "2024-07-03 16:59", extended: true));
        Assert.Equal(new MarketStatus(false, MarketStatusReason.EarlyClose, Occasion), AtLocal(Xnys, "2024-07-03 17:00", extended: true));
        Assert.Equal(Utc("2024-07-03T17:00:00Z"), Xnys.NextClose(Utc("2024-07-03T14:00:00Z")));
        Assert.Equal(Utc("2024-07-03T21:00:00Z"), Xnys.NextClose(Utc("2024-07-03T17:00:00Z"), extended: true));
    }

    [Fact]
    public void EarlyClose_InWinter_IsAt1800Utc()
    {
        var session = Xnys.SessionOn(Date("2024-11-29"))!.Value;
        Assert.Equal(Utc("2024-11-29T14:30:00Z"), session.Open);
        Assert.Equal(Utc("2024-11-29T18:00:00Z"), session.Close);
        Assert.Equal(TimeSpan.Zero, session.Close.Offset);
    }
}
