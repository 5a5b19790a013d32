using Bulwark.Core.Indicators;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Indicators;

public sealed class WilliamsPercentRangeTests
{
    [Fact]
    public void Value_IsHowFarTheCloseIsBelowTheHighestHigh_AsAShareOfTheRange()
    {
        var r = new WilliamsPercentRange(2);
        r.Update(10m, 8m, 9m);
        Assert.False(r.IsReady);
        r.Update(12m, 9m, 11m); // range 8-12, close 11: -100 * 1/4
        Assert.True(r.IsReady);
        Assert.Equal(-25m, r.Value);
        r.Update(11m, 10m, 9m); // range 9-12, close 9: the low
        Assert.Equal(-100m, r.GetOutput(0));
    }

    [Fact]
    public void Update_OnRandomBars_MatchesTheWindowsRecomputed() =>
        Prop.ForAll(IndicatorData.PeriodAndBars, c =>
        {
            var expected = NaiveIndicators.WilliamsR(c.Bars, c.Period);
            var r = new WilliamsPercentRange(c.Period);
            for (var t = 0; t < c.Bars.Length; t++)
            {
                var bar = IndicatorData.ToBar(c.Bars[t], t);
                r.Update(in bar);
                Assert.Equal(expected[t].HasValue, r.IsReady);
                if (expected[t] is { } e) IndicatorData.Close(e, r.Value, $"%R at {t}");
            }
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void BarsThatDidNotMove_ReadMinusFifty()
    {
        var r = new WilliamsPercentRange(2);
        for (var i = 0; i < 3; i++) r.Update(IndicatorData.CloseBar(5m, i));
        Assert.Equal(-50m, r.Value);
    }
}
