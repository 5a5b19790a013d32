using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// stochastic-reversion's own oscillator on hand-worked bars (the close's place between the highest high and lowest low of
/// the period, so a bar's wicks count) and on a random walk; the rules it shares with rsi-reversion and
/// bollinger-reversion are in <see cref="ReversionRuleTests"/>.
/// </summary>
public sealed class StochasticReversionStrategyTests
{
    private const string Symbol = "X";

    private static StochasticReversionStrategy Strategy(StochasticReversionOptions options) => new("s", [Symbol], options);

    [Fact]
    public void ACloseThatRisesButSitsLowInTheBarsRange_IsOversold()
    {
        // The close rises from 8 to 9, but under a high of 15: 1/7 of the way up the range 8 to 15, a %K of 14.3 (a
        // long); then 23 of the range 8.5 to 15 (held), then the top of the range 9 to 12 (closed).
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(new StochasticReversionOptions { Period = 2, Smoothing = 1, Signal = 1 }), Symbol,
            [(10m, 8m, 8m), (15m, 8.5m, 9m), (10m, 9m, 10m), (12m, 11m, 12m)]);
        Assert.Equal([(1, SignalDirection.Long), (3, SignalDirection.Flat)], context.Directions());
    }

    [Theory]
    [InlineData(StochasticLine.K, 2)]
    [InlineData(StochasticLine.D, 3)]
    public void TheSlowerLine_ReachesTheLevelsLater(StochasticLine line, int longBar)
    {
        // A range of two closes, %D of two %Ks: 11 is a %K of 100, then 10 of 0 (%D 50), 9 of 0 (%D 0), 10 of 100 (%D 50).
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(new StochasticReversionOptions { Period = 2, Smoothing = 1, Signal = 2, Line = line }), Symbol, [10m, 11m, 10m, 9m, 10m]);
        Assert.Equal([(longBar, SignalDirection.Long), (4, SignalDirection.Flat)], context.Directions());
    }

    [Theory]
    [InlineData(50, null, 3)] // covered at 50, the mirror of 50
    [InlineData(70, null, 4)] // the mirror of 70 is 30: the 50 holds the short, the 25 covers it
    [InlineData(70, 60, 3)] // set apart: covered at 60 though longs sell at 70
    public void AShortIsCoveredAtTheMirrorOfTheExitLevel_OrAtItsOwn(int exitLevel, int? shortExitLevel, int coverBar)
    {
        // A range of three closes: 14 tops 10 and 12 (%K 100, a short), 13 is half-way in 12 to 14 (50), 13.25 a quarter
        // of the way up 13 to 14 (25).
        var context = new RecordingStrategyContext();
        var options = new StochasticReversionOptions { Period = 3, Smoothing = 1, Signal = 1, AllowShort = true, ExitLevel = exitLevel, ShortExitLevel = shortExitLevel };
        context.Feed(Strategy(options), Symbol, [10m, 12m, 14m, 13m, 13.25m]);
        Assert.Equal([(2, SignalDirection.Short), (coverBar, SignalDirection.Flat)], context.Directions());
    }

    [Theory]
    [InlineData(StochasticLine.K, false)]
    [InlineData(StochasticLine.D, true)]
    public void OnARandomWalk_EachEntryIsBeyondALevel_AndEachExitAtItsExitLevel(StochasticLine line, bool allowShort)
    {
        // Against the slow stochastic(14, 3, 3) of the same bars: each long under 20, each short over 80, each long closed
        // at 50 or more and each short at 50 or less.
        var bars = RandomBars.Walk(seed: 23, count: 1500);
        var oscillator = new Stochastic(14, 3, 3);
        var readings = bars.Select(b =>
        {
            oscillator.Update(b.High, b.Low, b.Close);
            return (oscillator.IsReady, Value: line == StochasticLine.K ? oscillator.K : oscillator.D);
        }).ToArray();
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(new StochasticReversionOptions { Line = line, AllowShort = allowShort }), Symbol, bars);

        var signals = context.Directions();
        Assert.True(signals.Count(s => s.Direction == SignalDirection.Long) >= 5, $"{signals.Length} signals");
        Assert.Equal(allowShort, signals.Any(s => s.Direction == SignalDirection.Short));
        var position = 0;
        foreach (var (bar, direction) in signals)
        {
            var (ready, value) = readings[bar];
            Assert.True(ready);
            switch (direction)
            {
                case SignalDirection.Long: Assert.True(value < 20m, $"long at bar {bar}: {value}"); position = 1; break;
                case SignalDirection.Short: Assert.True(value > 80m, $"short at bar {bar}: {value}"); position = -1; break;
                default: Assert.True(position > 0 ? value >= 50m : value <= 50m, $"exit at bar {bar}: {value}"); position = 0; break;
            }
        }
    }

    [Fact]
    public void ACrossEntry_WaitsInTheZoneForKToCrossAboveD_ThenExitsAtTheLevel()
    {
        // A range of two closes (%K 0 after a fall, 100 after a rise, 50 when unchanged), %D of two %Ks. 9 and 8 fall (%K 0,
        // %D 0 at bar 2), 8 holds (%K 50 crosses above %D 25 at bar 3), 8.5 rises (%K 100, %D 75). The level rule on %D
        // buys the 0 at bar 2; the cross rule waits for bar 3, where %D is 25, still under 30. Both sell the 75 at bar 4.
        var d = new StochasticReversionOptions { Period = 2, Smoothing = 1, Signal = 2, Line = StochasticLine.D, Oversold = 30m };
        decimal[] closes = [10m, 9m, 8m, 8m, 8.5m];
        Assert.Equal([(2, SignalDirection.Long), (4, SignalDirection.Flat)], Run(d, closes));
        Assert.Equal([(3, SignalDirection.Long), (4, SignalDirection.Flat)], Run(d with { Entry = StochasticEntry.Cross }, closes));

        // Read on %K, the cross at bar 3 is at 50, not in the zone: nothing, where the level rule bought the 0 of bar 2.
        var k = d with { Line = StochasticLine.K };
        Assert.Equal([(2, SignalDirection.Long), (3, SignalDirection.Flat)], Run(k, closes));
        Assert.Empty(Run(k with { Entry = StochasticEntry.Cross }, closes));
    }

    [Theory]
    [InlineData(StochasticLine.K, 20, 80)]
    [InlineData(StochasticLine.D, 20, 80)]
    [InlineData(StochasticLine.K, 35, 65)]
    public void OnARandomWalk_CrossEntriesAreExactlyTheBarsBeyondALevelWhereKCrossesD(StochasticLine line, int oversold, int overbought)
    {
        // Orders never fill, so the level rule enters at every bar beyond a level; the cross rule at exactly those of them
        // where %K crossed %D its way since the bar before (above for a long, below for a short), by the indicator itself.
        var bars = RandomBars.Walk(seed: 41, count: 2000);
        var oscillator = new Stochastic(14, 3, 3);
        var expected = new List<(int, SignalDirection)>();
        decimal? gapBefore = null;
        for (var i = 0; i < bars.Count; i++)
        {
            oscillator.Update(bars[i].High, bars[i].Low, bars[i].Close);
            if (!oscillator.IsReady) continue;
            var value = line == StochasticLine.K ? oscillator.K : oscillator.D;
            var gap = oscillator.K - oscillator.D;
            if (value < oversold && gapBefore <= 0m && gap > 0m) expected.Add((i, SignalDirection.Long));
            else if (value > overbought && gapBefore >= 0m && gap < 0m) expected.Add((i, SignalDirection.Short));
            gapBefore = gap;
        }
        var options = new StochasticReversionOptions { Line = line, Oversold = oversold, Overbought = overbought, AllowShort = true };

        var levels = Run(options, bars, fill: false);
        var crosses = Run(options with { Entry = StochasticEntry.Cross }, bars, fill: false);

        Assert.Equal(expected, crosses);
        Assert.True(crosses.Count(s => s.Direction == SignalDirection.Long) >= 3 && crosses.Count(s => s.Direction == SignalDirection.Short) >= 3, $"{crosses.Length} entries");
        Assert.Subset(levels.ToHashSet(), crosses.ToHashSet());
        Assert.True(levels.Length > 3 * crosses.Length, $"{levels.Length} level entries, {crosses.Length} crosses");
    }

    [Fact]
    public void BarsToFirstSignal_IsTheOscillatorsOrTheTrendAverage()
    {
        Assert.Equal(18, Strategy(new StochasticReversionOptions()).BarsToFirstSignal);
        Assert.Equal(5, Strategy(new StochasticReversionOptions { Period = 5, Smoothing = 1, Signal = 1 }).BarsToFirstSignal);
        Assert.Equal(200, Strategy(new StochasticReversionOptions { TrendPeriod = 200 }).BarsToFirstSignal);
        Assert.Equal(40, new StochasticReversionStrategy("s", [Symbol], new StochasticReversionOptions()) { TrendFilter = new TrendFilter(25m, 20) }.BarsToFirstSignal);
        Assert.Equal(19, Strategy(new StochasticReversionOptions { Entry = StochasticEntry.Cross }).BarsToFirstSignal); // a cross needs the bar before
    }

    [Fact]
    public void ACrossEntry_OverOneSignalBar_IsAProblem()
    {
        var options = new StochasticReversionOptions { Signal = 1, Entry = StochasticEntry.Cross };
        var problem = Assert.Single(options.Validate());
        Assert.Equal(("entry", "cross needs signal above 1: over one bar %D is %K, so the two lines never cross"), (problem.Key, problem.Message));
        Assert.Throws<ArgumentException>(() => Strategy(options));
        Assert.Empty((options with { Entry = StochasticEntry.Level }).Validate());
        Assert.Single((options with { Oversold = 90m }).Validate(), p => p.Key == "oversold"); // the levels' problems first, alone
    }

    private static (int Bar, SignalDirection Direction)[] Run(StochasticReversionOptions options, IEnumerable<(decimal, decimal, decimal)> bars, bool fill = true)
    {
        var context = new RecordingStrategyContext { FillImmediately = fill };
        context.Feed(Strategy(options), Symbol, bars);
        return context.Directions();
    }

    private static (int Bar, SignalDirection Direction)[] Run(StochasticReversionOptions options, IEnumerable<decimal> closes) =>
        Run(options, closes.Select(c => (c, c, c)));

    [Theory]
    [InlineData(0, 3, 3, 20, 80, 50, null, "period", "must be from 1 to 100000 bars, got 0")]
    [InlineData(14, 0, 3, 20, 80, 50, null, "smoothing", "must be from 1 to 100000 bars, got 0")]
    [InlineData(14, 3, 100_001, 20, 80, 50, null, "signal", "must be from 1 to 100000 bars, got 100001")]
    [InlineData(14, 3, 3, 0, 80, 50, null, "oversold", "must be above 0 and below 100 (the stochastic runs from 0 to 100), got 0")]
    [InlineData(14, 3, 3, 20, 100, 50, null, "overbought", "must be above 0 and below 100 (the stochastic runs from 0 to 100), got 100")]
    [InlineData(14, 3, 3, 80, 20, 50, null, "oversold", "must be below overbought (20), got 80")]
    [InlineData(14, 3, 3, 20, 80, 90, null, "exitLevel", "must be from oversold (20) to overbought (80), got 90")]
    [InlineData(14, 3, 3, 20, 80, 50, 10, "shortExitLevel", "must be from oversold (20) to overbought (80), got 10")]
    public void BadLevels_AreProblemsNamingThem(int period, int smoothing, int signal, int oversold, int overbought, int exit, int? cover, string key, string message)
    {
        var options = new StochasticReversionOptions
        {
            Period = period, Smoothing = smoothing, Signal = signal, Oversold = oversold, Overbought = overbought, ExitLevel = exit, ShortExitLevel = cover,
        };
        var problem = Assert.Single(options.Validate());
        Assert.Equal((key, message), (problem.Key, problem.Message));
        Assert.Throws<ArgumentException>(() => Strategy(options));
    }
}
