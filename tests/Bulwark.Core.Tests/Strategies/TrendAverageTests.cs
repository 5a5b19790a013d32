using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// The mean-reversion strategies' trend average as an EMA (trendAverage=ema): entries are taken only on the close's
/// side of the exponential average of trendPeriod closes, seeded with their simple average, instead of the simple one.
/// The hand-worked closes are read as in <see cref="ReversionRuleTests"/>: each strategy sees a fall as stretched down and
/// a rise as stretched up.
/// </summary>
public sealed class TrendAverageTests
{
    private const string Symbol = "X";

    // A fall after a run up: at bar 6 the close 21.8 is under the SMA(3) of 21, 24, 21.8 (22.27) but over the EMA(3),
    // which is seeded at 10 by the first three closes and has climbed 15, 18, 21, 21.4.
    private static readonly decimal[] AfterARise = [10m, 10m, 10m, 20m, 21m, 24m, 21.8m];

    private static ReversionStrategy Strategy(string rule, int trendPeriod, TrendAverage average, bool allowShort = false) =>
        ReversionRuleTests.Strategy(rule, allowShort, trendPeriod, average);

    private static (int Bar, SignalDirection Direction)[] Signals(ReversionStrategy strategy, decimal[] closes)
    {
        var context = new RecordingStrategyContext();
        context.Feed(strategy, Symbol, closes);
        return context.Directions();
    }

    [Theory]
    [MemberData(nameof(ReversionRuleTests.Rules), MemberType = typeof(ReversionRuleTests))]
    public void TheEma_WeighsTheLatestClosesMost_SoItTakesDipsTheSmaRefuses_AndRefusesDipsItTakes(string rule)
    {
        // Only the EMA buys the dip after the run up.
        Assert.Empty(Signals(Strategy(rule, 3, TrendAverage.Sma), AfterARise));
        Assert.Equal([(6, SignalDirection.Long)], Signals(Strategy(rule, 3, TrendAverage.Ema), AfterARise));

        // A bounce after a fall: at bar 5 the close 13 is over the SMA(3) of 10, 14, 13 (12.33) but under the EMA(3), still
        // 13.75 from the 20s it started at: only the SMA buys it. The fall at bar 3 is below both.
        decimal[] afterAFall = [20m, 20m, 20m, 10m, 14m, 13m];
        Assert.Equal([(5, SignalDirection.Long)], Signals(Strategy(rule, 3, TrendAverage.Sma), afterAFall));
        Assert.Empty(Signals(Strategy(rule, 3, TrendAverage.Ema), afterAFall));

        // The mirror for shorts: the rally at bar 6 is under the EMA (78.6) and over the SMA (77.73); the falls before it are
        // under both, so no long either.
        decimal[] afterADrop = [.. AfterARise.Select(c => 100m - c)];
        Assert.Empty(Signals(Strategy(rule, 3, TrendAverage.Sma, allowShort: true), afterADrop));
        Assert.Equal([(6, SignalDirection.Short)], Signals(Strategy(rule, 3, TrendAverage.Ema, allowShort: true), afterADrop));
    }

    [Theory]
    [MemberData(nameof(ReversionRuleTests.Rules), MemberType = typeof(ReversionRuleTests))]
    public void TheEma_IsReadyAfterItsPeriod_AsTheSmaIs(string rule)
    {
        // The dip at bar 6 again, with an EMA of 8 closes: not ready, so no entry; of 7, ready at that very bar.
        Assert.Empty(Signals(Strategy(rule, 8, TrendAverage.Ema), AfterARise));
        Assert.Equal([(6, SignalDirection.Long)], Signals(Strategy(rule, 7, TrendAverage.Ema), AfterARise));
        Assert.Equal(Strategy(rule, 50, TrendAverage.Sma).BarsToFirstSignal, Strategy(rule, 50, TrendAverage.Ema).BarsToFirstSignal);
        Assert.Equal(50, Strategy(rule, 50, TrendAverage.Ema).BarsToFirstSignal);
    }

