using Bulwark.Core.MarketData;

namespace Bulwark.Core.Tests.MarketData;

public sealed class SyntheticBarFeedPacingTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset Now = new(2024, 5, 6, 13, 0, 0, TimeSpan.Zero);

    private static SyntheticFeedOptions Options(double? barsPerSecond, long? maxBars) => new()
    {
        Symbols = [new SyntheticSymbol("AAA", 100m), new SyntheticSymbol("BBB", 50m)],
        Seed = 3,
        BarsPerSecond = barsPerSecond,
        MaxBars = maxBars,
    };

    [Fact]
    public async Task ReadAsync_WithPacing_ReleasesEachNextBarOnlyWhenTheClockReachesItsTurn()
    {
        var clock = new ManualClock(Now);
        var feed = new SyntheticBarFeed(Options(barsPerSecond: 2, maxBars: 3), clock);
        var expected = feed.Generate().ToList();
        await using var bars = feed.ReadAsync(CancellationToken.None).GetAsyncEnumerator();

        Assert.True(await bars.MoveNextAsync().AsTask().WaitAsync(Safety), "the first bar comes at once");
        Assert.Equal(expected[0], bars.Current);

        var second = bars.MoveNextAsync().AsTask();
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await second.WaitAsync(Safety));
        Assert.Equal(expected[1], bars.Current);

        var third = bars.MoveNextAsync().AsTask();
        Assert.False(third.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(await third.WaitAsync(Safety));
        Assert.Equal(expected[2], bars.Current);

        Assert.False(await bars.MoveNextAsync().AsTask().WaitAsync(Safety), "MaxBars ends the stream");
    }

    [Fact]
    public async Task ReadAsync_WithPacing_ConsumerThatFellBehindCatchesUpWithoutWaiting()
    {
        var clock = new ManualClock(Now);
        var feed = new SyntheticBarFeed(Options(barsPerSecond: 10, maxBars: 5), clock);
        await using var bars = feed.ReadAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await bars.MoveNextAsync().AsTask().WaitAsync(Safety));

        clock.Advance(TimeSpan.FromMilliseconds(300));

        for (int i = 0; i < 3; i++) Assert.True(bars.MoveNextAsync().AsTask().IsCompletedSuccessfully, $"bar {i + 1} was due");
        var fifth = bars.MoveNextAsync().AsTask();
        Assert.False(fifth.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(await fifth.WaitAsync(Safety));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.0)]
    public async Task ReadAsync_WithoutPacing_YieldsEveryBarWithoutTouchingTheClock(double? barsPerSecond)
    {
        var clock = new ManualClock(Now);
        var feed = new SyntheticBarFeed(Options(barsPerSecond, maxBars: 1_000), clock);

        var bars = new List<Core.Model.Bar>();
        await foreach (var bar in feed.ReadAsync(CancellationToken.None)) bars.Add(bar);

        Assert.Equal(feed.Generate().ToList(), bars);
        Assert.Equal(0, clock.ActiveTimers);
    }

    [Fact]
    public async Task ReadAsync_WhenCancelledWhileWaiting_StopsWithCancellation()
    {
        var clock = new ManualClock(Now);
        var feed = new SyntheticBarFeed(Options(barsPerSecond: 1, maxBars: null), clock);
        using var cts = new CancellationTokenSource();
        await using var bars = feed.ReadAsync(cts.Token).GetAsyncEnumerator();
        Assert.True(await bars.MoveNextAsync().AsTask().WaitAsync(Safety));
        var waiting = bars.MoveNextAsync().AsTask();

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Safety));
    }
}
