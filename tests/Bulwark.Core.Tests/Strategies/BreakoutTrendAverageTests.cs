using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// The breakout strategies' trend average (trendPeriod, trendAverage): a breakout up is an entry only while the close is
/// above the simple or exponential average of trendPeriod closes, its own included, and one down only while it is below;
/// none before the average is ready. Exits are not filtered, and a refused breakout still closes a position held the
/// other way when the close is beyond its exit.
/// </summary>
public sealed class BreakoutTrendAverageTests
{
    private const string Symbol = "X";

    // donchian-breakout with channels of 3 bars (high = low = close). Bar 5 (10) breaks below the 20s: a short. Bars 6-8
    // stay inside; bar 9 (13) breaks above bars 6-8 (12): a long, reversing the short. At bar 5 an SMA(6) is 18.33 and an
    // EMA(6) is seeded there at the same; at bar 9 the SMA(6) of bars 4-9 is 12.83, under the close, while the EMA(6) has
    // come down only to 13.63 (16.24, 15.03, 13.88, 13.63), over it.
    private static readonly decimal[] FallThenRise = [20m, 20m, 20m, 20m, 20m, 10m, 11m, 12m, 11m, 13m];

    private static (int Bar, SignalDirection Direction)[] Donchian(decimal[] closes, int? trendPeriod, TrendAverage average = TrendAverage.Sma, bool allowShort = true)
    {
        var strategy = new DonchianBreakoutStrategy("d", [Symbol], new DonchianBreakoutOptions
        {
            EntryPeriod = 3, ExitPeriod = 3, AllowShort = allowShort, TrendPeriod = trendPeriod, TrendAverage = average,
        });
        var context = new RecordingStrategyContext();
        context.Feed(strategy, Symbol, closes);
        return context.Directions();
    }

    [Fact]
    public void Donchian_TakesABreakoutOnlyOnTheAveragesSide_AndARefusedOneStillClosesTheShort()
    {
        Assert.Equal([(5, SignalDirection.Short), (9, SignalDirection.Long)], Donchian(FallThenRise, trendPeriod: null));
        Assert.Equal([(5, SignalDirection.Short), (9, SignalDirection.Long)], Donchian(FallThenRise, trendPeriod: 6));
        // The EMA still above the close at bar 9 refuses the long; the close is above the exit channel, so the short is covered.
        Assert.Equal([(5, SignalDirection.Short), (9, SignalDirection.Flat)], Donchian(FallThenRise, trendPeriod: 6, TrendAverage.Ema));
        Assert.Equal([(9, SignalDirection.Long)], Donchian(FallThenRise, trendPeriod: 6, allowShort: false));
        Assert.Empty(Donchian(FallThenRise, trendPeriod: 6, TrendAverage.Ema, allowShort: false));
    }

    [Fact]
    public void Donchian_TakesNoBreakoutBeforeTheAverageIsReady()
    {
        // An SMA(8) is first ready at bar 7, after the short's breakout; at bar 9 it is 14.63 (bars 2-9), over the close.
        Assert.Empty(Donchian(FallThenRise, trendPeriod: 8));
        Assert.Equal(8, new DonchianBreakoutStrategy("d", [Symbol], new DonchianBreakoutOptions { EntryPeriod = 3, ExitPeriod = 3, TrendPeriod = 8 }).BarsToFirstSignal);
        Assert.Equal(21, new DonchianBreakoutStrategy("d", [Symbol], new DonchianBreakoutOptions { TrendPeriod = 21, TrendAverage = TrendAverage.Ema }).BarsToFirstSignal);
        Assert.Equal(21, new DonchianBreakoutStrategy("d", [Symbol], new DonchianBreakoutOptions { TrendPeriod = 5 }).BarsToFirstSignal);
    }

    // keltner-breakout as in KeltnerBreakoutStrategyTests (the EMA of 3 closes, half a range of 1 bar out): a long at bar 4
    // (14), flat at 6, a short at 7 (11), covered at 9. An SMA(8) is first ready at bar 7 (11.875, over the 11).
    private static readonly decimal[] KeltnerCloses = [10m, 10m, 10m, 12m, 14m, 15m, 13m, 11m, 12m, 13m];

    private static (int Bar, SignalDirection Direction)[] Keltner(int? trendPeriod, decimal exitMultiplier = 0m, decimal heldAtStart = 0m)
    {
        var strategy = new KeltnerBreakoutStrategy("k", [Symbol], new KeltnerBreakoutOptions
        {
            Period = 3, Multiplier = 0.5m, RangePeriod = 1, ExitMultiplier = exitMultiplier, AllowShort = true, TrendPeriod = trendPeriod,
        });
        var context = new RecordingStrategyContext();
        context.SetPosition(Symbol, heldAtStart);
        context.Feed(strategy, Symbol, KeltnerCloses);
        return context.Directions();
    }