    [Theory]
    [MemberData(nameof(ReversionRuleTests.Rules), MemberType = typeof(ReversionRuleTests))]
    public void TheKama_FollowsTheRunUpSoTakesTheDip_AndIsReadyABarAfterItsPeriod(string rule)
    {
        // KAMA(6) of the seven closes: seeded at bar 6 with the mean of the last six (17.8), under the dip's 21.8; KAMA(7)
        // would need an eighth close. KAMA(3) is ready at bar 3 and straight runs move it 4/9 of the way, so by bar 6 it is
        // about 20.07, under the dip as well, where the SMA(3) refuses it.
        Assert.Equal([(6, SignalDirection.Long)], Signals(Strategy(rule, 6, TrendAverage.Kama), AfterARise));
        Assert.Empty(Signals(Strategy(rule, 7, TrendAverage.Kama), AfterARise));
        Assert.Equal([(6, SignalDirection.Long)], Signals(Strategy(rule, 3, TrendAverage.Kama), AfterARise));
        Assert.Equal(51, Strategy(rule, 50, TrendAverage.Kama).BarsToFirstSignal);
    }

    [Theory]
    [MemberData(nameof(ReversionRuleTests.Rules), MemberType = typeof(ReversionRuleTests))]
    public void HullsAverage_LeadsTheRunUpSoTakesTheDipTheWeightedOneRefuses_AndWaitsForItsSmoothing(string rule)
    {
        // The dip at bar 6 (21.8): the WMA(3) of 21, 24, 21.8 is 134.4 / 6 = 22.4, over it, so refused as by the SMA.
        // Hull's of 3 (halves of 1, a root of 1) is 2 × 21.8 - 22.4 = 21.2, under it: taken. Hull's of 6 is ready at that
        // very bar (6 + 2 - 1 = 7 closes) and, still carried up by the run, about 25.1: refused; of 7 it is not ready.
        Assert.Empty(Signals(Strategy(rule, 3, TrendAverage.Wma), AfterARise));
        Assert.Equal([(6, SignalDirection.Long)], Signals(Strategy(rule, 3, TrendAverage.Hma), AfterARise));
        Assert.Empty(Signals(Strategy(rule, 6, TrendAverage.Hma), AfterARise));
        Assert.Empty(Signals(Strategy(rule, 7, TrendAverage.Hma), AfterARise));
        Assert.Equal(50, Strategy(rule, 50, TrendAverage.Wma).BarsToFirstSignal);
        Assert.Equal(56, Strategy(rule, 50, TrendAverage.Hma).BarsToFirstSignal);
    }

    [Theory]
    [MemberData(nameof(ReversionRuleTests.Rules), MemberType = typeof(ReversionRuleTests))]
    public void TheDoubleAndTripleEmas_FollowTheMoveCloserThanTheEma_AndWaitForEachLayer(string rule)
    {
        // The dip at bar 6 (21.8), over the EMA(3) (21.4): the DEMA(3) is 2 × 21.4 - 19.53 = 23.27 and the TEMA(3), ready at
        // that very bar (3 × 3 - 2 = 7 closes), 22.78: both still carried up by the run, so both refuse it. TEMA(4) is not ready.
        Assert.Equal([(6, SignalDirection.Long)], Signals(Strategy(rule, 3, TrendAverage.Ema), AfterARise));
        Assert.Empty(Signals(Strategy(rule, 3, TrendAverage.Dema), AfterARise));
        Assert.Empty(Signals(Strategy(rule, 3, TrendAverage.Tema), AfterARise));
        Assert.Empty(Signals(Strategy(rule, 4, TrendAverage.Tema), AfterARise));

        // The bounce at bar 5 (13) after a fall, under the EMA(3) (13.75): the DEMA(3) followed the fall down to 99/8 = 12.375,
        // under the close, so it takes the bounce the EMA refuses.
        decimal[] afterAFall = [20m, 20m, 20m, 10m, 14m, 13m];
        Assert.Empty(Signals(Strategy(rule, 3, TrendAverage.Ema), afterAFall));
        Assert.Equal([(5, SignalDirection.Long)], Signals(Strategy(rule, 3, TrendAverage.Dema), afterAFall));
        Assert.Equal(99, Strategy(rule, 50, TrendAverage.Dema).BarsToFirstSignal);
        Assert.Equal(148, Strategy(rule, 50, TrendAverage.Tema).BarsToFirstSignal);
    }

