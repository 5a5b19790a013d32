using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// The trix strategy on hand-worked closes and random walks. A TRIX of one bar is the one-bar percent change of the close,
/// so with cross=zero it is above zero exactly when the close rose: a rise after a fall crosses up, a fall after a rise
/// down, and an unchanged close (zero) keeps the side.
/// </summary>
public sealed class TrixStrategyTests
{
    private const string Symbol = "X";

    private static TrixStrategy Strategy(bool allowShort = false) =>
        new("t", [Symbol], new TrixOptions { Period = 1, Cross = CrossLine.Zero, AllowShort = allowShort });

    // Ready at bar 1 (unchanged: zero); bar 2 rises (above, no cross yet), 3 falls (down), 4 rises (up: long), 5 unchanged
    // (held), 6 falls (down: flat), 7 rises (up: long).
    private static readonly decimal[] Closes = [10m, 10m, 11m, 9m, 12m, 12m, 11m, 13m];

    [Fact]
    public void HandWorked_LongWhenTheLineCrossesAboveZero_FlatBelow_AndWithShortsEachCrossReverses()
    {
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(), Symbol, Closes);
        Assert.Equal([(4, SignalDirection.Long), (6, SignalDirection.Flat), (7, SignalDirection.Long)], context.Directions());

        var shorts = new RecordingStrategyContext();
        shorts.Feed(Strategy(allowShort: true), Symbol, Closes);
        Assert.Equal([(3, SignalDirection.Short), (4, SignalDirection.Long), (6, SignalDirection.Short), (7, SignalDirection.Long)], shorts.Directions());
    }

    [Fact]
    public void APositionFoundAtTheStart_IsClosedIfTheLineIsAgainstIt()
    {
        var below = new RecordingStrategyContext();
        below.SetPosition(Symbol, 5m);
        below.Feed(Strategy(), Symbol, [10m, 10m, 9m]); // the line first below zero at bar 2
        Assert.Equal([(2, SignalDirection.Flat)], below.Directions());

        var shortAbove = new RecordingStrategyContext();
        shortAbove.SetPosition(Symbol, -5m);
        shortAbove.Feed(Strategy(allowShort: true), Symbol, [10m, 10m, 11m]);
        Assert.Equal([(2, SignalDirection.Flat)], shortAbove.Directions());

        var above = new RecordingStrategyContext();
        above.SetPosition(Symbol, 5m);
        above.Feed(Strategy(), Symbol, [10m, 10m, 11m]);
        Assert.Empty(above.Directions());
    }

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
