using Bulwark.Core.Indicators;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Indicators;

public sealed class WeightedMovingAverageTests
{
    [Fact]
    public void Value_WeighsTheNewestByThePeriodDownToOneForTheOldest_OnceReady()
    {
        var wma = new WeightedMovingAverage(3);
        var seen = new List<(bool, decimal)>();
        foreach (var v in new[] { 1m, 2m, 6m, 10m, 2m })
        {
            wma.Update(v);
            seen.Add((wma.IsReady, wma.Value));
        }
        // (1 + 2×2 + 3×6) / 6 = 23/6, (2 + 2×6 + 3×10) / 6 = 44/6, (6 + 2×10 + 3×2) / 6 = 32/6
        Assert.Equal([(false, 0m), (false, 0m), (true, 23m / 6m), (true, 44m / 6m), (true, 32m / 6m)], seen);
    }

    [Fact]
    public void Update_OnRandomSeries_IsExactlyTheWindowWeightedAfresh() =>
        Prop.ForAll(IndicatorData.PeriodAndValues, c =>
        {
            // The running sums are of cents times small weights: exact in decimal, so not one digit may differ.
            var expected = NaiveIndicators.Wma(c.Values, c.Period);
            var wma = new WeightedMovingAverage(c.Period);
            for (var t = 0; t < c.Values.Length; t++)
            {
                wma.Update(IndicatorData.CloseBar(c.Values[t], t));
                Assert.Equal(expected[t].HasValue, wma.IsReady);
                Assert.Equal(expected[t] ?? 0m, wma.Value);
                Assert.Equal(wma.Value, wma.GetOutput(0));
            }
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void ALongRun_DoesNotDrift()
    {
        // A million updates cycling through awkward prices: the sums kept running still give the window's weighted mean.
        var wma = new WeightedMovingAverage(7);
        decimal[] prices = [101.37m, 99.01m, 100.5m, 98.73m, 102.19m, 100.01m, 99.99m, 101.11m, 97.3m];
        for (var i = 0; i < 1_000_000; i++) wma.Update(prices[i % prices.Length]);
        var last = Enumerable.Range(1_000_000 - 7, 7).Select(i => prices[i % prices.Length]).ToArray();
        Assert.Equal(NaiveIndicators.Wma(last, 7)[6], wma.Value);
    }

    [Fact]
    public void SideOf_IsTheSignOfTheValueLessTheExactMean_AndZeroBeforeReady()
    {
        var wma = new WeightedMovingAverage(3);
        wma.Update(1m);
        wma.Update(2m);
        Assert.Equal(0, wma.SideOf(100m));
        wma.Update(2m); // (1 + 4 + 6) / 6 = 11/6, not a finite decimal
        var mean = 11m / 6m;
        Assert.Equal((1, -1), (wma.SideOf(mean + 0.0000001m), wma.SideOf(mean - 0.0000001m)));
        wma.Update(3m); // (2 + 4 + 9) / 6 = 2.5
        Assert.Equal(0, wma.SideOf(2.5m));
    }

    [Fact]
    public void UpdateWithBar_AveragesTheClose()
    {
        var wma = new WeightedMovingAverage(2);
        wma.Update(IndicatorData.ToBar((12m, 8m, 10m), 0));
        wma.Update(IndicatorData.ToBar((30m, 15m, 22m), 1));
        Assert.Equal(18m, wma.Value); // (10 + 2 × 22) / 3
    }

    [Fact]
    public void Constructor_WithPeriodBelowOne_Throws() =>
        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => new WeightedMovingAverage(0)).ParamName);
}