    [Theory]
    [InlineData("rsi", TrendAverage.Ema)]
    [InlineData("bollinger", TrendAverage.Ema)]
    [InlineData("stochastic", TrendAverage.Ema)]
    [InlineData("rsi", TrendAverage.Kama)]
    [InlineData("bollinger", TrendAverage.Kama)]
    [InlineData("stochastic", TrendAverage.Kama)]
    [InlineData("rsi", TrendAverage.Wma)]
    [InlineData("bollinger", TrendAverage.Hma)]
    [InlineData("bollinger", TrendAverage.Dema)]
    [InlineData("rsi", TrendAverage.Tema)]
    public void OnARandomWalk_EntriesAreExactlyTheUnfilteredOnesOnTheRightSideOfTheAverageBesideThem(string rule, TrendAverage kind)
    {
        // Orders never fill, so every bar beyond a line is an entry; the trend average keeps exactly the longs whose close is
        // above an EMA (or a KAMA, WMA, HMA, DEMA or TEMA) of 20 closes and the shorts whose close is below it, from the
        // indicator itself.
        var bars = RandomBars.Walk(seed: 53, count: 2000);
        var sides = TrendAverageSides.Of(bars, kind, 20);
        ReversionStrategy Default(int? trendPeriod, TrendAverage kind) => rule switch
        {
            "rsi" => new RsiReversionStrategy("r", [Symbol], new RsiReversionOptions { RsiPeriod = 2, AllowShort = true, TrendPeriod = trendPeriod, TrendAverage = kind }),
            "bollinger" => new BollingerReversionStrategy("r", [Symbol],
                new BollingerReversionOptions { Period = 5, Deviations = 1m, AllowShort = true, TrendPeriod = trendPeriod, TrendAverage = kind }),
            _ => new StochasticReversionStrategy("r", [Symbol],
                new StochasticReversionOptions { Period = 5, Smoothing = 1, Signal = 1, AllowShort = true, TrendPeriod = trendPeriod, TrendAverage = kind }),
        };
        (int Bar, SignalDirection Direction)[] Run(ReversionStrategy strategy)
        {
            var context = new RecordingStrategyContext { FillImmediately = false };
            context.Feed(strategy, Symbol, bars);
            return context.Directions();
        }

        var unfiltered = Run(Default(null, TrendAverage.Sma));
        var ema = Run(Default(20, kind));
        var sma = Run(Default(20, TrendAverage.Sma));

        var expected = unfiltered.Where(s => sides[s.Bar] == (s.Direction == SignalDirection.Long ? 1 : -1)).ToArray();
        Assert.Equal(expected, ema);
        Assert.True(ema.Count(s => s.Direction == SignalDirection.Long) >= 10 && ema.Count(s => s.Direction == SignalDirection.Short) >= 10, $"{ema.Length} entries");
        Assert.True(ema.Length < unfiltered.Length, $"{ema.Length} of {unfiltered.Length}");
        Assert.NotEqual(sma, ema); // the two averages disagree on some bars of the walk
    }

    [Fact]
    public void TheEmasSide_IsTheSignOfTheValueLessTheAverage_AndNoneBeforeReady()
    {
        var average = new ExponentialMovingAverage(2);
        average.Update(10m);
        Assert.Equal(0, average.SideOf(100m));
        average.Update(12m); // seeded: 11
        Assert.Equal((1, -1, 0), (average.SideOf(11.01m), average.SideOf(10.99m), average.SideOf(11m)));
        average.Update(14m); // 11 + 2/3 × 3 = 13
        Assert.Equal((13m, 1, -1), (decimal.Round(average.Value, 20), average.SideOf(13.0001m), average.SideOf(12.9999m)));
        IMovingAverage simple = new SimpleMovingAverage(2);
        simple.Update(10m);
        simple.Update(12m);
        Assert.Equal((11m, 0, 2), (simple.Value, simple.SideOf(11m), simple.Period));
    }
}
