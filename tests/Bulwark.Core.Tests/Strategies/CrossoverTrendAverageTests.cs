using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// The crossover strategies' trend average (trendPeriod, trendAverage on sma-cross, macd-cross and ema-cloud): a cross up
/// is an entry only while the close is above the simple or exponential average of trendPeriod closes, its own included,
/// and a cross down (with shorts) only while it is below; none before the average is ready. Exits are not filtered, and a
/// refused cross still closes a position held the other way.
/// </summary>
public sealed class CrossoverTrendAverageTests
{
    private const string Symbol = "X";

    // sma-cross of 2 closes. Bars 1-3 sit on the average; bar 4 (8) falls below it; bar 5 (10) crosses above (SMA 9), bar 6
    // (9) below (9.5), bar 7 (11.4) above (10.2). A trend SMA(4) is 14.5 at bar 5, over the close, and 9.6 at bar 7, under
    // it; an EMA(4), seeded at bar 3 with the SMA (20), is 15.2, 13.12, 11.472 and 11.4432 at bars 4-7, over both closes.
    private static readonly decimal[] Closes = [20m, 20m, 20m, 20m, 8m, 10m, 9m, 11.4m];

    private static (int Bar, SignalDirection Direction)[] SmaCross(int? trendPeriod, TrendAverage average = TrendAverage.Sma, decimal heldAtStart = 0m)
    {
        var context = new RecordingStrategyContext();
        context.SetPosition(Symbol, heldAtStart);
        context.Feed(new SmaCrossStrategy("s", [Symbol], 2, trendPeriod, average), Symbol, Closes);
        return context.Directions();
    }

    [Fact]
    public void SmaCross_TakesACrossAboveOnlyOverTheTrendAverage()
    {
        Assert.Equal([(5, SignalDirection.Long), (6, SignalDirection.Flat), (7, SignalDirection.Long)], SmaCross(trendPeriod: null));
        Assert.Equal([(7, SignalDirection.Long)], SmaCross(trendPeriod: 4));
        Assert.Empty(SmaCross(trendPeriod: 4, TrendAverage.Ema));
        // An SMA(9) is not ready by the last bar: no entry at all.
        Assert.Empty(SmaCross(trendPeriod: 9));
    }

    [Fact]
    public void SmaCross_NeverFiltersAnExit()
    {
        // A long found held at the start is closed at the first close below the average (bar 4), whatever the trend.
        Assert.Equal([(4, SignalDirection.Flat), (7, SignalDirection.Long)], SmaCross(trendPeriod: 4, heldAtStart: 1m));
        Assert.Equal([(4, SignalDirection.Flat)], SmaCross(trendPeriod: 4, TrendAverage.Ema, heldAtStart: 1m));
    }

