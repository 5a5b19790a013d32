using Bulwark.Core.Calendar;

namespace Bulwark.Core.Tests.Calendar;

/// <summary>The cache must give the calendar's own answers, whatever sequence of increasing instants asks.</summary>
public sealed class CalendarAnswerCacheTests
{
    [Theory]
    [InlineData("XNYS", false)]
    [InlineData("XNYS", true)]
    [InlineData("CRYPTO", false)]
    [InlineData("FX", false)]
    public void Answers_MatchTheCalendar_AtIncreasingInstants(string code, bool extended)
    {
        var calendar = ExchangeCalendars.Get(code);
        var before = TimeSpan.FromMinutes(5);
        var cache = new CalendarAnswerCache(calendar, extended, before);
        var random = new Random(20241129);
        var at = new DateTimeOffset(2024, 11, 20, 0, 0, 0, TimeSpan.Zero);
        var end = new DateTimeOffset(2024, 12, 31, 0, 0, 0, TimeSpan.Zero);
        var checks = 0;
        while (at < end)
        {
            at += TimeSpan.FromMinutes(random.Next(1, 40));
            var status = calendar.IsOpen(at, extended);
            Assert.Equal(status.IsOpen, cache.ClosedStatus(at) is null);

            var session = calendar.SessionFor(at);
            var expected = session is { } s && at >= s.Close - before && at < s.Close && !calendar.IsOpen(s.Close).IsOpen;
            Assert.Equal(expected, cache.InFlattenWindow(at, out var inWindow));
            if (expected) Assert.Equal(session!.Value.Date, inWindow.Date);
            checks++;
        }
        Assert.True(checks > 1_000);
    }
}
