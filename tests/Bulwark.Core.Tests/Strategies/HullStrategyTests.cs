using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// hull on hand-worked closes and random walks: an entry at each turn of Hull's moving average, an exit at each turn
/// against it. Hull's average of 1 is the close itself, so the hand-worked turns can be read off the closes.
/// </summary>
public sealed class HullStrategyTests
{
    private const string Symbol = "X";

    // The closes, and so the average of 1: 10, 10, 11 (up: where it starts), 12, 11.5 (down), 12.5 (up), 13, 12 (down),
    // 11, 11.5 (up), 10 (down).
    private static readonly decimal[] Closes = [10m, 10m, 11m, 12m, 11.5m, 12.5m, 13m, 12m, 11m, 11.5m, 10m];

    private static (int Bar, SignalDirection Direction)[] Signals(HullOptions options, IEnumerable<decimal> closes)
    {
        var context = new RecordingStrategyContext();
        context.Feed(new HullStrategy("h", [Symbol], options), Symbol, closes);
        return context.Directions();
    }

    [Fact]
    public void HandWorked_LongWhenTheAverageTurnsUp_FlatWhenItTurnsDown()
    {
        Assert.Equal([(5, SignalDirection.Long), (7, SignalDirection.Flat), (9, SignalDirection.Long), (10, SignalDirection.Flat)],
            Signals(new HullOptions { Period = 1 }, Closes));
        Assert.Equal(
            [(4, SignalDirection.Short), (5, SignalDirection.Long), (7, SignalDirection.Short), (9, SignalDirection.Long), (10, SignalDirection.Short)],
            Signals(new HullOptions { Period = 1, AllowShort = true }, Closes));
        // A filter of 1 deviation of the last 2 changes lets only the fall of 1 from 13 at bar 7 through, as for kama.
        Assert.Equal([(7, SignalDirection.Short)], Signals(new HullOptions { Period = 1, AllowShort = true, Filter = 1m, FilterPeriod = 2 }, Closes));
    }

    [Fact]
    public void AtATop_TheHullOfFourTurnsOnTheFirstBarDown_AndOfNineOneBarLater()
    {
        // A straight rise from 10 to 20 (bars 0-10), then a straight fall. Hull's average of 4 sits on a straight line, so
        // it falls with the first close down (19.76 at bar 11). Of 9, it overshoots the top (20.4 at bar 11) and turns at
        // bar 12. The rise before is where each started, not a turn: no long, only the short at the turn.
        decimal[] closes = [.. Enumerable.Range(0, 11).Select(i => 10m + i), .. Enumerable.Range(1, 8).Select(i => 20m - i)];
        Assert.Equal([(11, SignalDirection.Short)], Signals(new HullOptions { Period = 4, AllowShort = true }, closes));
        Assert.Equal([(12, SignalDirection.Short)], Signals(new HullOptions { Period = 9, AllowShort = true }, closes));
    }

    [Theory]
    [InlineData(5, 20, 0, 20, false)]
    [InlineData(6, 9, 0.5, 20, true)]
    [InlineData(7, 16, 1, 10, true)]
    [InlineData(8, 55, 0.2, 5, false)]
    public void OnARandomWalk_TheSignalsAreTheTurnsOfTheAverageFromItsExtremes(int seed, int period, decimal filter, int filterPeriod, bool allowShort)
    {
        var bars = RandomBars.Walk(seed, 3000);
        var options = new HullOptions { Period = period, Filter = filter, FilterPeriod = filterPeriod, AllowShort = allowShort };
        var context = new RecordingStrategyContext();
        context.Feed(new HullStrategy("h", [Symbol], options), Symbol, bars);

        // The average read off the indicator beside the strategy, its turns recomputed from its values alone.
        var directions = AverageTurnsReference.Directions(bars, new HullMovingAverage(period), filter, filterPeriod);
        var expected = TurnSignals.FromDirections(directions, allowShort);
        Assert.True(expected.Count > 10, $"only {expected.Count} turns: the walk does not test much");
        Assert.Equal(expected, context.Directions());
    }

    [Fact]
    public void BarsToFirstSignal_IsTheAveragesWarmUpItsFirstChangeOrTheFiltersChangesAndATurn_OrTheTrendAverage()
    {
        Assert.Equal(25, new HullStrategy("h", [Symbol], new HullOptions()).BarsToFirstSignal); // ready at 23 (20 + 4 - 1)
        Assert.Equal(44, new HullStrategy("h", [Symbol], new HullOptions { Filter = 0.5m }).BarsToFirstSignal); // 20 changes
        Assert.Equal(100, new HullStrategy("h", [Symbol], new HullOptions { TrendPeriod = 100 }).BarsToFirstSignal);
        Assert.Equal(109, new HullStrategy("h", [Symbol], new HullOptions { TrendPeriod = 100, TrendAverage = TrendAverage.Hma }).BarsToFirstSignal);

        // Exact: with a period of 1 the average starts at bar 0, has a direction at bar 1 and can turn at bar 2, the 3rd.
        Assert.Equal(3, new HullStrategy("h", [Symbol], new HullOptions { Period = 1, AllowShort = true }).BarsToFirstSignal);
        Assert.Equal([(2, SignalDirection.Short)], Signals(new HullOptions { Period = 1, AllowShort = true }, [10m, 11m, 10.5m]));
    }

    [Theory]
    [InlineData(0, 0, 20, "period")]
    [InlineData(100_001, 0, 20, "period")]
    [InlineData(20, -0.1, 20, "filter")]
    [InlineData(20, 10.5, 20, "filter")]
    [InlineData(20, 1, 1, "filterPeriod")]
    public void BadOptions_AreNamed(int period, decimal filter, int filterPeriod, string key)
    {
        var options = new HullOptions { Period = period, Filter = filter, FilterPeriod = filterPeriod };
        Assert.Equal(key, Assert.Single(options.Validate()).Key);
        Assert.StartsWith("hull options:", Assert.Throws<ArgumentException>(() => new HullStrategy("h", [Symbol], options)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new AverageTurns(options));
    }
}
