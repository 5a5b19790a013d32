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
        var (afterOpen, beforeClose) = (TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(45));
        var cache = new CalendarAnswerCache(calendar, extended, before, afterOpen, beforeClose);
        var windows = new Dictionary<EntryWindow, int>();
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
            if (expected) Assert.Equal(calendar.NextOpen(session!.Value.Close) - session.Value.Close > TimeSpan.FromDays(1), cache.BeforeLongGap);

            // The no-entry windows: after an open the instant before which was closed, before a close followed by a gap.
            var window = session is not { } r || at < r.Open || at >= r.Close ? EntryWindow.None
                : at < r.Open + afterOpen && !calendar.IsOpen(r.Open.AddTicks(-1)).IsOpen ? EntryWindow.AfterOpen
                : at >= r.Close - beforeClose && !calendar.IsOpen(r.Close).IsOpen ? EntryWindow.BeforeClose
                : EntryWindow.None;
            Assert.Equal(window, cache.InEntryWindow(at, out var entrySession));
            if (window != EntryWindow.None) Assert.Equal(session!.Value.Date, entrySession.Date);
            windows[window] = windows.GetValueOrDefault(window) + 1;
            checks++;
        }
        Assert.True(checks > 1_000);
        // Stock sessions open and close every weekday; FX opens after its weekend and closes into it; crypto never does.
        var expectWindows = code != "CRYPTO";
        Assert.Equal(expectWindows, windows.GetValueOrDefault(EntryWindow.AfterOpen) > 0);
        Assert.Equal(expectWindows, windows.GetValueOrDefault(EntryWindow.BeforeClose) > 0);
    }
}