    [Fact]
    public void Keltner_TakesNoBreakoutBeforeTheAverageIsReady_AndTheShortBelowIt()
    {
        Assert.Equal([(4, SignalDirection.Long), (6, SignalDirection.Flat), (7, SignalDirection.Short), (9, SignalDirection.Flat)], Keltner(trendPeriod: null));
        Assert.Equal([(7, SignalDirection.Short), (9, SignalDirection.Flat)], Keltner(trendPeriod: 8));
        Assert.Equal(8, new KeltnerBreakoutStrategy("k", [Symbol], new KeltnerBreakoutOptions { Period = 3, RangePeriod = 1, TrendPeriod = 8 }).BarsToFirstSignal);
    }

    [Fact]
    public void Keltner_ARefusedBreakout_StillCoversAShortBeyondItsExit()
    {
        // A short held from the start, covered at the upper band (exitMultiplier -0.5): bar 4's close 14 is above it (13.5).
        // Without the average the breakout reverses the short; with one not yet ready, the short is only covered. Bar 7's
        // close (11) is below the lower band and, at last, below the SMA(8): a short again.
        Assert.Equal([(4, SignalDirection.Long), (7, SignalDirection.Short)], Keltner(trendPeriod: null, exitMultiplier: -0.5m, heldAtStart: -1m));
        Assert.Equal([(4, SignalDirection.Flat), (7, SignalDirection.Short)], Keltner(trendPeriod: 8, exitMultiplier: -0.5m, heldAtStart: -1m));
    }

    [Theory]
    [InlineData("donchian", TrendAverage.Sma)]
    [InlineData("donchian", TrendAverage.Ema)]
    [InlineData("keltner", TrendAverage.Sma)]
    [InlineData("keltner", TrendAverage.Ema)]
    [InlineData("donchian", TrendAverage.Kama)]
    [InlineData("keltner", TrendAverage.Kama)]
    [InlineData("donchian", TrendAverage.Hma)]
    [InlineData("keltner", TrendAverage.Wma)]
    [InlineData("donchian", TrendAverage.Tema)]
    [InlineData("keltner", TrendAverage.Dema)]
    public void OnARandomWalk_TheEntriesAreExactlyTheUnfilteredOnesOnTheRightSideOfAnAverageBesideThem(string rule, TrendAverage kind)
    {
        // Orders never fill, so every bar beyond a channel is an entry; the trend average keeps exactly the longs whose close is
        // above an average of 100 closes kept beside the strategy, and the shorts whose close is below it.
        var bars = RandomBars.Walk(seed: 89, count: 3000);
        var sides = TrendAverageSides.Of(bars, kind, 100);
        IStrategy Strategy(int? trendPeriod) => rule == "donchian"
            ? new DonchianBreakoutStrategy("d", [Symbol], new DonchianBreakoutOptions { EntryPeriod = 10, ExitPeriod = 5, AllowShort = true, TrendPeriod = trendPeriod, TrendAverage = kind })
            : new KeltnerBreakoutStrategy("k", [Symbol], new KeltnerBreakoutOptions { Period = 10, Multiplier = 1m, AllowShort = true, TrendPeriod = trendPeriod, TrendAverage = kind });
        (int Bar, SignalDirection Direction)[] Run(IStrategy strategy)
        {
            var context = new RecordingStrategyContext { FillImmediately = false };
            context.Feed(strategy, Symbol, bars);
            return context.Directions();
        }

        var unfiltered = Run(Strategy(null));
        var filtered = Run(Strategy(100));

        Assert.Equal(unfiltered.Where(s => sides[s.Bar] == (s.Direction == SignalDirection.Long ? 1 : -1)), filtered);
        Assert.True(filtered.Count(s => s.Direction == SignalDirection.Long) >= 10 && filtered.Count(s => s.Direction == SignalDirection.Short) >= 10, $"{filtered.Length} entries");
        // Some breakouts the average refuses once it is ready, not only those before it is.
        Assert.Contains(unfiltered, s => s.Bar >= 99 && !filtered.Contains(s));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_001)]
    public void ATrendPeriodOutOfRange_IsAProblemNamingIt(int trendPeriod)
    {
        var expected = $"trendPeriod: must be from 1 to 100000 bars, got {trendPeriod}";
        Assert.Equal([expected], new DonchianBreakoutOptions { TrendPeriod = trendPeriod }.Validate().Select(p => p.ToString()));
        Assert.Equal([expected], new KeltnerBreakoutOptions { TrendPeriod = trendPeriod }.Validate().Select(p => p.ToString()));
    }
}
