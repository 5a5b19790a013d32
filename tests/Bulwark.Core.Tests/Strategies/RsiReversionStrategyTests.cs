using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// rsi-reversion on hand-worked closes. With an RSI of one bar its value is 0 after a fall, 100 after a rise and 50 after
/// an unchanged close, so each bar's reading is plain from the closes.
/// </summary>
public sealed class RsiReversionStrategyTests
{
    private const string Symbol = "X";

    private static RsiReversionStrategy Strategy(bool allowShort = false, decimal exitLevel = 50m, int? trendPeriod = null) =>
        new("r", [Symbol], new RsiReversionOptions { RsiPeriod = 1, AllowShort = allowShort, ExitLevel = exitLevel, TrendPeriod = trendPeriod });

    private static (int Bar, SignalDirection Direction)[] Signals(RecordingStrategyContext context) =>
        [.. context.Signals.Select(s => (s.Bar, s.Direction))];

    // RSI(1): bar 1 0 (oversold: long), 2 0 (held), 3 50 (back to the exit level: flat), 4 100 (overbought),
    // 5 0 (oversold: long), 6 100 (flat; with shorts, overbought: reversed short).
    private static readonly decimal[] Closes = [10m, 9m, 8m, 8m, 9m, 8m, 10m];

    [Fact]
    public void HandWorked_LongWhileOversold_FlatBackAtTheExitLevel()
    {
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(), Symbol, Closes);
        Assert.Equal([(1, SignalDirection.Long), (3, SignalDirection.Flat), (5, SignalDirection.Long), (6, SignalDirection.Flat)], Signals(context));
    }

    [Fact]
    public void WithShorts_ShortWhileOverbought_AndAnExtremeTheOtherWayReverses()
    {
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(allowShort: true), Symbol, Closes);
        Assert.Equal(
            [(1, SignalDirection.Long), (3, SignalDirection.Flat), (4, SignalDirection.Short), (5, SignalDirection.Long), (6, SignalDirection.Short)],
            Signals(context));
    }

    [Fact]
    public void AnExitLevelAtOverbought_HoldsTheLongUntilTheRsiGetsThere()
    {
        var held = new RecordingStrategyContext();
        held.Feed(Strategy(exitLevel: 70m), Symbol, [10m, 9m, 9m, 10m]); // RSI 0, 50, 100
        Assert.Equal([(1, SignalDirection.Long), (3, SignalDirection.Flat)], Signals(held));

        var atTheMiddle = new RecordingStrategyContext();
        atTheMiddle.Feed(Strategy(), Symbol, [10m, 9m, 9m, 10m]);
        Assert.Equal([(1, SignalDirection.Long), (2, SignalDirection.Flat)], Signals(atTheMiddle));
    }

    [Fact]
    public void ALongClosedByAStopWhileStillOversold_IsNotBoughtAgain_UntilTheRsiHasLeftTheZone()
    {
        var context = new RecordingStrategyContext();
        var strategy = Strategy();
        context.Feed(strategy, Symbol, [10m, 9m, 8m]); // long at bar 1, held at bar 2 with the RSI still 0
        context.SetPosition(Symbol, 0m); // a protective stop closed it
        context.Feed(strategy, Symbol, [7m]); // still oversold: the same dip
        context.Feed(strategy, Symbol, [8m, 7m]); // the RSI leaves the zone (100), then a new dip (0)
        Assert.Equal([(1, SignalDirection.Long), (5, SignalDirection.Long)], Signals(context));
    }

    [Fact]
    public void AnEntryThatNeverFilled_IsSignalledAgainWhileTheRsiStaysOversold()
    {
        var context = new RecordingStrategyContext { FillImmediately = false }; // denied: the position stays flat
        context.Feed(Strategy(), Symbol, [10m, 9m, 8m]);
        Assert.Equal([(1, SignalDirection.Long), (2, SignalDirection.Long)], Signals(context));
    }

    [Fact]
    public void WhileAnOrderWorks_NothingIsSignalled_AndAnRsiStillOversoldIsTakenAtTheFirstBarAfter()
    {
        var context = new RecordingStrategyContext();
        var strategy = Strategy();
        context.Feed(strategy, Symbol, [10m]);
        context.OpenOrders.Add(Symbol);
        context.Feed(strategy, Symbol, [9m]);
        context.OpenOrders.Clear();
        context.Feed(strategy, Symbol, [8m]);
        Assert.Equal([(2, SignalDirection.Long)], Signals(context));
    }

    [Fact]
    public void ALongFoundAboveTheExitLevelAtTheStart_IsClosedAtTheFirstReadyBar()
    {
        var context = new RecordingStrategyContext();
        context.SetPosition(Symbol, 10m);
        context.Feed(Strategy(), Symbol, [10m, 11m]);
        Assert.Equal([(1, SignalDirection.Flat)], Signals(context));
    }

    [Fact]
    public void ATrendAverage_BuysOnlyTheDipsAboveIt_AndShortsOnlyTheRalliesBelowIt()
    {
        // An uptrend's dip: at bar 4 the close 14 is above the average of the last 4 closes (13.25).
        var up = new RecordingStrategyContext();
        up.Feed(Strategy(trendPeriod: 4), Symbol, [10m, 11m, 12m, 16m, 14m]);
        Assert.Equal([(4, SignalDirection.Long)], Signals(up));

        // A downtrend: the dip at bar 3 (10, below the average 13.75) is not bought; the rally at bar 4 (12, below 12.75)
        // is shorted, and covered at bar 5 when the RSI falls back to 0 (the close 11 still below 11.75: no long).
        decimal[] down = [16m, 15m, 14m, 10m, 12m, 11m];
        var filtered = new RecordingStrategyContext();
        filtered.Feed(Strategy(allowShort: true, trendPeriod: 4), Symbol, down);
        Assert.Equal([(4, SignalDirection.Short), (5, SignalDirection.Flat)], Signals(filtered));
        var unfiltered = new RecordingStrategyContext();
        unfiltered.Feed(Strategy(allowShort: true), Symbol, down);
        // Without it, the falls are bought (bar 1, and bar 5 reversing the short of bar 4).
        Assert.Equal([(1, SignalDirection.Long), (4, SignalDirection.Short), (5, SignalDirection.Long)], Signals(unfiltered));

        // Before the average is ready no entry is taken.
        var early = new RecordingStrategyContext();
        early.Feed(Strategy(trendPeriod: 6), Symbol, [10m, 11m, 12m, 16m, 14m]);
        Assert.Empty(Signals(early));
    }

    [Fact]
    public void OnARandomWalk_EachLongIsAtAnOversoldRsi_AndEachExitAtTheExitLevel()
    {
        // Against the RSI(14) of the same closes: each long is signalled at a bar whose RSI is under 30, each exit at 50 or more.
        var random = new Random(11);
        var closes = new List<decimal> { 100m };
        for (var i = 0; i < 600; i++) closes.Add(Math.Max(1m, closes[^1] + (decimal)(random.NextDouble() - 0.5) * 2m));
        var rsi = new RelativeStrengthIndex(14);
        var readings = closes.Select(c => { rsi.Update(c); return rsi.IsReady ? rsi.Value : -1m; }).ToArray();
        var context = new RecordingStrategyContext();
        context.Feed(new RsiReversionStrategy("r", [Symbol], new RsiReversionOptions()), Symbol, closes);

        var signals = Signals(context);
        Assert.True(signals.Length >= 4, $"{signals.Length} signals");
        Assert.All(signals.Where(s => s.Direction == SignalDirection.Long), s => Assert.InRange(readings[s.Bar], 0m, 29.999999m));
        Assert.All(signals.Where(s => s.Direction == SignalDirection.Flat), s => Assert.True(readings[s.Bar] >= 50m));
    }

    [Fact]
    public void BarsToFirstSignal_IsTheRsisChangesOrTheTrendAverage()
    {
        Assert.Equal(15, new RsiReversionStrategy("r", [Symbol], new RsiReversionOptions()).BarsToFirstSignal);
        Assert.Equal(200, new RsiReversionStrategy("r", [Symbol], new RsiReversionOptions { RsiPeriod = 2, TrendPeriod = 200 }).BarsToFirstSignal);
        Assert.Equal(40, new RsiReversionStrategy("r", [Symbol], new RsiReversionOptions()) { TrendFilter = new TrendFilter(25m, 20) }.BarsToFirstSignal);
    }

    [Theory]
    [InlineData(0, 30, 70, 50, null, "rsiPeriod", "must be from 1 to 100000 bars, got 0")]
    [InlineData(14, 0, 70, 50, null, "oversold", "must be above 0 and below 100 (the RSI runs from 0 to 100), got 0")]
    [InlineData(14, 30, 100, 50, null, "overbought", "must be above 0 and below 100 (the RSI runs from 0 to 100), got 100")]
    [InlineData(14, 70, 30, 50, null, "oversold", "must be below overbought (30), got 70")]
    [InlineData(14, 30, 70, 80, null, "exitLevel", "must be from oversold (30) to overbought (70), got 80")]
    [InlineData(14, 30, 70, 20, null, "exitLevel", "must be from oversold (30) to overbought (70), got 20")]
    [InlineData(14, 30, 70, 50, 100_001, "trendPeriod", "must be from 1 to 100000 bars, got 100001")]
    public void BadLevels_AreProblemsNamingThem(int period, int oversold, int overbought, int exit, int? trend, string key, string message)
    {
        var options = new RsiReversionOptions { RsiPeriod = period, Oversold = oversold, Overbought = overbought, ExitLevel = exit, TrendPeriod = trend };
        var problem = Assert.Single(options.Validate());
        Assert.Equal((key, message), (problem.Key, problem.Message));
        Assert.Throws<ArgumentException>(() => new RsiReversionStrategy("r", [Symbol], options));
    }
}
