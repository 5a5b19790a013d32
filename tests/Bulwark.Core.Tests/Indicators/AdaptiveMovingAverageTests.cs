using Bulwark.Core.Indicators;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Indicators;

public sealed class AdaptiveMovingAverageTests
{
    private static List<(bool Ready, decimal Value)> Run(AdaptiveMovingAverage kama, params decimal[] values)
    {
        var seen = new List<(bool, decimal)>();
        foreach (var v in values)
        {
            kama.Update(v);
            seen.Add((kama.IsReady, decimal.Round(kama.Value, 20)));
        }
        return seen;
    }

    [Fact]
    public void Value_IsSeededWithTheMeanOfThePeriod_ThenSmoothedByTheSquaredAdaptiveFactor()
    {
        // Period 2, fast 1 (factor 1), slow 3 (factor 0.5). Ready at the third value, seeded with (12 + 14) / 2 = 13.
        // 16: up 4 from 12 over a path of 2 + 2, ratio 1, factor 1: the close itself.
        // 15: up 1 from 14 over a path of 2 + 1, ratio 1/3, factor 1/3 × 0.5 + 0.5 = 2/3, squared 4/9: 16 - 4/9 = 140/9.
        // 17: up 1 from 16 over a path of 1 + 2, the same 4/9: 140/9 + 4/9 × (17 - 140/9) = 1312/81.
        var seen = Run(new AdaptiveMovingAverage(2, fastPeriod: 1, slowPeriod: 3), 10m, 12m, 14m, 16m, 15m, 17m);
        Assert.Equal(
            [(false, 0m), (false, 0m), (true, 13m), (true, 16m), (true, decimal.Round(140m / 9m, 20)), (true, decimal.Round(1312m / 81m, 20))],
            seen);
    }

    [Fact]
    public void ByDefault_AStraightRunSmoothsByTheTwoBarEmasFactorSquared_AndAFlatWindowDividesByNothing()
    {
        var kama = new AdaptiveMovingAverage(3);
        Assert.Equal((3, 2, 30), (kama.Period, kama.FastPeriod, kama.SlowPeriod));
        // Seeded at the fourth value with (20 + 20 + 20) / 3; then a straight run up: ratio 1, factor 2/3, squared 4/9.
        var seen = Run(kama, 20m, 20m, 20m, 20m, 29m);
        Assert.Equal((true, 20m), seen[3]);
        Assert.Equal((true, decimal.Round(20m + (4m / 9m * 9m), 20)), seen[4]);

        // Nothing moved over the window: a path of 0, read as a ratio of 0 rather than divided by.
        var flat = new AdaptiveMovingAverage(1);
        Run(flat, 10m, 20m); // seeded with 20
        flat.Update(20m);
        Assert.Equal(20m, flat.Value);
    }

    [Fact]
    public void AChop_BarelyMovesIt_WhereAnEmaFollows()
    {
        // Back and forth between 10 and 12 over 10 values: a path of 10 × 2 and no change, so only the slow factor
        // (2/31)² ≈ 0.4% of each move (under 0.01); the EMA(10) takes 2/11 of it (0.2 from 11.1).
        var kama = new AdaptiveMovingAverage(10);
        var ema = new ExponentialMovingAverage(10);
        for (var i = 0; i < 40; i++)
        {
            var v = i % 2 == 0 ? 10m : 12m;
            kama.Update(v);
            ema.Update(v);
        }
        var (kamaBefore, emaBefore) = (kama.Value, ema.Value);
        kama.Update(10m);
        ema.Update(10m);
        var (kamaSwing, emaSwing) = (Math.Abs(kama.Value - kamaBefore), Math.Abs(ema.Value - emaBefore));
        Assert.True(kamaSwing < 0.01m && emaSwing > 0.19m, $"kama moved {kamaSwing}, ema {emaSwing}");
    }

    [Fact]
    public void Update_OnRandomSeries_MatchesTheRatiosSummedAfreshEachPoint() =>
        Prop.ForAll(IndicatorData.PeriodAndValues, Gen.Choose(1, 5).ToArbitrary(), Gen.Choose(1, 40).ToArbitrary(), (c, fast, wider) =>
            Check(c.Period, fast, fast + wider, c.Values)).QuickCheckThrowOnFailure();

    [Fact]
    public void Update_OnChoppySeriesWithFlatWindows_MatchesTheRatiosSummedAfreshEachPoint() =>
        Prop.ForAll(Gen.Choose(1, 4).ToArbitrary(), Gen.ArrayOf(Gen.Elements(10m, 10.5m, 11m)).ToArbitrary(), (period, values) =>
            Check(period, 2, 30, values)).QuickCheckThrowOnFailure();

    private static void Check(int period, int fast, int slow, decimal[] values) =>
        IndicatorData.Follows(new AdaptiveMovingAverage(period, fast, slow), NaiveIndicators.Kama(values, period, fast, slow), values,
            $"KAMA({period}, {fast}, {slow})");

    [Fact]
    public void SideOf_IsTheSignOfTheValueLessTheAverage()
    {
        var kama = new AdaptiveMovingAverage(1);
        kama.Update(10m);
        kama.Update(12m); // seeded with 12
        Assert.Equal((1, -1, 0), (kama.SideOf(12.01m), kama.SideOf(11.99m), kama.SideOf(12m)));
    }

    [Theory]
    [InlineData(0, 2, 30, "period")]
    [InlineData(10, 0, 30, "fastPeriod")]
    [InlineData(10, 30, 30, "slowPeriod")]
    [InlineData(10, 31, 30, "slowPeriod")]
    public void Constructor_RefusesAPeriodBelowOneOrASlowPeriodNotAboveTheFast(int period, int fast, int slow, string name) =>
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveMovingAverage(period, fast, slow)).ParamName);
}
