using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;
using Bulwark.Core.Tests.Indicators;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// aroon on hand-worked bars and random walks: an entry at each turn of the Aroon oscillator past its threshold, an exit
/// at each turn against it. The hand-worked bars, with period 2 (three bars a window): the oscillator is 100 at bar 2
/// (the start, up), -50 at bars 3 and 4, 100 at bar 5, 50 at bar 6, 0 at bar 7 (a tie, no turn) and -100 at bar 8.
/// </summary>
public sealed class AroonStrategyTests
{
    private const string Symbol = "X";

    private static readonly (decimal High, decimal Low, decimal Close)[] Bars =
        [(10m, 8m, 9m), (11m, 9m, 10m), (12m, 10m, 11m), (11m, 7m, 8m), (10m, 7.5m, 9m), (13m, 9m, 12.5m), (12m, 10m, 11m), (11m, 9.5m, 10m), (10.5m, 8.5m, 9m)];

    private static AroonStrategy Strategy(bool allowShort = false, int period = 2, decimal threshold = 0m) =>
        new("s", [Symbol], new AroonOptions { Period = period, Threshold = threshold, AllowShort = allowShort });

    [Fact]
    public void HandWorked_LongOnATurnUp_FlatOnATurnDown_TheStartingDirectionNoEntry()
    {
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(), Symbol, Bars);
        Assert.Equal([(5, SignalDirection.Long), (8, SignalDirection.Flat)], context.Directions());
    }

    [Fact]
    public void WithShorts_ATurnDownShorts_AndEachTurnReverses()
    {
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(allowShort: true), Symbol, Bars);
        Assert.Equal([(3, SignalDirection.Short), (5, SignalDirection.Long), (8, SignalDirection.Short)], context.Directions());
    }

    [Fact]
    public void AThreshold_KeepsTheDirectionWhileTheOscillatorIsWithinIt()
    {
        // At 60 the dip to -50 at bars 3 and 4 does not turn the trend the start set up: the first turn is bar 8's -100.
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(allowShort: true, threshold: 60m), Symbol, Bars);
        Assert.Equal([(8, SignalDirection.Short)], context.Directions());
    }

    [Theory]
    [InlineData(1, 14, 0, false)]
    [InlineData(2, 25, 0, true)]
    [InlineData(3, 10, 50, true)]
    [InlineData(4, 5, 40, false)]
    public void OnARandomWalk_TheSignalsAreTheTurnsOfTheOscillatorPastTheThreshold(int seed, int period, int threshold, bool allowShort)
    {
        var bars = RandomBars.Walk(seed, 3000);
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(allowShort, period, threshold), Symbol, bars);

        // The oscillator read off the indicator: up above the threshold, down below its negative, else as it was.
        var aroon = new Aroon(period);
        var directions = new int[bars.Count];
        for (var i = 0; i < bars.Count; i++)
        {
            aroon.Update(IndicatorData.ToBar(bars[i], i));
            var before = i > 0 ? directions[i - 1] : 0;
            directions[i] = !aroon.IsReady ? 0 : aroon.Oscillator > threshold ? 1 : aroon.Oscillator < -threshold ? -1 : before;
        }
        var expected = TurnSignals.FromDirections(directions, allowShort);
        Assert.True(expected.Count > 20, $"only {expected.Count} turns: the walk does not test much");
        Assert.Equal(expected, context.Directions());
    }

    [Fact]
    public void APositionFoundHeld_IsClosedAtTheFirstTurnAgainstIt_NotByTheDirectionTheTrendStartsWith()
    {
        // The trend starts up at bar 2: the turn down at bar 3 closes the long.
        var kept = new RecordingStrategyContext();
        kept.SetPosition(Symbol, 10m);
        kept.Feed(Strategy(), Symbol, Bars);
        Assert.Equal([(3, SignalDirection.Flat), (5, SignalDirection.Long), (8, SignalDirection.Flat)], kept.Directions());

        // A start down (the lowest low this bar, the highest two bars ago) is where the trend began, not a turn.
        var startedDown = new RecordingStrategyContext();
        startedDown.SetPosition(Symbol, 10m);
        startedDown.Feed(Strategy(), Symbol, [(10m, 8m, 9m), (9m, 7m, 8m), (8m, 6m, 7m), (7.5m, 5m, 6m)]);
        Assert.Empty(startedDown.Signals);

        // A short found held while the trend starts up is kept until a turn up, where the entry buys over it.
        var shortHeld = new RecordingStrategyContext();
        var strategy = Strategy();
        shortHeld.SetPosition(Symbol, -10m);
        shortHeld.Feed(strategy, Symbol, Bars[..5]);
        Assert.Empty(shortHeld.Signals);
        shortHeld.Feed(strategy, Symbol, Bars[5..6]);
        Assert.Equal([(5, SignalDirection.Long)], shortHeld.Directions());
    }

    [Fact]
    public void ATurnDownWhileAnOrderWorks_IsActedOnAtTheFirstBarAfter_ATurnUpNeverLater()
    {
        var context = new RecordingStrategyContext();
        var strategy = Strategy();
        context.Feed(strategy, Symbol, Bars[..8]); // long at bar 5
        context.OpenOrders.Add(Symbol);
        context.Feed(strategy, Symbol, [Bars[8]]); // turns down while an order works
        context.OpenOrders.Clear();
        context.Feed(strategy, Symbol, [(10m, 8m, 8.5m)]); // still down (a new low): the exit goes now
        Assert.Equal([(5, SignalDirection.Long), (9, SignalDirection.Flat)], context.Directions());

        var missed = new RecordingStrategyContext();
        strategy = Strategy();
        missed.Feed(strategy, Symbol, Bars[..5]);
        missed.OpenOrders.Add(Symbol);
        missed.Feed(strategy, Symbol, [Bars[5]]); // turns up while an order works
        missed.OpenOrders.Clear();
        missed.Feed(strategy, Symbol, [Bars[6]]); // still up, but the turn has passed
        Assert.Empty(missed.Signals);
    }

    [Theory]
    [InlineData(0, "0", "period")]
    [InlineData(100_001, "0", "period")]
    [InlineData(25, "-1", "threshold")]
    [InlineData(25, "100", "threshold")]
    public void BadOptions_AreNamed(int period, string threshold, string key)
    {
        var options = new AroonOptions { Period = period, Threshold = decimal.Parse(threshold, System.Globalization.CultureInfo.InvariantCulture) };
        Assert.Equal(key, Assert.Single(options.Validate()).Key);
        Assert.Throws<ArgumentException>(() => new AroonStrategy("s", [Symbol], options));
    }

    [Fact]
    public void TheTrend_RefusesAThresholdOutsideTheOscillatorsRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AroonTrend(25, -1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AroonTrend(25, 100m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AroonTrend(0, 0m));
    }

    [Fact]
    public void TheTrend_IsReadyOnlyOnceTheOscillatorHasLeftItsBand()
    {
        var trend = new AroonTrend(2, 0m);
        foreach (var bar in new[] { (10m, 8m, 9m), (11m, 7m, 9m), (10m, 8m, 9m) }) trend.Update(IndicatorData.ToBar(bar, 0));
        Assert.False(trend.IsReady); // the 11 and the 7 on the same bar: up and down both 50, no direction yet
        trend.Update(IndicatorData.ToBar((12m, 9m, 11m), 0));
        Assert.Equal((true, true, 1m), (trend.IsReady, trend.IsUp, trend.GetOutput(0)));
    }

    [Fact]
    public void BarsToFirstSignal_IsThePeriodTheLatestAndATurn_OrTheTrendAverage()
    {
        Assert.Equal(27, Strategy(period: 25).BarsToFirstSignal);
        Assert.Equal(200, new AroonStrategy("s", [Symbol], new AroonOptions { TrendPeriod = 200 }).BarsToFirstSignal);
    }
}
