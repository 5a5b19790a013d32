using Bulwark.Core.Indicators;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Indicators;

public sealed class HullMovingAverageTests
{
    [Fact]
    public void Value_IsTheRootPeriodWmaOfTwiceTheHalfPeriodWmaLessTheFullOne()
    {
        // Period 4: WMA(2), WMA(4), then WMA(2) of 2 × WMA(2) - WMA(4); ready at the fifth value (4 + 2 - 1).
        // At 20 (the fourth): WMA(2) = (40 + 2×20)/3 = 80/3, WMA(4) = (10 + 2×20 + 3×40 + 4×20)/10 = 25: 160/3 - 25 = 85/3.
        // At 10: WMA(2) = (20 + 2×10)/3 = 40/3, WMA(4) = (20 + 2×40 + 3×20 + 4×10)/10 = 20: 80/3 - 20 = 20/3.
        // Hull: (85/3 + 2 × 20/3) / 3 = 125/9.
        var hma = new HullMovingAverage(4);
        var ready = new List<bool>();
        foreach (var v in new[] { 10m, 20m, 40m, 20m, 10m })
        {
            hma.Update(v);
            ready.Add(hma.IsReady);
        }
        Assert.Equal([false, false, false, false, true], ready);
        Assert.Equal(decimal.Round(125m / 9m, 20), decimal.Round(hma.Value, 20));
        Assert.Equal((4, 5), (hma.Period, hma.BarsToReady));
    }

    [Fact]
    public void OnAStraightLine_TheHullOfFourSitsOnTheValue_WhereTheWeightedAverageLags()
    {
        // A weighted average of n lags a straight line by (n - 1)/3 steps; twice the half-period one less the full one
        // leads it by 1/3 and the final WMA(2) lags 1/3: Hull's average of 4 is on the line, the WMA(4) a step behind.
        var hma = new HullMovingAverage(4);
        var wma = new WeightedMovingAverage(4);
        for (var i = 0; i < 20; i++)
        {
            var v = 100m + (2.5m * i);
            hma.Update(v);
            wma.Update(v);
            if (!hma.IsReady) continue;
            Assert.Equal(v, decimal.Round(hma.Value, 20)); // thirds, rounded in the last of 28 digits
            Assert.Equal(v - 2.5m, wma.Value);
        }
    }

    [Fact]
    public void Update_OnRandomSeries_MatchesTheDefinitionRecomputedEachPoint() =>
        Prop.ForAll(IndicatorData.PeriodAndValues, c =>
        {
            var hma = new HullMovingAverage(c.Period);
            IndicatorData.Follows(hma, NaiveIndicators.Hma(c.Values, c.Period), c.Values, $"HMA({c.Period})", hma.BarsToReady);
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 5)]
    [InlineData(9, 11)]
    [InlineData(15, 17)]
    [InlineData(16, 19)]
    [InlineData(30, 34)]
    [InlineData(100_000, 100_315)]
    public void BarsToReady_IsThePeriodAndTheRootLessOne(int period, int bars)
    {
        Assert.Equal(bars, HullMovingAverage.BarsToReadyOf(period));
        Assert.Equal(bars, new HullMovingAverage(period).BarsToReady);
    }

    [Fact]
    public void OfOne_IsTheValueItself()
    {
        var hma = new HullMovingAverage(1);
        foreach (var v in new[] { 5m, 7.5m, 3m })
        {
            hma.Update(v);
            Assert.Equal((true, v, 0), (hma.IsReady, hma.Value, hma.SideOf(v)));
        }
    }

    [Fact]
    public void Constructor_WithPeriodBelowOne_Throws() =>
        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => new HullMovingAverage(0)).ParamName);
}
