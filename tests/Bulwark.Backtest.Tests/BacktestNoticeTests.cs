using Bulwark.Core.Journal;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Core.Strategies;
using Xunit.Abstractions;

namespace Bulwark.Backtest.Tests;

/// <summary>A result says what the engine reported besides orders: breaker trips, strategies' notes, grid stops.</summary>
public sealed class BacktestNoticeTests(ITestOutputHelper output)
{
    private static readonly Instrument Sample = SampleBars.Instrument;

    private static BacktestOptions Options(RiskLimits? risk = null, IEventJournal? journal = null) =>
        SampleBars.Options() with { Risk = risk, Journal = journal };

    [Fact]
    public async Task EveryCircuitBreakerTrip_IsANotice_WithItsTimeAndReason()
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;
        var journal = new InMemoryEventJournal();

        var result = await BacktestEngine.RunAsync(bars, [new SmaCrossStrategy("sma", [Sample.Symbol], 10)],
            Options(new RiskLimits { MaxDailyLoss = 20m, MaxConsecutiveLosses = 3 }, journal), CancellationToken.None);

        var trips = journal.Events.Select(e => e.Event).OfType<CircuitBreakerTripped>().ToList();
        Assert.True(trips.Count >= 3, $"expected several trips at a 20 daily loss limit, got {trips.Count}");
        Assert.Contains(trips, t => t.Reason == "3 losing round trips in a row");
        Assert.Equal(trips.Select(t => (t.Time, AlertSeverity.Warning, "CircuitBreakerTripped")),
            result.Notices.Select(n => (n.Time, n.Severity, n.Code)));
        Assert.All(result.Notices.Zip(trips), p => Assert.StartsWith(p.Second.Reason + "; new orders denied until ", p.First.Message, StringComparison.Ordinal));
        Assert.Equal(new Dictionary<string, int> { ["CircuitBreakerTripped"] = trips.Count }, result.NoticeCounts);
    }

    [Fact]
    public async Task AVolumeFilter_OnDataWithoutVolume_TakesNoEntry_AndSaysWhyOnce()
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;
        Assert.All(bars, b => Assert.Equal(0m, b.Volume)); // the sample's volume column is all zeros
        var built = StrategyCatalog.Build("sma-cross", "sma", [Sample.Symbol],
            new Dictionary<string, string> { ["period"] = "15", ["minVolumeRatio"] = "1.5" });

        var plain = await BacktestEngine.RunAsync(bars, [new SmaCrossStrategy("sma", [Sample.Symbol], 15)], Options(), CancellationToken.None);
        var result = await BacktestEngine.RunAsync(bars, [built.Strategy!], Options(), CancellationToken.None);

        Assert.NotEmpty(plain.Orders);
        Assert.Empty(result.Orders);
        var notice = Assert.Single(result.Notices);
        Assert.Equal((bars[20].Time, AlertSeverity.Info, "VolumeMissing"), (notice.Time, notice.Severity, notice.Code));
        Assert.Equal("sma: SAMPLE: no volume in the 20 bars before this one; the volume filter takes no entry until there is", notice.Message);
    }

    [Fact]
    public async Task HmmRegime_SaysWhenItFellBackAndWhenTheModelTookOver()
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;

        var result = await BacktestEngine.RunAsync(bars, [new HmmRegimeStrategy("hmm", [Sample.Symbol], new HmmRegimeOptions())],
            Options(), CancellationToken.None);

        // 255 bars: the window fills with its 252nd return on the 253rd bar, and the sample's returns pass validation.
        Assert.Equal(["StrategyFallback", "StrategyModel"], result.Notices.Select(n => n.Code));
        Assert.Equal((bars[0].Time, bars[252].Time), (result.Notices[0].Time, result.Notices[1].Time));
        Assert.Equal("hmm: SAMPLE: falling back to sma-cross: observations: 0 returns, need at least 252", result.Notices[0].Message);
        Assert.StartsWith("hmm: SAMPLE: inputs valid (252 returns, adf statistic ", result.Notices[1].Message, StringComparison.Ordinal);
        Assert.All(result.Notices, n => Assert.Equal(AlertSeverity.Info, n.Severity));
    }

    [Fact]
    public async Task HmmRegime_AlreadyOnItsModelAfterAWarmUp_SaysSoAtTheFirstBarTraded()
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;
        var (warmUp, traded) = (bars.Take(253).ToList(), bars.Skip(253).ToList());

        var result = await BacktestEngine.RunAsync(traded, [new HmmRegimeStrategy("hmm", [Sample.Symbol], new HmmRegimeOptions())],
            Options() with { WarmUpBars = warmUp }, CancellationToken.None);

        // It fell back on the first warm-up bar and took its model on the last one: only the state it trades in is told.
        var notice = Assert.Single(result.Notices);
        Assert.Equal(("StrategyModel", traded[0].Time), (notice.Code, notice.Time));
        Assert.StartsWith("hmm: SAMPLE: inputs valid (252 returns, adf statistic ", notice.Message, StringComparison.Ordinal);
        Assert.EndsWith("(while warming up, as of the bar of 2006-12-27 00:00 UTC)", notice.Message, StringComparison.Ordinal);
        Assert.Equal(bars[252].Time, new DateTimeOffset(2006, 12, 27, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void AfterTheKeptNumber_NoticesAreOnlyCounted_AndAStrategysFailureIsNone()
    {
        var notices = new BacktestNotices();
        var at = new DateTimeOffset(2006, 1, 2, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i <= BacktestNotices.Kept; i++)
            Assert.True(notices.TryRecord(new AlertRaised(AlertSeverity.Info, "GridLevelBusy", $"busy {i}") { Time = at.AddDays(i) }));
        Assert.True(notices.TryRecord(new TradingStateChanged(TradingState.Halted, "operator") { Time = at }));
        Assert.False(notices.TryRecord(new AlertRaised(AlertSeverity.Critical, "StrategyFailed", "boom") { Time = at }));
        Assert.False(notices.TryRecord(new OrderCanceled("x-1") { Time = at }));

        Assert.Equal(BacktestNotices.Kept, notices.Notices.Count);
        Assert.Equal("busy 0", notices.Notices[0].Message);
        Assert.Equal(new Dictionary<string, int> { ["GridLevelBusy"] = BacktestNotices.Kept + 1, ["TradingStateChanged"] = 1 }, notices.Counts);
    }
}
