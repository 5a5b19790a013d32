using Bulwark.Core.Indicators;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Indicators;

public sealed class BollingerBandsTests
{
    [Fact]
    public void Bands_AreTheMeanPlusMinusKPopulationDeviations()
    {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, population variance 4, sd 2.
        var bands = new BollingerBands(8, 2m);
        foreach (var v in new[] { 2m, 4m, 4m, 4m, 5m, 5m, 7m })
        {
            bands.Update(v);
            Assert.False(bands.IsReady);
        }
        bands.Update(9m);
        Assert.True(bands.IsReady);
        Assert.Equal((5m, 2m, 9m, 1m), (bands.Middle, bands.StandardDeviation, bands.Upper, bands.Lower));
        Assert.Equal([5m, 9m, 1m], [bands.GetOutput(0), bands.GetOutput(1), bands.GetOutput(2)]);
    }

    [Fact]
    public void Bands_SlideWithTheWindow()
    {
        var bands = new BollingerBands(2, 1.5m);
        foreach (var v in new[] { 100m, 1m, 3m }) bands.Update(v); // window 1, 3: mean 2, sd 1
        Assert.Equal((2m, 3.5m, 0.5m), (bands.Middle, bands.Upper, bands.Lower));
    }

    [Fact]
    public void Bands_OfAConstantSeries_CollapseOntoTheMean()
    {
        var bands = new BollingerBands(4, 2m);
        for (var i = 0; i < 10; i++) bands.Update(IndicatorData.CloseBar(3644.44m, i));
        Assert.Equal((3644.44m, 0m, 3644.44m, 3644.44m), (bands.Middle, bands.StandardDeviation, bands.Upper, bands.Lower));
    }

    [Fact]
    public void Update_OnRandomSeries_MatchesTwoPassMeanAndVariance() =>
        Prop.ForAll(IndicatorData.PeriodAndValues, Gen.Choose(1, 40).Select(k => k / 10m).ToArbitrary(), (c, k) =>
        {
            var expected = NaiveIndicators.MeanAndVariance(c.Values, c.Period);
            var bands = new BollingerBands(c.Period, k);
            for (var t = 0; t < c.Values.Length; t++)
            {
                bands.Update(c.Values[t]);
                Assert.Equal(expected[t].HasValue, bands.IsReady);
                if (expected[t] is not { } e) continue;
                var (mean, variance) = e;
                IndicatorData.Close(mean, bands.Middle, $"middle at {t}");
                var sd = bands.StandardDeviation;
                Assert.True(sd >= 0m);
                // Checked by squaring, so this does not depend on how the root was taken.
                IndicatorData.Close(variance, sd * sd, $"sd^2 at {t}");
                var up = bands.Upper - bands.Middle;
                var down = bands.Middle - bands.Lower;
                IndicatorData.Close(k * k * variance, up * up, $"(upper - middle)^2 at {t}");
                IndicatorData.Close(k * k * variance, down * down, $"(middle - lower)^2 at {t}");
            }
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(0, 2)]
    [InlineData(20, 0)]
    [InlineData(20, -1)]
    public void Constructor_WithBadPeriodOrDeviations_Throws(int period, int deviations) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BollingerBands(period, deviations));
}
