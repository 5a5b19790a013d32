using Bulwark.Core.MarketData;
using Bulwark.Core.Model;

namespace Bulwark.Core.Tests.MarketData;

/// <summary>A paced replay yields the history a resuming bot names at once, and paces the rest among themselves.</summary>
public sealed class BarReplayHistoryTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset Day0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task History_ComesAtOnce_AndTheNewBarsArePacedFromTheFirstOfThem()
    {
        var clock = new ManualClock(Day0);
        var bars = Enumerable.Range(0, 5).Select(i => new Bar("X", Day0.AddDays(i), 1m, 1m, 1m, 1m, 1m, TimeSpan.FromDays(1))).ToList();
        var lastSeen = bars[2].CloseTime;
        await using var replay = BarReplay.PaceAsync(bars, 1d, clock, CancellationToken.None, unpaced: b => b.CloseTime <= lastSeen)
            .GetAsyncEnumerator();

        // Three bars of history and the first new one: no waiting, though at one bar a second that would be three seconds.
        for (var i = 0; i < 4; i++)
        {
            Assert.True(replay.MoveNextAsync().AsTask().IsCompletedSuccessfully, $"bar {i} came at once");
            Assert.Equal(bars[i], replay.Current);
        }
        var last = replay.MoveNextAsync().AsTask();
        Assert.False(last.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await last.WaitAsync(Safety));
        Assert.Equal(bars[4], replay.Current);
    }
}
