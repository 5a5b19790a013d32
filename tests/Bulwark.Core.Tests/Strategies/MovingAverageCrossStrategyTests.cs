using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// ma-cross on random walks, its readiness and its options; its hand-worked crosses are in <see cref="CloseRiseCrossTests"/>.
/// </summary>
public sealed class MovingAverageCrossStrategyTests
{
    private const string Symbol = "X";

    [Theory]
    [InlineData(TrendAverage.Sma, 10, 30, false, null)]
    [InlineData(TrendAverage.Sma, 10, 30, true, 100)]
    [InlineData(TrendAverage.Ema, 5, 20, true, null)]
    [InlineData(TrendAverage.Wma, 8, 21, false, null)]
    [InlineData(TrendAverage.Hma, 9, 25, true, null)]
    [InlineData(TrendAverage.Dema, 10, 30, true, null)]
    [InlineData(TrendAverage.Tema, 10, 30, false, 100)]
    [InlineData(TrendAverage.Kama, 5, 20, true, null)]
    public void OnARandomWalk_EachSignalIsACrossOfTwoAveragesKeptBesideIt(TrendAverage kind, int fast, int slow, bool allowShort, int? trendPeriod)
    {
        // Against two averages of the kind built here (and an SMA of 100 closes for the trend), by the crossover rule
        // (CrossSignals) followed bar by bar on the fast average's side of the slow one.
        var bars = RandomBars.Walk(seed: 61, count: 3000);
        var (fastAverage, slowAverage) = (TrendAverageSides.New(kind, fast), TrendAverageSides.New(kind, slow));
        var trend = trendPeriod is { } period ? TrendAverageSides.New(TrendAverage.Sma, period) : null;
        var sides = new List<int?>();
        var trendSides = new List<int>();
        foreach (var close in bars.Select(b => b.Close))
        {
            fastAverage.Update(close);
            slowAverage.Update(close);
            trend?.Update(close);
            sides.Add(fastAverage.IsReady && slowAverage.IsReady ? Math.Sign(fastAverage.Value - slowAverage.Value) : null);
            trendSides.Add(trend?.SideOf(close) ?? 0);
        }
        var expected = CrossSignals.Of(sides, allowShort, trend is null ? null : trendSides);
        var context = new RecordingStrategyContext();
        var options = new MovingAverageCrossOptions { Fast = fast, Slow = slow, Average = kind, AllowShort = allowShort, TrendPeriod = trendPeriod };
        context.Feed(new MovingAverageCrossStrategy("c", [Symbol], options), Symbol, bars);

        Assert.Equal(expected, context.Directions());
        Assert.True(expected.Count(s => s.Direction == SignalDirection.Long) >= 10, $"{expected.Count} signals");
        Assert.Equal(allowShort, expected.Any(s => s.Direction == SignalDirection.Short));
    }

    [Theory]
    [InlineData(TrendAverage.Sma, 31)]
    [InlineData(TrendAverage.Ema, 31)]
    [InlineData(TrendAverage.Wma, 31)]
    [InlineData(TrendAverage.Kama, 32)]
    [InlineData(TrendAverage.Hma, 35)]
    [InlineData(TrendAverage.Dema, 60)]
    [InlineData(TrendAverage.Tema, 89)]
    public void BarsToFirstSignal_IsTheSlowAveragesWarmUpAndACross(TrendAverage kind, int bars)
    {
        // 10 and 30 closes: the slow average is ready after 30 (KAMA 31, Hull's 30 + 5 - 1, DEMA 59, TEMA 88), a cross one later.
        Assert.Equal(bars, new MovingAverageCrossStrategy("c", [Symbol], new MovingAverageCrossOptions { Average = kind }).BarsToFirstSignal);
    }

    [Fact]
    public void BarsToFirstSignal_WaitsForALongerTrendAverage_OrTheAdxFilter()
    {
        Assert.Equal(100, new MovingAverageCrossStrategy("c", [Symbol], new MovingAverageCrossOptions { TrendPeriod = 100 }).BarsToFirstSignal);
        Assert.Equal(60, new MovingAverageCrossStrategy("c", [Symbol], new MovingAverageCrossOptions()) { TrendFilter = new TrendFilter(25m, 30) }.BarsToFirstSignal);
    }

    [Theory]
    [InlineData(0, 30, null, "fast", "must be from 1 to 100000 bars, got 0")]
    [InlineData(10, 10, null, "slow", "must be above fast (10): the fast average crosses the slow one; got 10")]
    [InlineData(10, 100_001, null, "slow", "must be from 1 to 100000 bars, got 100001")]
    [InlineData(10, 30, 0, "trendPeriod", "must be from 1 to 100000 bars, got 0")]
    public void BadPeriods_AreProblemsNamingThem(int fast, int slow, int? trendPeriod, string key, string message)
    {
        var options = new MovingAverageCrossOptions { Fast = fast, Slow = slow, TrendPeriod = trendPeriod };
        var problem = Assert.Single(options.Validate());
        Assert.Equal((key, message), (problem.Key, problem.Message));
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => new MovingAverageCrossStrategy("c", [Symbol], options)).ParamName);
    }
}
