using Bulwark.Core.Statistics;

namespace Bulwark.Core.Tests.Statistics;

public sealed class AugmentedDickeyFullerTests
{
    private static readonly double[] Hand = [1, 3, 2, 5, 4, 6, 8, 7, 9, 12];

    [Fact]
    public void Statistic_OnAHandExampleWithOneLag_MatchesExactRationalOls()
    {
        // dy = 2,-1,3,-1,2,2,-1,2,3; rows i = 1..8: dy(i) on [1, y(i), dy(i-1)]. Worked in exact fractions:
        // gamma = 8/37, RSS = 18789/1480, s^2 (X'X)^-1[1,1] = 18789/273800.
        var expected = (8.0 / 37.0) / Math.Sqrt(18789.0 / 273800.0);

        var result = AugmentedDickeyFuller.Test(Hand, lags: 1);

        Assert.Equal(1, result.Lags);
        Assert.Equal(8, result.Observations);
        Assert.Equal(expected, result.Statistic, 1e-10);
        Assert.Equal(0.8253784994525608, result.Statistic, 1e-10);
    }

    [Fact]
    public void Statistic_OnAHandExampleWithOneLag_MatchesNormalEquationsSolvedByCramersRule()
    {
        var rows = new List<(double[] X, double Y)>();
        for (var i = 1; i < Hand.Length - 1; i++)
            rows.Add(([1.0, Hand[i], Hand[i] - Hand[i - 1]], Hand[i + 1] - Hand[i]));
        var xtx = new double[3, 3];
        var xty = new double[3];
        foreach (var (x, y) in rows)
            for (var a = 0; a < 3; a++)
            {
                xty[a] += x[a] * y;
                for (var b = 0; b < 3; b++) xtx[a, b] += x[a] * x[b];
            }
        var det = Det3(xtx);
        var beta = new double[3];
        for (var c = 0; c < 3; c++) beta[c] = Det3(ReplaceColumn(xtx, c, xty)) / det;
        var rss = rows.Sum(r => Math.Pow(r.Y - (beta[0] * r.X[0] + beta[1] * r.X[1] + beta[2] * r.X[2]), 2));
        // (X'X)^-1[1,1] = cofactor(1,1) / det = (m00 m22 - m02 m20) / det.
        var inverse11 = (xtx[0, 0] * xtx[2, 2] - xtx[0, 2] * xtx[2, 0]) / det;
        var expected = beta[1] / Math.Sqrt(rss / (rows.Count - 3) * inverse11);

        Assert.Equal(expected, AugmentedDickeyFuller.Test(Hand, lags: 1).Statistic, 1e-9);
    }

    [Fact]
    public void CriticalValue_FollowsMacKinnonsResponseSurface()
    {
        // -2.86154 - 2.8903/100 - 4.234/100^2 - 40.040/100^3 = -2.86154 - 0.028903 - 0.0004234 - 0.00004004
        Assert.Equal(-2.89090644, AugmentedDickeyFuller.CriticalValue5Percent(100), 1e-8);
        Assert.Equal(-2.86154, AugmentedDickeyFuller.CriticalValue5Percent(100_000_000), 1e-6);
    }

    [Fact]
    public void MaxLags_IsSchwertsRuleCappedByTheSampleSize()
    {
        Assert.Equal(12, AugmentedDickeyFuller.MaxLags(100));  // 12 * 1
        Assert.Equal(15, AugmentedDickeyFuller.MaxLags(252));  // 12 * 2.52^0.25 = 15.12
        Assert.Equal(2, AugmentedDickeyFuller.MaxLags(8));     // capped at 8/2 - 2
    }

    [Fact]
    public void Test_OnRandomWalks_RejectsAboutFivePercentOfTheTime()
    {
        // Under the null (a unit root) a 5% test rejects in about 5% of samples; 400 walks: sd of the rate ~1.1%.
        var rejections = 0;
        for (var seed = 0; seed < 400; seed++)
            if (AugmentedDickeyFuller.Test(new SeriesGenerator(seed).RandomWalk(252)).RejectsUnitRoot) rejections++;
        Assert.InRange(rejections / 400.0, 0.015, 0.10);
    }

    [Fact]
    public void Test_OnASeededRandomWalk_DoesNotReject()
    {
        var result = AugmentedDickeyFuller.Test(new SeriesGenerator(42).RandomWalk(500));
        Assert.False(result.RejectsUnitRoot, $"statistic {result.Statistic} vs {result.CriticalValue}");
    }

    [Fact]
    public void Test_OnWhiteNoise_Rejects()
    {
        for (var seed = 0; seed < 50; seed++)
        {
            var result = AugmentedDickeyFuller.Test(new SeriesGenerator(seed).WhiteNoise(252));
            Assert.True(result.RejectsUnitRoot, $"seed {seed}: statistic {result.Statistic} vs {result.CriticalValue}");
        }
    }

    [Fact]
    public void Test_OnAStronglyMeanRevertingAr1_Rejects()
    {
        for (var seed = 0; seed < 50; seed++)
        {
            var result = AugmentedDickeyFuller.Test(new SeriesGenerator(1000 + seed).AutoRegressive(252, 0.5));
            Assert.True(result.RejectsUnitRoot, $"seed {seed}: statistic {result.Statistic} vs {result.CriticalValue}");
        }
    }

    [Fact]
    public void Test_OnAConstantSeries_GivesNoStatisticAndDoesNotReject()
    {
        var result = AugmentedDickeyFuller.Test(Enumerable.Repeat(3.0, 50).ToArray());
        Assert.True(double.IsNaN(result.Statistic));
        Assert.False(result.RejectsUnitRoot);
    }

    [Fact]
    public void Test_WithFixedLags_UsesThemAndTheRowsTheyLeave()
    {
        var result = AugmentedDickeyFuller.Test(new SeriesGenerator(3).WhiteNoise(100), lags: 4);
        Assert.Equal(4, result.Lags);
        Assert.Equal(100 - 1 - 4, result.Observations);
        Assert.Equal(AugmentedDickeyFuller.CriticalValue5Percent(95), result.CriticalValue);
    }

    [Fact]
    public void Test_OnWhiteNoiseWithAutomaticLags_PicksFewLags()
    {
        // White noise needs no lagged differences; AIC adds a lag only when it pays for its parameter.
        var result = AugmentedDickeyFuller.Test(new SeriesGenerator(9).WhiteNoise(400));
        Assert.InRange(result.Lags, 0, 4);
    }

    [Fact]
    public void Test_RejectsTooShortSeriesAndBadLags()
    {
        Assert.Throws<ArgumentException>(() => AugmentedDickeyFuller.Test(new double[7]));
        Assert.Throws<ArgumentOutOfRangeException>(() => AugmentedDickeyFuller.Test(new double[20], lags: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => AugmentedDickeyFuller.Test(new double[20], lags: 9));
    }

    private static double Det3(double[,] m) =>
        m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1])
        - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0])
        + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]);

    private static double[,] ReplaceColumn(double[,] m, int column, double[] values)
    {
        var copy = (double[,])m.Clone();
        for (var r = 0; r < 3; r++) copy[r, column] = values[r];
        return copy;
    }
}
