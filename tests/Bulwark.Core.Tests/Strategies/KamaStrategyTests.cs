using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// kama on hand-worked closes and random walks: an entry at each turn of Kaufman's adaptive average, an exit at each
/// turn against it. With a period of 1 and a fast period of 1 the average is the close itself from the second bar (any
/// move is a straight one, whose factor is 1), so the hand-worked turns can be read off the closes.
/// </summary>
public sealed class KamaStrategyTests
{
    private const string Symbol = "X";

    // The average from bar 1: 10, 11 (up: where it starts), 12, 11.5 (down), 12.5 (up), 13, 12 (down), 11, 11.5 (up), 10 (down).
    private static readonly decimal[] Closes = [10m, 10m, 11m, 12m, 11.5m, 12.5m, 13m, 12m, 11m, 11.5m, 10m];

    private static KamaOptions Close(bool allowShort = false, decimal filter = 0m, int filterPeriod = 20) =>
        new() { Period = 1, FastPeriod = 1, SlowPeriod = 2, AllowShort = allowShort, Filter = filter, FilterPeriod = filterPeriod };

    private static (int Bar, SignalDirection Direction)[] Signals(KamaOptions options, IEnumerable<decimal> closes)
    {
        var context = new RecordingStrategyContext();
        context.Feed(new KamaStrategy("k", [Symbol], options), Symbol, closes);
        return context.Directions();
    }

    [Fact]
    public void HandWorked_LongWhenTheAverageTurnsUp_FlatWhenItTurnsDown()
    {
        Assert.Equal([(5, SignalDirection.Long), (7, SignalDirection.Flat), (9, SignalDirection.Long), (10, SignalDirection.Flat)], Signals(Close(), Closes));
        Assert.Equal(
            [(4, SignalDirection.Short), (5, SignalDirection.Long), (7, SignalDirection.Short), (9, SignalDirection.Long), (10, SignalDirection.Short)],
            Signals(Close(allowShort: true), Closes));
    }

    [Fact]
    public void TheFilter_IgnoresAPullbackWithinItsStandardDeviations()
    {
        // A filter of 1 deviation of the last 2 changes (half their difference): the changes start at bar 2, so the
        // direction is first known at bar 3 (up). Bar 4's fall of 0.5 from the high is within the deviation of +1 and -0.5
        // (0.75); bar 7's fall of 1 from 13 is beyond that of +0.5 and -1 (0.75): the only turn. The rises of bar 9
        // (0.5 off the low of 11, deviation 0.75) and bar 10 (none) do not turn it back.
        Assert.Empty(Signals(Close(filter: 1m, filterPeriod: 2), Closes));
        Assert.Equal([(7, SignalDirection.Short)], Signals(Close(allowShort: true, filter: 1m, filterPeriod: 2), Closes));
    }

    [Fact]
    public void TheTrend_TurnsOnTheMoveFromItsExtreme_NotOnTheBarsOwnChange()
    {
        // A filter of 3 deviations of the last 2 changes. Down from 11 to 9 in equal steps (deviation 0): down at bar 3.
        var trend = new AverageTurns(Close(filter: 3m, filterPeriod: 2));
        var day = 0;
        foreach (var close in new[] { 12m, 11m, 10m, 9m, 9.1m }) trend.Update(Bar(close, day++));
        Assert.Equal((true, false), (trend.IsReady, trend.IsUp));
        Assert.Equal(1.65m, decimal.Round(trend.Threshold, 20)); // 3 × the deviation of -1 and +0.1: 0.1 off the low is within

        // +0.3: the deviation of +0.1 and +0.3 is 0.1, so a threshold of 0.3 the bar's own rise does not pass, but the
        // rise from the low of 9 (0.4) does.
        trend.Update(Bar(9.4m, day++));
        Assert.Equal((true, 0.3m), (trend.IsUp, decimal.Round(trend.Threshold, 20)));

        // -0.2, 0.2 off the high of 9.4, within 3 × 0.25; then -0.7, within 0.75 itself, but 0.9 off the high: down.
        trend.Update(Bar(9.2m, day++));
        Assert.True(trend.IsUp);
        trend.Update(Bar(8.5m, day++));
        Assert.Equal((false, 0.75m), (trend.IsUp, decimal.Round(trend.Threshold, 20)));
        Assert.Equal(-1m, trend.GetOutput(0));
    }

