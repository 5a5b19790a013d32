using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// The trix strategy on random walks, its readiness and its options; its hand-worked crosses of zero are in
/// <see cref="CloseRiseCrossTests"/>.
/// </summary>
public sealed class TrixStrategyTests
{
    private const string Symbol = "X";

    [Theory]
    [InlineData(15, 9, CrossLine.Signal, false, null)]
    [InlineData(15, 9, CrossLine.Signal, true, 100)]
    [InlineData(8, 4, CrossLine.Signal, true, null)]
    [InlineData(9, 9, CrossLine.Zero, true, null)]
    [InlineData(15, 9, CrossLine.Zero, false, 50)]
    public void OnARandomWalk_EachSignalIsACrossOfTheLinesTheIndicatorGives(int period, int signal, CrossLine line, bool allowShort, int? trendPeriod)
    {
        // Against a TRIX built here (and an SMA for the trend), by the crossover rule (CrossSignals) followed bar by bar on
        // the line's side of its signal line (or zero).
        var bars = RandomBars.Walk(seed: 67, count: 3000);
        var trix = new Trix(period, line == CrossLine.Zero ? null : signal);
        var trend = trendPeriod is { } trendBars ? TrendAverageSides.New(TrendAverage.Sma, trendBars) : null;
        var sides = new List<int?>();
        var trendSides = new List<int>();
        foreach (var close in bars.Select(b => b.Close))
        {
            trix.Update(close);
            trend?.Update(close);
            sides.Add(trix.IsReady ? Math.Sign(trix.Line - (line == CrossLine.Zero ? 0m : trix.Signal)) : null);
            trendSides.Add(trend?.SideOf(close) ?? 0);
        }
        var expected = CrossSignals.Of(sides, allowShort, trend is null ? null : trendSides);
        var context = new RecordingStrategyContext();
        var options = new TrixOptions { Period = period, Signal = signal, Cross = line, AllowShort = allowShort, TrendPeriod = trendPeriod };
        context.Feed(new TrixStrategy("t", [Symbol], options), Symbol, bars);

        Assert.Equal(expected, context.Directions());
        Assert.True(expected.Count(s => s.Direction == SignalDirection.Long) >= 10, $"{expected.Count} signals");
        Assert.Equal(allowShort, expected.Any(s => s.Direction == SignalDirection.Short));
    }

    [Theory]
    [InlineData(15, 9, CrossLine.Signal, 53)]
    [InlineData(15, 9, CrossLine.Zero, 45)]
    [InlineData(1, 1, CrossLine.Zero, 3)]
    [InlineData(5, 3, CrossLine.Signal, 17)]
    public void BarsToFirstSignal_IsTheLinesWarmUpAndACross(int period, int signal, CrossLine line, int bars)
    {
        // The line is ready after 3 × period - 1 closes, the signal line signal - 1 later; a cross one after that.
        var options = new TrixOptions { Period = period, Signal = signal, Cross = line };
        Assert.Equal(bars, new TrixStrategy("t", [Symbol], options).BarsToFirstSignal);
    }

    [Fact]
    public void BarsToFirstSignal_WaitsForALongerTrendAverage_OrTheAdxFilter()
    {
        Assert.Equal(100, new TrixStrategy("t", [Symbol], new TrixOptions { TrendPeriod = 100 }).BarsToFirstSignal);
        Assert.Equal(60, new TrixStrategy("t", [Symbol], new TrixOptions()) { TrendFilter = new TrendFilter(25m, 30) }.BarsToFirstSignal);
        Assert.Equal(53, new TrixStrategy("t", [Symbol], new TrixOptions { TrendPeriod = 20, TrendAverage = TrendAverage.Dema }).BarsToFirstSignal);
    }

    [Theory]
    [InlineData(0, 9, null, "period", "must be from 1 to 100000 bars, got 0")]
    [InlineData(100_001, 9, null, "period", "must be from 1 to 100000 bars, got 100001")]
    [InlineData(15, 0, null, "signal", "must be from 1 to 100000 bars, got 0")]
    [InlineData(15, 9, 0, "trendPeriod", "must be from 1 to 100000 bars, got 0")]
    public void BadPeriods_AreProblemsNamingThem(int period, int signal, int? trendPeriod, string key, string message)
    {
        var options = new TrixOptions { Period = period, Signal = signal, TrendPeriod = trendPeriod };
        var problem = Assert.Single(options.Validate());
        Assert.Equal((key, message), (problem.Key, problem.Message));
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => new TrixStrategy("t", [Symbol], options)).ParamName);
    }
}