    [Theory]
    [InlineData("sma", TrendAverage.Sma, false)]
    [InlineData("sma", TrendAverage.Ema, false)]
    [InlineData("macd", TrendAverage.Sma, false)]
    [InlineData("macd", TrendAverage.Sma, true)]
    [InlineData("macd", TrendAverage.Ema, true)]
    [InlineData("sma", TrendAverage.Kama, false)]
    [InlineData("macd", TrendAverage.Kama, true)]
    [InlineData("sma", TrendAverage.Wma, false)]
    [InlineData("macd", TrendAverage.Hma, true)]
    [InlineData("sma", TrendAverage.Dema, false)]
    [InlineData("macd", TrendAverage.Tema, true)]
    public void OnARandomWalk_EachSignalIsTheRulesWithTheAverageKeptBesideIt(string rule, TrendAverage kind, bool allowShort)
    {
        // Followed bar by bar against the rule's own line and an average of 100 closes kept beside the strategy: a cross up
        // (down) is an entry only with the close above (below) the average; a position is closed by any cross against it,
        // the refused ones included. Orders fill at once.
        var bars = RandomBars.Walk(seed: 47, count: 3000);
        var average = TrendAverageSides.New(kind, 100);
        var sma = new SimpleMovingAverage(10);
        var macd = new MovingAverageConvergenceDivergence(12, 26, 9);
        var expected = new List<(int Bar, SignalDirection Direction)>();
        var (position, before, refusedThatClosed) = (0, 0, 0);
        for (var bar = 0; bar < bars.Count; bar++)
        {
            var close = bars[bar].Close;
            average.Update(close);
            sma.Update(close);
            macd.Update(close);
            if (rule == "sma" ? !sma.IsReady : !macd.IsReady) continue;
            var side = rule == "sma" ? sma.SideOf(close) : Math.Sign(macd.Line - macd.Signal);
            var (up, down) = (side > 0 && before < 0, side < 0 && before > 0);
            if (side != 0) before = side;
            var trend = average.IsReady ? average.SideOf(close) : 0;
            var next = up && position <= 0 && trend > 0 ? 1
                : allowShort && down && position >= 0 && trend < 0 ? -1
                : (position > 0 && side < 0) || (position < 0 && side > 0) ? 0
                : position;
            if (next == 0 && position != 0 && (up || down)) refusedThatClosed++;
            if (next == position) continue;
            expected.Add((bar, next switch { 1 => SignalDirection.Long, -1 => SignalDirection.Short, _ => SignalDirection.Flat }));
            position = next;
        }
        IStrategy Strategy(int? trendPeriod) => rule == "sma"
            ? new SmaCrossStrategy("s", [Symbol], 10, trendPeriod, kind)
            : new MacdCrossStrategy("m", [Symbol], new MacdCrossOptions { AllowShort = allowShort, TrendPeriod = trendPeriod, TrendAverage = kind });
        (int Bar, SignalDirection Direction)[] Run(IStrategy strategy)
        {
            var context = new RecordingStrategyContext();
            context.Feed(strategy, Symbol, bars);
            return context.Directions();
        }

        var filtered = Run(Strategy(100));

        Assert.Equal(expected, filtered);
        var entries = filtered.Count(s => s.Direction != SignalDirection.Flat);
        Assert.InRange(entries, 10, Run(Strategy(null)).Count(s => s.Direction != SignalDirection.Flat) - 10);
        Assert.Equal(allowShort, filtered.Any(s => s.Direction == SignalDirection.Short));
        // With shorts, some crosses the average refused closed the position the other way rather than reversing it.
        if (allowShort) Assert.True(refusedThatClosed > 0, "no refused cross closed a position");
    }

    [Theory]
    [InlineData(TrendAverage.Sma)]
    [InlineData(TrendAverage.Ema)]
    [InlineData(TrendAverage.Kama)]
    [InlineData(TrendAverage.Wma)]
    [InlineData(TrendAverage.Hma)]
    [InlineData(TrendAverage.Dema)]
    [InlineData(TrendAverage.Tema)]
    public void EmaCloud_OnARandomWalk_TakesExactlyTheUnfilteredTurnsOnTheRightSideOfAnAverageBesideIt(TrendAverage kind)
    {
        // Orders never fill, so every turn the clouds allow is an entry; the trend average keeps exactly the longs whose
        // close is above an average of 100 closes kept beside the strategy, and the shorts whose close is below it.
        var bars = RandomBars.Walk(seed: 53, count: 4000);
        var sides = TrendAverageSides.Of(bars, kind, 100);
        (int Bar, SignalDirection Direction)[] Run(int? trendPeriod)
        {
            var context = new RecordingStrategyContext { FillImmediately = false };
            var options = new EmaCloudOptions { FastShort = 3, FastLong = 8, TrendShort = 20, TrendLong = 30, AllowShort = true, TrendPeriod = trendPeriod, TrendAverage = kind };
            context.Feed(new EmaCloudStrategy("e", [Symbol], options), Symbol, bars);
            return context.Directions();
        }

        var unfiltered = Run(null);
        var filtered = Run(100);

        Assert.Equal(unfiltered.Where(s => sides[s.Bar] == (s.Direction == SignalDirection.Long ? 1 : -1)), filtered);
        Assert.True(filtered.Count(s => s.Direction == SignalDirection.Long) >= 5 && filtered.Count(s => s.Direction == SignalDirection.Short) >= 5, $"{filtered.Length} entries");
        Assert.Contains(unfiltered, s => s.Bar >= 99 && !filtered.Contains(s)); // refused once the average is ready, too
    }

    [Fact]
    public void EmaCloud_ARefusedTurnStillClosesAPositionTheOtherWay()
    {
        // A short held from the start is covered at the fast cloud's first bullish turn (or a close above the trend cloud)
        // whether or not the average lets the long through: the exits are the same with and without it.
        var bars = RandomBars.Walk(seed: 59, count: 1500);
        (int Bar, SignalDirection Direction)[] Run(int? trendPeriod)
        {
            var context = new RecordingStrategyContext();
            context.SetPosition(Symbol, -1m);
            context.Feed(new EmaCloudStrategy("e", [Symbol], new EmaCloudOptions { TrendPeriod = trendPeriod, AllowShort = true }), Symbol, bars);
            return context.Directions();
        }
        var first = Run(null)[0];
        var filtered = Run(400)[0]; // an average not ready before bar 399 refuses every entry until then

        Assert.True(first.Bar < 399, $"first signal at {first.Bar}");
        Assert.Equal(first.Bar, filtered.Bar);
        Assert.Equal(SignalDirection.Flat, filtered.Direction);
    }

