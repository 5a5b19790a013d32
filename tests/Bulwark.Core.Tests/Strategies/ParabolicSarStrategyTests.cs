using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// parabolic-sar on hand-worked bars and random walks: an entry at each reversal of the SAR, an exit at each reversal
/// against it. The hand-worked bars are the indicator's (acceleration 0.1 up to 0.2): up from bar 1, reversed down at
/// bar 4, up at bar 6 and down again at bar 7 (see ParabolicSarTests).
/// </summary>
public sealed class ParabolicSarStrategyTests
{
    private const string Symbol = "X";

    private static readonly (decimal High, decimal Low, decimal Close)[] Bars =
        [(10m, 8m, 9m), (11m, 9m, 10.5m), (13m, 11m, 12.5m), (14m, 12m, 13m), (12.5m, 10m, 10.5m), (12m, 9m, 9.5m), (13.5m, 11m, 13m), (13m, 8.5m, 9m)];

    private static ParabolicSarStrategy Strategy(bool allowShort = false, decimal acceleration = 0.1m, decimal maxAcceleration = 0.2m) =>
        new("s", [Symbol], new ParabolicSarOptions { Acceleration = acceleration, MaxAcceleration = maxAcceleration, AllowShort = allowShort });

    [Fact]
    public void HandWorked_LongOnAReversalUp_FlatOnAReversalDown_TheStartingTrendNoEntry()
    {
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(), Symbol, Bars);
        Assert.Equal([(6, SignalDirection.Long), (7, SignalDirection.Flat)], context.Directions());
    }

    [Fact]
    public void WithShorts_AReversalDownShorts_AndEachReversalReverses()
    {
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(allowShort: true), Symbol, Bars);
        Assert.Equal([(4, SignalDirection.Short), (6, SignalDirection.Long), (7, SignalDirection.Short)], context.Directions());
    }

    [Theory]
    [InlineData(1, 0.02, 0.2, false)]
    [InlineData(2, 0.02, 0.2, true)]
    [InlineData(3, 0.01, 0.1, false)]
    [InlineData(4, 0.05, 0.5, true)]
    public void OnARandomWalk_TheSignalsAreTheReversalsOfTheSar(int seed, double acceleration, double maxAcceleration, bool allowShort)
    {
        var bars = RandomBars.Walk(seed, 3000);
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(allowShort, (decimal)acceleration, (decimal)maxAcceleration), Symbol, bars);

        var expected = TurnSignals.Of(new ParabolicSar((decimal)acceleration, (decimal)maxAcceleration), bars, allowShort);
        Assert.True(expected.Count > 20, $"only {expected.Count} reversals: the walk does not test much");
        Assert.Equal(expected, context.Directions());
    }

    [Fact]
    public void APositionFoundHeld_IsClosedAtTheFirstReversalAgainstIt_NotByTheTrendTheSarStartsWith()
    {
        // The SAR starts up at bar 1 and its stop is the long's: the reversal down at bar 4 closes it.
        var kept = new RecordingStrategyContext();
        kept.SetPosition(Symbol, 10m);
        kept.Feed(Strategy(), Symbol, Bars);
        Assert.Equal([(4, SignalDirection.Flat), (6, SignalDirection.Long), (7, SignalDirection.Flat)], kept.Directions());

        // A start down, read off two bars (the second fell 2 and rose -0.5), is where the SAR began, not a reversal.
        var startedDown = new RecordingStrategyContext();
        startedDown.SetPosition(Symbol, 10m);
        startedDown.Feed(Strategy(), Symbol, [(10m, 8m, 9m), (9.5m, 6m, 7m), (9m, 5.5m, 6m)]);
        Assert.Empty(startedDown.Signals);

        // A short found held while the SAR starts up is kept until a reversal up, where the entry buys over it.
        var shortHeld = new RecordingStrategyContext();
        var strategy = Strategy();
        shortHeld.SetPosition(Symbol, -10m);
        shortHeld.Feed(strategy, Symbol, Bars[..6]);
        Assert.Empty(shortHeld.Signals);
        shortHeld.Feed(strategy, Symbol, Bars[6..7]);
        Assert.Equal([(6, SignalDirection.Long)], shortHeld.Directions());
    }

    [Fact]
    public void AReversalDownWhileAnOrderWorks_IsActedOnAtTheFirstBarAfter_AReversalUpNeverLater()
    {
        var context = new RecordingStrategyContext();
        var strategy = Strategy();
        context.Feed(strategy, Symbol, Bars[..7]); // long at bar 6
        context.OpenOrders.Add(Symbol);
        context.Feed(strategy, Symbol, [Bars[7]]); // reverses down while an order works: the stop is now 13.5
        context.OpenOrders.Clear();
        context.Feed(strategy, Symbol, [(12m, 9m, 10m)]); // still down: the exit goes now
        Assert.Equal([(6, SignalDirection.Long), (8, SignalDirection.Flat)], context.Directions());

        var missed = new RecordingStrategyContext();
        strategy = Strategy();
        missed.Feed(strategy, Symbol, Bars[..6]);
        missed.OpenOrders.Add(Symbol);
        missed.Feed(strategy, Symbol, [Bars[6]]); // reverses up while an order works
        missed.OpenOrders.Clear();
        missed.Feed(strategy, Symbol, [(14m, 12m, 13.5m)]); // still up, but the reversal has passed
        Assert.Empty(missed.Signals);
    }

    [Theory]
    [InlineData("0", "0.2", "acceleration")]
    [InlineData("2", "1", "acceleration")]
    [InlineData("0.3", "0.2", "maxAcceleration")]
    [InlineData("0.02", "1.5", "maxAcceleration")]
    public void BadOptions_AreNamed(string acceleration, string maxAcceleration, string key)
    {
        var options = new ParabolicSarOptions { Acceleration = decimal.Parse(acceleration, System.Globalization.CultureInfo.InvariantCulture), MaxAcceleration = decimal.Parse(maxAcceleration, System.Globalization.CultureInfo.InvariantCulture) };
        Assert.Equal(key, Assert.Single(options.Validate()).Key);
        Assert.Throws<ArgumentException>(() => new ParabolicSarStrategy("s", [Symbol], options));
    }

    [Fact]
    public void BarsToFirstSignal_IsTwoBarsAndAReversal_OrTheTrendAverage()
    {
        Assert.Equal(3, Strategy().BarsToFirstSignal);
        Assert.Equal(200, new ParabolicSarStrategy("s", [Symbol], new ParabolicSarOptions { TrendPeriod = 200 }).BarsToFirstSignal);
    }
}
