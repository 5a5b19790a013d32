using Bulwark.Core.Calendar;
using static Bulwark.Core.Tests.Calendar.CalendarTime;

namespace Bulwark.Core.Tests.Calendar;

public sealed class FxAndCryptoCalendarTests
{
    private static IExchangeCalendar Fx => ExchangeCalendars.Get("FX");
    private static IExchangeCalendar Crypto => ExchangeCalendars.Get("CRYPTO");

    [Theory]
    [InlineData("2024-03-08 16:59", true)]  // Friday, before the weekly close
    [InlineData("2024-03-08 17:00", false)] // Friday 17:00: closed for the weekend
    [InlineData("2024-03-09 12:00", false)] // Saturday
    [InlineData("2024-03-10 16:59", false)] // Sunday, the day clocks went forward
    [InlineData("2024-03-10 17:00", true)]  // Sunday 17:00: the week opens
    [InlineData("2024-03-12 03:00", true)]  // Tuesday night: open round the clock
    [InlineData("2024-12-25 12:00", true)]  // no holidays
    public void Fx_TradesFromSunday1700ToFriday1700NewYork(string local, bool open) =>
        Assert.Equal(open, AtLocal(Fx, local).IsOpen);

    [Fact]
    public void Fx_SessionDatedMonday_RunsFromSunday1700ToMonday1700()
    {
        var monday = Fx.SessionOn(Date("2024-03-11"))!.Value;
        Assert.Equal(Utc("2024-03-10T21:00:00Z"), monday.Open);   // 17:00 EDT on Sunday
        Assert.Equal(Utc("2024-03-11T21:00:00Z"), monday.Close);
        Assert.Equal(monday.Open, monday.ExtendedOpen);
        Assert.Equal(monday.Close, monday.ExtendedClose);
        var friday = Fx.SessionOn(Date("2024-03-08"))!.Value;
        Assert.Equal(Utc("2024-03-07T22:00:00Z"), friday.Open);  // 17:00 EST on Thursday
        Assert.Equal(Utc("2024-03-08T22:00:00Z"), friday.Close);
        Assert.Null(Fx.SessionOn(Date("2024-03-09")));
        Assert.Null(Fx.SessionOn(Date("2024-03-10")));
    }

    [Fact]
    public void Fx_ClosedReasons_AreAfterFridaysCloseThenTheWeekend()
    {
        Assert.Equal(MarketStatusReason.AfterClose, AtLocal(Fx, "2024-03-08 18:00").Reason);
        Assert.Equal(MarketStatusReason.Weekend, AtLocal(Fx, "2024-03-09 18:00").Reason);
        Assert.Equal(MarketStatusReason.Weekend, AtLocal(Fx, "2024-03-10 09:00").Reason);
        Assert.Equal(Utc("2024-03-10T21:00:00Z"), Fx.NextOpen(Local(Fx, "2024-03-08 18:00")));
    }

    [Fact]
    public void Fx_TuesdayEvening_BelongsToWednesdaysSession()
    {
        var session = Fx.SessionFor(Local(Fx, "2024-03-12 18:00"))!.Value;
        Assert.Equal(Date("2024-03-13"), session.Date);
        Assert.Equal(Utc("2024-03-13T21:00:00Z"), Fx.NextClose(Local(Fx, "2024-03-12 18:00")));
    }

    [Theory]
    [InlineData("1990-01-01T00:00:00Z")]
    [InlineData("2024-03-10T07:00:00Z")]
    [InlineData("2024-12-25T12:00:00Z")]
    [InlineData("2050-12-31T23:59:59Z")]
    public void Crypto_IsAlwaysOpenInUtcDays(string instant)
    {
        var at = Utc(instant);
        Assert.Equal(new MarketStatus(true, MarketStatusReason.Regular, null), Crypto.IsOpen(at));
        var session = Crypto.SessionFor(at)!.Value;
        Assert.Equal(DateOnly.FromDateTime(at.UtcDateTime), session.Date);
        Assert.Equal(TimeSpan.FromDays(1), session.Close - session.Open);
    }

    [Fact]
    public void Crypto_HasASessionEveryDay()
    {
        Assert.Equal(366, Crypto.Sessions(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)).Count);
        Assert.Equal(Utc("2024-03-11T00:00:00Z"), Crypto.NextOpen(Utc("2024-03-10T00:00:00Z")));
    }
}
