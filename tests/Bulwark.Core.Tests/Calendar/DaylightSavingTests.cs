using Bulwark.Core.Calendar;
using static Bulwark.Core.Tests.Calendar.CalendarTime;

namespace Bulwark.Core.Tests.Calendar;

/// <summary>2024: clocks go forward at 02:00 on Sunday 10 March (EST -05:00 to EDT -04:00) and back at 02:00 on Sunday 3 November.</summary>
public sealed class DaylightSavingTests
{
    [Fact]
    public void SessionsAroundTheSpringSwitch_KeepLocalHoursAndShiftInUtc()
    {
        var friday = Xnys.SessionOn(Date("2024-03-08"))!.Value;
        var monday = Xnys.SessionOn(Date("2024-03-11"))!.Value;
        Assert.Equal(Utc("2024-03-08T14:30:00Z"), friday.Open);
        Assert.Equal(Utc("2024-03-08T21:00:00Z"), friday.Close);
        Assert.Equal(Utc("2024-03-08T09:00:00Z"), friday.ExtendedOpen);
        Assert.Equal(Utc("2024-03-09T01:00:00Z"), friday.ExtendedClose);
        Assert.Equal(Utc("2024-03-11T13:30:00Z"), monday.Open);
        Assert.Equal(Utc("2024-03-11T20:00:00Z"), monday.Close);
        Assert.Equal(Utc("2024-03-11T08:00:00Z"), monday.ExtendedOpen);
        Assert.Equal(Utc("2024-03-12T00:00:00Z"), monday.ExtendedClose);
    }

    [Theory]
    [InlineData("2024-03-08T14:15:00Z", false, MarketStatusReason.BeforeOpen)] // 09:15 EST
    [InlineData("2024-03-08T14:29:59Z", false, MarketStatusReason.BeforeOpen)]
    [InlineData("2024-03-08T14:30:00Z", true, MarketStatusReason.Regular)]   // 09:30 EST
    [InlineData("2024-03-08T20:59:59Z", true, MarketStatusReason.Regular)]
    [InlineData("2024-03-08T21:00:00Z", false, MarketStatusReason.AfterClose)] // 16:00 EST
    [InlineData("2024-03-10T06:59:59Z", false, MarketStatusReason.Weekend)]    // 01:59:59 EST, Sunday
    [InlineData("2024-03-10T07:00:00Z", false, MarketStatusReason.Weekend)]    // 03:00 EDT, Sunday
    [InlineData("2024-03-11T03:59:59Z", false, MarketStatusReason.Weekend)]    // 23:59:59 EDT, still Sunday
    [InlineData("2024-03-11T04:00:00Z", false, MarketStatusReason.BeforeOpen)] // 00:00 EDT, Monday
    [InlineData("2024-03-11T13:29:59Z", false, MarketStatusReason.BeforeOpen)]
    [InlineData("2024-03-11T13:30:00Z", true, MarketStatusReason.Regular)]   // 09:30 EDT
    [InlineData("2024-03-11T13:45:00Z", true, MarketStatusReason.Regular)]   // 09:45 EDT
    [InlineData("2024-03-11T14:15:00Z", true, MarketStatusReason.Regular)]   // 10:15 EDT
    [InlineData("2024-03-11T19:59:59Z", true, MarketStatusReason.Regular)]
    [InlineData("2024-03-11T20:00:00Z", false, MarketStatusReason.AfterClose)] // 16:00 EDT
    public void SpringSwitch_InstantsAround(string instant, bool open, MarketStatusReason reason)
    {
        var status = Xnys.IsOpen(Utc(instant));
        Assert.Equal(open, status.IsOpen);
        Assert.Equal(reason, status.Reason);
    }