    private static Bar Bar(decimal close, int day) => Indicators.IndicatorData.CloseBar(close, day);

    [Theory]
    [InlineData(1, 10, 2, 30, 0, 20, false)]
    [InlineData(2, 10, 2, 30, 0.5, 20, true)]
    [InlineData(3, 5, 3, 20, 1, 10, true)]
    [InlineData(4, 20, 2, 30, 0.1, 5, false)]
    public void OnARandomWalk_TheSignalsAreTheTurnsOfTheAverageFromItsExtremes(int seed, int period, int fast, int slow, decimal filter, int filterPeriod, bool allowShort)
    {
        var bars = RandomBars.Walk(seed, 3000);
        var options = new KamaOptions { Period = period, FastPeriod = fast, SlowPeriod = slow, Filter = filter, FilterPeriod = filterPeriod, AllowShort = allowShort };
        var context = new RecordingStrategyContext();
        context.Feed(new KamaStrategy("k", [Symbol], options), Symbol, bars);

        // The average read off the indicator beside the strategy, its turns recomputed from its values alone.
        var directions = AverageTurnsReference.Directions(bars, new AdaptiveMovingAverage(period, fast, slow), filter, filterPeriod);
        var expected = TurnSignals.FromDirections(directions, allowShort);
        Assert.True(expected.Count > 10, $"only {expected.Count} turns: the walk does not test much");
        Assert.Equal(expected, context.Directions());
    }

    [Fact]
    public void BarsToFirstSignal_IsTheAveragesWarmUpItsFirstChangeOrTheFiltersChangesAndATurn_OrTheTrendAverage()
    {
        Assert.Equal(13, new KamaStrategy("k", [Symbol], new KamaOptions()).BarsToFirstSignal); // ready at 11, a change at 12
        Assert.Equal(32, new KamaStrategy("k", [Symbol], new KamaOptions { Filter = 0.5m }).BarsToFirstSignal); // 20 changes
        Assert.Equal(100, new KamaStrategy("k", [Symbol], new KamaOptions { TrendPeriod = 100 }).BarsToFirstSignal);
        Assert.Equal(101, new KamaStrategy("k", [Symbol], new KamaOptions { TrendPeriod = 100, TrendAverage = TrendAverage.Kama }).BarsToFirstSignal);

        // Exact: with a period of 1 the average starts at bar 1, has a direction at bar 2 and can turn at bar 3, the 4th.
        Assert.Equal(4, new KamaStrategy("k", [Symbol], Close(allowShort: true)).BarsToFirstSignal);
        Assert.Equal([(3, SignalDirection.Short)], Signals(Close(allowShort: true), [10m, 10m, 11m, 10.5m]));
    }

    [Theory]
    [InlineData(0, 2, 30, 0, 20, "period")]
    [InlineData(10, 0, 30, 0, 20, "fastPeriod")]
    [InlineData(10, 2, 100_001, 0, 20, "slowPeriod")]
    [InlineData(10, 30, 30, 0, 20, "fastPeriod")]
    [InlineData(10, 2, 30, -0.1, 20, "filter")]
    [InlineData(10, 2, 30, 10.5, 20, "filter")]
    [InlineData(10, 2, 30, 1, 1, "filterPeriod")]
    public void BadOptions_AreNamed(int period, int fast, int slow, decimal filter, int filterPeriod, string key)
    {
        var options = new KamaOptions { Period = period, FastPeriod = fast, SlowPeriod = slow, Filter = filter, FilterPeriod = filterPeriod };
        Assert.Equal(key, Assert.Single(options.Validate()).Key);
        Assert.Throws<ArgumentException>(() => new KamaStrategy("k", [Symbol], options));
        Assert.Throws<ArgumentException>(() => new AverageTurns(options));
    }
}
