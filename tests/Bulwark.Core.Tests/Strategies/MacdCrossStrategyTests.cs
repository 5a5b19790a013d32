using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// macd-cross on hand-worked closes. With a fast average of one close and a slow EMA of two crossed at zero, the MACD line is
/// the close less its EMA(2), which moves two thirds of the way to each close: after a rise the line is above zero, after a
/// fall below, and an unchanged close keeps its side. So a rise after a fall crosses up and a fall after a rise down.
/// </summary>
public sealed class MacdCrossStrategyTests
{
    private const string Symbol = "X";

    private static MacdCrossStrategy Strategy(bool allowShort = false) =>
        new("m", [Symbol], new MacdCrossOptions { Fast = 1, Slow = 2, Cross = CrossLine.Zero, AllowShort = allowShort });

    // Ready at bar 1 (the line 0); bar 2 rises (above, no cross yet), 3 falls (down), 4 rises (up: long), 5 unchanged
    // (held), 6 falls (down: flat), 7 rises (up: long).
    private static readonly decimal[] Closes = [10m, 10m, 11m, 9m, 12m, 12m, 11m, 13m];

    [Fact]
    public void HandWorked_LongOnTheCrossAbove_FlatOnTheCrossBelow()
    {
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(), Symbol, Closes);
        Assert.Equal([(4, SignalDirection.Long), (6, SignalDirection.Flat), (7, SignalDirection.Long)], context.Directions());
    }

    [Fact]
    public void WithShorts_ACrossBelowShorts_AndEachCrossReverses()
    {
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(allowShort: true), Symbol, Closes);
        Assert.Equal([(3, SignalDirection.Short), (4, SignalDirection.Long), (6, SignalDirection.Short), (7, SignalDirection.Long)], context.Directions());
    }

    [Fact]
    public void ACrossBelowWhileAnOrderWorks_IsActedOnAtTheFirstBarAfter_UnlessTheLineCrossedBack()
    {
        var late = new RecordingStrategyContext();
        var strategy = Strategy();
        late.Feed(strategy, Symbol, [10m, 10m, 11m, 9m, 12m]); // long at bar 4
        late.OpenOrders.Add(Symbol);
        late.Feed(strategy, Symbol, [11m]); // crosses below while an order works
        late.OpenOrders.Clear();
        late.Feed(strategy, Symbol, [11m]); // still below: the exit goes now
        Assert.Equal([(4, SignalDirection.Long), (6, SignalDirection.Flat)], late.Directions());

        var back = new RecordingStrategyContext();
        strategy = Strategy();
        back.Feed(strategy, Symbol, [10m, 10m, 11m, 9m, 12m]);
        back.OpenOrders.Add(Symbol);
        back.Feed(strategy, Symbol, [11m, 13m]); // below, then back above before the order is done
        back.OpenOrders.Clear();
        back.Feed(strategy, Symbol, [13m]);
        Assert.Equal([(4, SignalDirection.Long)], back.Directions());
    }

    [Fact]
    public void ACrossAboveWhileAnOrderWorks_IsNeverAnEntryLater()
    {
        var context = new RecordingStrategyContext();
        var strategy = Strategy();
        context.Feed(strategy, Symbol, [10m, 10m, 11m, 9m]);
        context.OpenOrders.Add(Symbol);
        context.Feed(strategy, Symbol, [12m]); // the cross above
        context.OpenOrders.Clear();
        context.Feed(strategy, Symbol, [12m, 13m]);
        Assert.Empty(context.Directions());
    }

    [Fact]
    public void APositionFoundAtTheStart_IsClosedIfTheLineIsAgainstIt()
    {
        var below = new RecordingStrategyContext();
        below.SetPosition(Symbol, 5m);
        below.Feed(Strategy(), Symbol, [10m, 10m, 9m]); // the line first below at bar 2
        Assert.Equal([(2, SignalDirection.Flat)], below.Directions());

        var above = new RecordingStrategyContext();
        above.SetPosition(Symbol, 5m);
        above.Feed(Strategy(), Symbol, [10m, 10m, 11m]);
        Assert.Empty(above.Directions());

        var aShort = new RecordingStrategyContext();
        aShort.SetPosition(Symbol, -5m);
        aShort.Feed(Strategy(), Symbol, [10m, 10m, 11m]);
        Assert.Equal([(2, SignalDirection.Flat)], aShort.Directions());
    }

    [Theory]
    [InlineData(CrossLine.Signal, false)]
    [InlineData(CrossLine.Signal, true)]
    [InlineData(CrossLine.Zero, true)]
    public void OnARandomWalk_EachSignalIsACrossOfTheLinesTheIndicatorGives(CrossLine line, bool allowShort)
    {
        // Against MACD(12, 26, 9) of the same closes: each long where the line went above what it crosses from below at
        // the last bar they differed, each short the mirror, each exit where it is below (above, for a short).
        var random = new Random(23);
        var closes = new List<decimal> { 100m };
        for (var i = 0; i < 1500; i++) closes.Add(Math.Max(1m, closes[^1] + (decimal)(random.NextDouble() - 0.5) * 2m));
        var macd = new MovingAverageConvergenceDivergence(12, 26, line == CrossLine.Zero ? 1 : 9);
        var differences = closes.Select(c => { macd.Update(c); return macd.IsReady ? Math.Sign(macd.Line - (line == CrossLine.Zero ? 0m : macd.Signal)) : 0; }).ToArray();
        var context = new RecordingStrategyContext();
        context.Feed(new MacdCrossStrategy("m", [Symbol], new MacdCrossOptions { Cross = line, AllowShort = allowShort }), Symbol, closes);

        var signals = context.Directions();
        Assert.True(signals.Count(s => s.Direction == SignalDirection.Long) >= 10, $"{signals.Length} signals");
        Assert.Equal(allowShort, signals.Any(s => s.Direction == SignalDirection.Short));
        int SideBefore(int bar) => differences.Take(bar).LastOrDefault(d => d != 0);
        var position = 0;
        foreach (var (bar, direction) in signals)
        {
            switch (direction)
            {
                case SignalDirection.Long: Assert.True(differences[bar] > 0 && SideBefore(bar) < 0, $"long at bar {bar}"); position = 1; break;
                case SignalDirection.Short: Assert.True(differences[bar] < 0 && SideBefore(bar) > 0, $"short at bar {bar}"); position = -1; break;
                default: Assert.True(position > 0 ? differences[bar] < 0 : differences[bar] > 0, $"exit at bar {bar}"); position = 0; break;
            }
        }
    }

    [Theory]
    [InlineData(MacdZeroFilter.Trend, false)]
    [InlineData(MacdZeroFilter.Trend, true)]
    [InlineData(MacdZeroFilter.Reversal, true)]
    public void AZeroFilter_TakesOnlyTheCrossesOnItsSideOfZero_AndAFilteredCrossStillClosesAPositionTheOtherWay(MacdZeroFilter filter, bool allowShort)
    {
        // Against MACD(12, 26, 9) of the same closes, followed bar by bar: a long cross (a short one) is an entry only with
        // the line above zero (below) for trend, below (above) for reversal; any cross against a position closes it.
        var random = new Random(29);
        var closes = new List<decimal> { 100m };
        for (var i = 0; i < 2000; i++) closes.Add(Math.Max(1m, closes[^1] + (decimal)(random.NextDouble() - 0.5) * 2m));
        var macd = new MovingAverageConvergenceDivergence(12, 26, 9);
        var lines = closes.Select(c => { macd.Update(c); return (macd.IsReady, macd.Line, Side: Math.Sign(macd.Line - macd.Signal)); }).ToArray();
        bool Admits(decimal line, bool isLong) => (filter == MacdZeroFilter.Trend) == isLong ? line > 0m : line < 0m;
        var expected = new List<(int Bar, SignalDirection Direction)>();
        var (position, before) = (0, 0);
        for (var bar = 0; bar < lines.Length; bar++)
        {
            var (ready, line, side) = lines[bar];
            if (!ready) continue;
            var (up, down) = (side > 0 && before < 0, side < 0 && before > 0);
            if (side != 0) before = side;
            var next = up && position <= 0 && Admits(line, isLong: true) ? 1
                : allowShort && down && position >= 0 && Admits(line, isLong: false) ? -1
                : (position > 0 && side < 0) || (position < 0 && side > 0) ? 0
                : position;
            if (next == position) continue;
            expected.Add((bar, next switch { 1 => SignalDirection.Long, -1 => SignalDirection.Short, _ => SignalDirection.Flat }));
            position = next;
        }
        var context = new RecordingStrategyContext();
        var unfiltered = new RecordingStrategyContext();
        context.Feed(new MacdCrossStrategy("m", [Symbol], new MacdCrossOptions { ZeroFilter = filter, AllowShort = allowShort }), Symbol, closes);
        unfiltered.Feed(new MacdCrossStrategy("m", [Symbol], new MacdCrossOptions { AllowShort = allowShort }), Symbol, closes);

        Assert.Equal(expected, context.Directions());
        var entries = context.Directions().Count(s => s.Direction != SignalDirection.Flat);
        Assert.InRange(entries, 5, unfiltered.Directions().Count(s => s.Direction != SignalDirection.Flat) - 5);
        Assert.Equal(allowShort, context.Directions().Any(s => s.Direction == SignalDirection.Short));
    }

    [Fact]
    public void BarsToFirstSignal_IsTheLinesAndACross()
    {
        Assert.Equal(35, new MacdCrossStrategy("m", [Symbol], new MacdCrossOptions()).BarsToFirstSignal);
        Assert.Equal(27, new MacdCrossStrategy("m", [Symbol], new MacdCrossOptions { Cross = CrossLine.Zero }).BarsToFirstSignal);
        Assert.Equal(60, new MacdCrossStrategy("m", [Symbol], new MacdCrossOptions()) { TrendFilter = new TrendFilter(25m, 30) }.BarsToFirstSignal);
    }

    [Theory]
    [InlineData(0, 26, 9, "fast", "must be from 1 to 100000 bars, got 0")]
    [InlineData(12, 12, 9, "slow", "must be above fast (12): the MACD line is the fast average less the slow one; got 12")]
    [InlineData(12, 100_001, 9, "slow", "must be from 1 to 100000 bars, got 100001")]
    [InlineData(12, 26, 0, "signal", "must be from 1 to 100000 bars, got 0")]
    public void BadPeriods_AreProblemsNamingThem(int fast, int slow, int signal, string key, string message)
    {
        var options = new MacdCrossOptions { Fast = fast, Slow = slow, Signal = signal };
        var problem = Assert.Single(options.Validate());
        Assert.Equal((key, message), (problem.Key, problem.Message));
        Assert.Throws<ArgumentException>(() => new MacdCrossStrategy("m", [Symbol], options));
    }

    [Theory]
    [InlineData(MacdZeroFilter.Trend)]
    [InlineData(MacdZeroFilter.Reversal)]
    public void AZeroFilterOnTheZeroLine_IsAProblemNamingIt(MacdZeroFilter filter)
    {
        var options = new MacdCrossOptions { Cross = CrossLine.Zero, ZeroFilter = filter };
        var problem = Assert.Single(options.Validate());
        Assert.Equal("zeroFilter", problem.Key);
        Assert.StartsWith("needs cross=signal: it keeps the signal-line crosses on one side of zero, and a cross of zero is at zero; got ", problem.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new MacdCrossStrategy("m", [Symbol], options));
        Assert.Empty((options with { ZeroFilter = MacdZeroFilter.None }).Validate());
    }
}