    [Fact]
    public void BarsToFirstSignal_WaitsForTheAverage()
    {
        Assert.Equal(11, new SmaCrossStrategy("s", [Symbol], 10, trendPeriod: 5).BarsToFirstSignal);
        Assert.Equal(200, new SmaCrossStrategy("s", [Symbol], 10, trendPeriod: 200, TrendAverage.Ema).BarsToFirstSignal);
        Assert.Equal(35, new MacdCrossStrategy("m", [Symbol], new MacdCrossOptions { TrendPeriod = 20 }).BarsToFirstSignal);
        Assert.Equal(200, new MacdCrossStrategy("m", [Symbol], new MacdCrossOptions { TrendPeriod = 200 }).BarsToFirstSignal);
        Assert.Equal(51, new EmaCloudStrategy("e", [Symbol], new EmaCloudOptions { TrendPeriod = 50 }).BarsToFirstSignal);
        Assert.Equal(120, new EmaCloudStrategy("e", [Symbol], new EmaCloudOptions { TrendPeriod = 120, TrendAverage = TrendAverage.Ema }).BarsToFirstSignal);
        // The adaptive average's first efficiency ratio needs a change over all its closes: one bar more.
        Assert.Equal(201, new SmaCrossStrategy("s", [Symbol], 10, trendPeriod: 200, TrendAverage.Kama).BarsToFirstSignal);
        Assert.Equal(121, new EmaCloudStrategy("e", [Symbol], new EmaCloudOptions { TrendPeriod = 120, TrendAverage = TrendAverage.Kama }).BarsToFirstSignal);
        Assert.Equal(201, new MacdCrossStrategy("m", [Symbol], new MacdCrossOptions { TrendPeriod = 200, TrendAverage = TrendAverage.Kama }).BarsToFirstSignal);
        // The weighted average is ready after its period; Hull's √period - 1 bars later, for its final smoothing.
        Assert.Equal(200, new SmaCrossStrategy("s", [Symbol], 10, trendPeriod: 200, TrendAverage.Wma).BarsToFirstSignal);
        Assert.Equal(213, new SmaCrossStrategy("s", [Symbol], 10, trendPeriod: 200, TrendAverage.Hma).BarsToFirstSignal);
        Assert.Equal(129, new EmaCloudStrategy("e", [Symbol], new EmaCloudOptions { TrendPeriod = 120, TrendAverage = TrendAverage.Hma }).BarsToFirstSignal);
        // The double and triple exponential ones wait period - 1 bars for each EMA of an EMA.
        Assert.Equal(399, new SmaCrossStrategy("s", [Symbol], 10, trendPeriod: 200, TrendAverage.Dema).BarsToFirstSignal);
        Assert.Equal(598, new SmaCrossStrategy("s", [Symbol], 10, trendPeriod: 200, TrendAverage.Tema).BarsToFirstSignal);
        Assert.Equal(358, new EmaCloudStrategy("e", [Symbol], new EmaCloudOptions { TrendPeriod = 120, TrendAverage = TrendAverage.Tema }).BarsToFirstSignal);
        Assert.Equal(239, new MacdCrossStrategy("m", [Symbol], new MacdCrossOptions { TrendPeriod = 120, TrendAverage = TrendAverage.Dema }).BarsToFirstSignal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_001)]
    public void ATrendPeriodOutOfRange_IsRefusedNamingIt(int trendPeriod)
    {
        var expected = $"trendPeriod: must be from 1 to 100000 bars, got {trendPeriod}";
        Assert.Equal([expected], new MacdCrossOptions { TrendPeriod = trendPeriod }.Validate().Select(p => p.ToString()));
        Assert.Equal([expected], new EmaCloudOptions { TrendPeriod = trendPeriod }.Validate().Select(p => p.ToString()));
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => new SmaCrossStrategy("s", [Symbol], 10, trendPeriod));
        Assert.Contains($"sma-cross {expected}", refused.Message, StringComparison.Ordinal);
    }
}
