using Bulwark.Core.Indicators;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Indicators;

public sealed class AverageDirectionalIndexTests
{
    [Fact]
    public void AMarketThatOnlyRises_HasAllItsMovementUp()
    {
        var adx = new AverageDirectionalIndex(2);
        // Each bar one higher than the last: up move 1, down move -1, so +DM 1 and -DM 0.
        for (var i = 0; i < 3; i++) adx.Update(11m + i, 9m + i, 10m + i);
        Assert.False(adx.IsReady);
        adx.Update(14m, 12m, 13m);
        Assert.True(adx.IsReady);
        // True range max(14, 12) - min(12, 12) = 2 each bar: +DI 100 * 1 / 2 = 50, -DI 0, DX 100, ADX 100.
        Assert.Equal((100m, 50m, 0m), (adx.Value, adx.PlusIndicator, adx.MinusIndicator));
        Assert.Equal([100m, 50m, 0m], [adx.GetOutput(0), adx.GetOutput(1), adx.GetOutput(2)]);
    }

    [Fact]
    public void AnInsideBar_AndAnOutsideBarWithEqualMoves_CountNoDirection()
    {
        var adx = new AverageDirectionalIndex(1);
        adx.Update(10m, 8m, 9m);
        adx.Update(11m, 7m, 9m); // outside: up 1 and down 1, neither larger
        Assert.Equal((0m, 0m), (adx.PlusIndicator, adx.MinusIndicator));
        Assert.Equal(0m, adx.Value); // DX of 0 / 0 is 0
        adx.Update(10m, 8m, 9m); // inside: up -1, down -1
        Assert.Equal((0m, 0m, 0m), (adx.Value, adx.PlusIndicator, adx.MinusIndicator));
    }

    [Fact]
    public void Update_OnRandomBars_MatchesTheClosedFormOfWildersSmoothing() =>
        Prop.ForAll(IndicatorData.PeriodAndBars, c =>
        {
            var (expectedAdx, plus, minus) = NaiveIndicators.Adx(c.Bars, c.Period);
            var adx = new AverageDirectionalIndex(c.Period);
            for (var t = 0; t < c.Bars.Length; t++)
            {
                var bar = IndicatorData.ToBar(c.Bars[t], t);
                adx.Update(in bar);
                Assert.Equal(expectedAdx[t].HasValue, adx.IsReady);
                if (expectedAdx[t] is not { } e) continue;
                IndicatorData.Close(e, adx.Value, $"ADX at {t}");
                IndicatorData.Close(plus[t]!.Value, adx.PlusIndicator, $"+DI at {t}");
                IndicatorData.Close(minus[t]!.Value, adx.MinusIndicator, $"-DI at {t}");
                Assert.InRange(adx.Value, 0m, 100m);
            }
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void IsReady_AfterTwicePeriodBars()
    {
        var adx = new AverageDirectionalIndex(14);
        for (var i = 0; i < 27; i++) adx.Update(IndicatorData.ToBar((101m + (i % 3), 99m, 100m), i));
        Assert.False(adx.IsReady);
        adx.Update(IndicatorData.ToBar((101m, 99m, 100m), 27));
        Assert.True(adx.IsReady);
    }

    [Fact]
    public void Update_WithHighBelowLow_Throws() =>
        Assert.Throws<ArgumentException>(() => new AverageDirectionalIndex(3).Update(9m, 10m, 9.5m));

    [Fact]
    public void Constructor_WithPeriodBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AverageDirectionalIndex(0));
}