    [Theory]
    [InlineData("2024-11-01T13:30:00Z", true, MarketStatusReason.Regular)]   // 09:30 EDT
    [InlineData("2024-11-01T19:59:59Z", true, MarketStatusReason.Regular)]
    [InlineData("2024-11-01T20:00:00Z", false, MarketStatusReason.AfterClose)] // 16:00 EDT
    [InlineData("2024-11-03T05:59:59Z", false, MarketStatusReason.Weekend)]    // 01:59:59 EDT, first pass
    [InlineData("2024-11-03T06:00:00Z", false, MarketStatusReason.Weekend)]    // 01:00 EST, second pass
    [InlineData("2024-11-03T06:59:59Z", false, MarketStatusReason.Weekend)]
    [InlineData("2024-11-03T07:00:00Z", false, MarketStatusReason.Weekend)]    // 02:00 EST
    [InlineData("2024-11-04T04:30:00Z", false, MarketStatusReason.Weekend)]    // 23:30 EST Sunday
    [InlineData("2024-11-04T05:00:00Z", false, MarketStatusReason.BeforeOpen)] // 00:00 EST Monday
    [InlineData("2024-11-04T13:45:00Z", false, MarketStatusReason.BeforeOpen)] // 08:45 EST
    [InlineData("2024-11-04T14:30:00Z", true, MarketStatusReason.Regular)]   // 09:30 EST
    [InlineData("2024-11-04T20:59:59Z", true, MarketStatusReason.Regular)]
    [InlineData("2024-11-04T21:00:00Z", false, MarketStatusReason.AfterClose)] // 16:00 EST
    public void AutumnSwitch_InstantsAround(string instant, bool open, MarketStatusReason reason)
    {
        var status = Xnys.IsOpen(Utc(instant));
        Assert.Equal(open, status.IsOpen);
        Assert.Equal(reason, status.Reason);
    }

    [Theory]
    [InlineData("2024-03-11T07:59:59Z", false, MarketStatusReason.BeforeOpen)] // 03:59:59 EDT
    [InlineData("2024-03-11T08:00:00Z", true, MarketStatusReason.PreMarket)]   // 04:00 EDT
    [InlineData("2024-03-11T23:59:59Z", true, MarketStatusReason.PostMarket)]  // 19:59:59 EDT
    [InlineData("2024-03-12T00:00:00Z", false, MarketStatusReason.AfterClose)] // 20:00 EDT
    [InlineData("2024-11-04T08:59:59Z", false, MarketStatusReason.BeforeOpen)] // 03:59:59 EST
    [InlineData("2024-11-04T09:00:00Z", true, MarketStatusReason.PreMarket)]   // 04:00 EST
    [InlineData("2024-11-05T00:59:59Z", true, MarketStatusReason.PostMarket)]  // 19:59:59 EST
    [InlineData("2024-11-05T01:00:00Z", false, MarketStatusReason.AfterClose)] // 20:00 EST
    public void ExtendedHours_FollowTheSwitchToo(string instant, bool open, MarketStatusReason reason)
    {
        var status = Xnys.IsOpen(Utc(instant), extended: true);
        Assert.Equal(open, status.IsOpen);
        Assert.Equal(reason, status.Reason);
    }

    [Fact]
    public void NextOpen_AcrossTheSwitchWeekend_IsMondayInTheNewOffset()
    {
        Assert.Equal(Utc("2024-03-11T13:30:00Z"), Xnys.NextOpen(Utc("2024-03-08T21:00:00Z")));
        Assert.Equal(Utc("2024-11-04T14:30:00Z"), Xnys.NextOpen(Utc("2024-11-01T20:00:00Z")));
        Assert.Equal(Utc("2024-03-11T08:00:00Z"), Xnys.NextOpen(Utc("2024-03-10T07:00:00Z"), extended: true));
    }

    [Fact]
    public void EverySession_IsSixAndAHalfHoursUnlessEarlyClose()
    {
        foreach (var s in Xnys.Sessions(Xnys.FirstDate, Xnys.LastDate))
        {
            Assert.Equal(new TimeOnly(9, 30), LocalTime(Xnys, s.Open));
            if (!s.IsEarlyClose) Assert.Equal(TimeSpan.FromHours(6.5), s.Close - s.Open);
        }
    }
}
