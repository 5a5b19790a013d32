using Bulwark.Core.Indicators;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Indicators;

public sealed class KeltnerChannelTests
{
    [Fact]
    public void Bands_AreTheEmaPlusMinusKAverageTrueRanges()
    {
        var keltner = new KeltnerChannel(2, 1.5m, 3);
        keltner.Update(10m, 8m, 9m);   // true range 2
        keltner.Update(11m, 9m, 10m);  // 2; EMA(2) seeded at 9.5
        Assert.False(keltner.IsReady); // the ATR(3) is not
        keltner.Update(12m, 10m, 11m); // 2: ATR 2; EMA 9.5 + 2/3 * 1.5 = 10.5
        Assert.True(keltner.IsReady);
        IndicatorData.Close(10.5m, keltner.Middle, "middle");
        IndicatorData.Close(13.5m, keltner.Upper, "top");
        IndicatorData.Close(7.5m, keltner.Lower, "bottom");
        Assert.Equal([keltner.Middle, keltner.Upper, keltner.Lower], [keltner.GetOutput(0), keltner.GetOutput(1), keltner.GetOutput(2)]);
    }

    [Fact]
    public void Update_OnRandomBars_MatchesTheEmaAndAtrRecomputed() =>
        Prop.ForAll(IndicatorData.PeriodAndBars, Gen.Choose(1, 12).ToArbitrary(), Gen.Choose(1, 30).Select(k => k / 10m).ToArbitrary(), (c, rangePeriod, k) =>
        {
            var ema = NaiveIndicators.Ema([.. c.Bars.Select(b => b.Close)], c.Period);
            var atr = NaiveIndicators.Atr(c.Bars, rangePeriod);
            var keltner = new KeltnerChannel(c.Period, k, rangePeriod);
            for (var t = 0; t < c.Bars.Length; t++)
            {
                var bar = IndicatorData.ToBar(c.Bars[t], t);
                keltner.Update(in bar);
                Assert.Equal(ema[t].HasValue && atr[t].HasValue, keltner.IsReady);
                if (ema[t] is not { } middle || atr[t] is not { } range) continue;
                IndicatorData.Close(middle, keltner.Middle, $"middle at {t}");
                IndicatorData.Close(middle + (k * range), keltner.Upper, $"top at {t}");
                IndicatorData.Close(middle - (k * range), keltner.Lower, $"bottom at {t}");
            }
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(0, 2, 10)]
    [InlineData(20, 0, 10)]
    [InlineData(20, 2, 0)]
    public void Constructor_WithBadParameters_Throws(int period, int multiplier, int rangePeriod) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new KeltnerChannel(period, multiplier, rangePeriod));
}
