using static Bulwark.Core.Tests.Calendar.CalendarTime;

namespace Bulwark.Core.Tests.Calendar;

public sealed class CalendarNavigationTests
{
    [Fact]
    public void NextOpen_DuringASession_IsTheNextSessionsOpen()
    {
        Assert.Equal(Utc("2024-07-05T13:30:00Z"), Xnys.NextOpen(Utc("2024-07-03T14:00:00Z"))); // skips July 4
        Assert.Equal(Utc("2024-07-03T13:30:00Z"), Xnys.NextOpen(Utc("2024-07-03T13:29:59Z")));
        Assert.Equal(Utc("2024-07-05T13:30:00Z"), Xnys.NextOpen(Utc("2024-07-03T13:30:00Z"))); // strictly after
    }

    [Fact]
    public void NextClose_DuringASession_IsItsOwnClose()
    {
        Assert.Equal(Utc("2024-03-11T20:00:00Z"), Xnys.NextClose(Utc("2024-03-11T13:45:00Z")));
        Assert.Equal(Utc("2024-03-12T20:00:00Z"), Xnys.NextClose(Utc("2024-03-11T20:00:00Z")));
        Assert.Equal(Utc("2024-03-12T00:00:00Z"), Xnys.NextClose(Utc("2024-03-11T20:00:00Z"), extended: true));
    }

    [Fact]
    public void SessionFor_CoversTheExtendedWindowOnly()
    {
        Assert.Equal(Date("2024-03-11"), Xnys.SessionFor(Utc("2024-03-11T08:00:00Z"))!.Value.Date); // 04:00 EDT
        Assert.Equal(Date("2024-03-11"), Xnys.SessionFor(Utc("2024-03-11T23:59:59Z"))!.Value.Date); // 19:59:59 EDT
        Assert.Null(Xnys.SessionFor(Utc("2024-03-12T00:00:00Z")));                                   // 20:00 EDT
        Assert.Null(Xnys.SessionFor(Utc("2024-03-09T15:00:00Z")));                                   // Saturday
    }

    [Fact]
    public void Sessions_IncludeBothEndsAndHaveLocalHours()
    {
        var week = Xnys.Sessions(Date("2024-07-01"), Date("2024-07-05"));
        Assert.Equal(["2024-07-01", "2024-07-02", "2024-07-03", "2024-07-05"], week.Select(s => s.Date.ToString("yyyy-MM-dd", null)));
        Assert.Equal([false, false, true, false], week.Select(s => s.IsEarlyClose));
        Assert.Empty(Xnys.Sessions(Date("2024-07-06"), Date("2024-07-07")));
        Assert.Single(Xnys.Sessions(Date("2024-07-05"), Date("2024-07-05")));
    }

    [Fact]
    public void Sessions_WithToBeforeFrom_Throws() =>
        Assert.Throws<ArgumentException>(() => Xnys.Sessions(Date("2024-07-05"), Date("2024-07-01")));

    [Fact]
    public void FullRange_HasTheSessionsOfEveryYear()
    {
        var all = Xnys.Sessions(Xnys.FirstDate, Xnys.LastDate);
        var byYear = all.GroupBy(s => s.Date.Year).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(61, byYear.Count);
        Assert.All(byYear.Values, count => Assert.InRange(count, 247, 254));
    }
}
