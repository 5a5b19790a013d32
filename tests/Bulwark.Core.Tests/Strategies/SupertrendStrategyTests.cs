using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// supertrend on hand-worked bars and random walks: an entry at each turn of the line, an exit at each turn against it.
/// The hand-worked bars are the indicator's (ATR(2), one ATR wide): a downtrend from bar 1, up at bar 2, down at bar 4, up
/// at bar 5 (see SupertrendTests).
/// </summary>
public sealed class SupertrendStrategyTests
{
    private const string Symbol = "X";

    private static readonly (decimal High, decimal Low, decimal Close)[] Bars =
        [(10m, 8m, 9m), (11m, 9m, 10m), (13m, 11m, 12.5m), (12m, 10m, 10m), (10m, 8m, 9m), (12m, 10m, 11.5m)];

    private static SupertrendStrategy Strategy(bool allowShort = false, int period = 2, decimal multiplier = 1m) =>
        new("s", [Symbol], new SupertrendOptions { Period = period, Multiplier = multiplier, AllowShort = allowShort });

    [Fact]
    public void HandWorked_LongOnATurnUp_FlatOnATurnDown()
    {
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(), Symbol, Bars);
        Assert.Equal([(2, SignalDirection.Long), (4, SignalDirection.Flat), (5, SignalDirection.Long)], context.Directions());
    }

    [Fact]
    public void WithShorts_ATurnDownShorts_AndEachTurnReverses()
    {
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(allowShort: true), Symbol, Bars);
        Assert.Equal([(2, SignalDirection.Long), (4, SignalDirection.Short), (5, SignalDirection.Long)], context.Directions());
    }

    [Theory]
    [InlineData(1, 10, 3, false)]
    [InlineData(2, 10, 3, true)]
    [InlineData(3, 5, 1.5, false)]
    [InlineData(4, 14, 2, true)]
    public void OnARandomWalk_TheSignalsAreTheTurnsOfTheLine(int seed, int period, double multiplier, bool allowShort)
    {
        var bars = RandomBars.Walk(seed, 3000);
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(allowShort, period, (decimal)multiplier), Symbol, bars);

        var expected = TurnSignals.Of(new Supertrend(period, (decimal)multiplier), bars, allowShort);
        Assert.True(expected.Count > 20, $"only {expected.Count} turns: the walk does not test much");
        Assert.Equal(expected, context.Directions());
    }

    [Fact]
    public void ALongFoundHeld_IsClosedAtTheFirstTurnDown_OrBeforeAnyTurnOnACloseBelowTheLowerBand_AShortAtTheFirstTurnUp()
    {
        // The line starts in a downtrend at bar 1 whatever the market did, so that closes nothing: the long is kept
        // through the turn up at bar 2 (already long: no order) and closed at the turn down at bar 4.
        var kept = new RecordingStrategyContext();
        kept.SetPosition(Symbol, 10m);
        kept.Feed(Strategy(), Symbol, Bars);
        Assert.Equal([(4, SignalDirection.Flat), (5, SignalDirection.Long)], kept.Directions());

        // Before any turn, a close below the lower band (8 at bar 1; 5.5 is not higher at bar 2, so it keeps 8) closes it.
        var stopped = new RecordingStrategyContext();
        stopped.SetPosition(Symbol, 10m);
        stopped.Feed(Strategy(), Symbol, [.. Bars[..2], (9m, 7m, 7.5m)]);
        Assert.Equal([(2, SignalDirection.Flat)], stopped.Directions());

        var shortHeld = new RecordingStrategyContext();
        var strategy = Strategy();
        shortHeld.SetPosition(Symbol, -10m);
        shortHeld.Feed(strategy, Symbol, Bars[..2]);
        Assert.Empty(shortHeld.Signals); // a short is on a downtrend's side
        shortHeld.Feed(strategy, Symbol, Bars[2..3]);
        Assert.Equal([(2, SignalDirection.Long)], shortHeld.Directions()); // the turn up buys, over the short
    }

    [Fact]
    public void ATurnDownWhileAnOrderWorks_IsActedOnAtTheFirstBarAfter_ATurnUpNeverLater()
    {
        var context = new RecordingStrategyContext();
        var strategy = Strategy();
        context.Feed(strategy, Symbol, Bars[..4]); // long at bar 2
        context.OpenOrders.Add(Symbol);
        context.Feed(strategy, Symbol, [Bars[4]]); // turns down while an order works
        context.OpenOrders.Clear();
        context.Feed(strategy, Symbol, [(10m, 8.5m, 9m)]); // still down: the exit goes now
        Assert.Equal([(2, SignalDirection.Long), (5, SignalDirection.Flat)], context.Directions());

        var missed = new RecordingStrategyContext();
        strategy = Strategy();
        missed.Feed(strategy, Symbol, Bars[..2]);
        missed.OpenOrders.Add(Symbol);
        missed.Feed(strategy, Symbol, [Bars[2]]); // turns up while an order works
        missed.OpenOrders.Clear();
        missed.Feed(strategy, Symbol, [Bars[3]]); // still up, but the turn has passed
        Assert.Empty(missed.Signals);
    }

    [Theory]
    [InlineData(0, 3, "period")]
    [InlineData(100_001, 3, "period")]
    [InlineData(10, 0, "multiplier")]
    [InlineData(10, 101, "multiplier")]
    public void BadOptions_AreNamed(int period, int multiplier, string key)
    {
        var options = new SupertrendOptions { Period = period, Multiplier = multiplier };
        Assert.Equal(key, Assert.Single(options.Validate()).Key);
        Assert.Throws<ArgumentException>(() => new SupertrendStrategy("s", [Symbol], options));
    }

    [Fact]
    public void BarsToFirstSignal_IsTheLinesPeriodAndATurn_OrTheTrendAverage()
    {
        Assert.Equal(11, Strategy(period: 10).BarsToFirstSignal);
        Assert.Equal(200, new SupertrendStrategy("s", [Symbol], new SupertrendOptions { TrendPeriod = 200 }).BarsToFirstSignal);
    }
}
