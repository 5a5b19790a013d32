using Bulwark.Core.Indicators;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Indicators;

public sealed class StochasticTests
{
    [Fact]
    public void K_IsWhereTheCloseSitsInTheRange_SmoothedThenAveragedIntoD()
    {
        // Period 2, smoothing 1 (fast), %D over 2.
        var stochastic = new Stochastic(2, 1, 2);
        stochastic.Update(10m, 8m, 9m);
        stochastic.Update(12m, 9m, 12m); // range 8-12, close 12: 100
        Assert.False(stochastic.IsReady);
        stochastic.Update(11m, 10m, 10m); // range 9-12, close 10: 100/3
        Assert.True(stochastic.IsReady);
        IndicatorData.Close(100m / 3m, stochastic.K, "%K");
        IndicatorData.Close((100m + (100m / 3m)) / 2m, stochastic.D, "%D");
        Assert.Equal([stochastic.K, stochastic.D], [stochastic.GetOutput(0), stochastic.GetOutput(1)]);
    }

    [Fact]
    public void BarsThatDidNotMove_ReadFifty()
    {
        var stochastic = new Stochastic(3, 1, 1);
        for (var i = 0; i < 5; i++) stochastic.Update(IndicatorData.CloseBar(3644.44m, i));
        Assert.Equal((50m, 50m), (stochastic.K, stochastic.D));
    }

    [Fact]
    public void Update_OnRandomBars_MatchesTheWindowsRecomputed() =>
        Prop.ForAll(IndicatorData.PeriodAndBars, Gen.Choose(1, 4).ToArbitrary(), Gen.Choose(1, 4).ToArbitrary(), (c, s, d) =>
        {
            var (k, dLine) = NaiveIndicators.Stochastic(c.Bars, c.Period, s, d);
            var stochastic = new Stochastic(c.Period, s, d);
            for (var t = 0; t < c.Bars.Length; t++)
            {
                var bar = IndicatorData.ToBar(c.Bars[t], t);
                stochastic.Update(in bar);
                Assert.Equal(dLine[t].HasValue, stochastic.IsReady);
                if (dLine[t] is not { } expectedD) continue;
                IndicatorData.Close(k[t]!.Value, stochastic.K, $"%K at {t}");
                IndicatorData.Close(expectedD, stochastic.D, $"%D at {t}");
                Assert.InRange(stochastic.K, 0m, 100m);
            }
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(0, 3, 3)]
    [InlineData(14, 0, 3)]
    [InlineData(14, 3, 0)]
    public void Constructor_WithAPeriodBelowOne_Throws(int period, int smoothing, int signal) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Stochastic(period, smoothing, signal));

    [Fact]
    public void Update_WithHighBelowLow_Throws() =>
        Assert.Throws<ArgumentException>(() => new Stochastic(3, 1, 1).Update(9m, 10m, 9.5m));
}
