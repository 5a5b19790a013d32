using Bulwark.Backtest.Optimization;
using Bulwark.Backtest.Reports;

namespace Bulwark.Backtest.Tests.Optimization;

/// <summary>The best row's Sharpe ratio against the estimate's error (probabilistic) and against the search (deflated).</summary>
public sealed class DeflatedSharpeTests
{
    private static OptimizationRow Row(int index, double sharpePerBar, double skew = 0d, double kurtosis = 3d, int observations = 101) =>
        new(index, new Dictionary<string, string> { ["period"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture) }, 10_000m, 0m, 2, 0m, null)
        {
            Moments = new ReturnMoments(sharpePerBar, skew, kurtosis, observations, 252d),
        };

    [Fact]
    public void ExpectedMaximum_OfFortyTrials_IsAboutTwoPointTwoSpreads()
    {
        // (1 - g) Z(1 - 1/40) + g Z(1 - 1/(40 e)), g Euler's constant: 2.18948 from the normal quantiles.
        Assert.Equal(2.18948, DeflatedSharpe.ExpectedMaximum(40, 1d), 4);
        Assert.Equal(2 * 2.18948, DeflatedSharpe.ExpectedMaximum(40, 2d), 4);
        Assert.Equal(0d, DeflatedSharpe.ExpectedMaximum(1, 1d));
    }

    [Fact]
    public void Probabilistic_IsTheNormalCdfOfTheSharpeOverItsError_WhichSkewAndFatTailsWiden()
    {
        // 0.1 a bar over 101 returns of normal shape: z = 0.1 x 10 / sqrt(1 + 0.5 x 0.01).
        Assert.Equal(0.84074, DeflatedSharpe.Probabilistic(new ReturnMoments(0.1, 0d, 3d, 101, 252d), 0d)!.Value, 4);
        // A left tail (skew -1) and fat tails (kurtosis 6) make the same estimate less sure.
        Assert.Equal(0.82846, DeflatedSharpe.Probabilistic(new ReturnMoments(0.1, -1d, 6d, 101, 252d), 0d)!.Value, 4);
        Assert.Equal(0.5, DeflatedSharpe.Probabilistic(new ReturnMoments(0.1, 0d, 3d, 101, 252d), 0.1)!.Value, 6);
        Assert.Null(DeflatedSharpe.Probabilistic(new ReturnMoments(0.1, 0d, 3d, 1, 252d), 0d));
    }

    [Fact]
    public void Of_TheBestRow_IsDeflatedByTheExpectedBestOfTheTrials_AndOneTrialIsNotDeflated()
    {
        OptimizationRow[] rows = [Row(1, 0.2), Row(2, 0.1), Row(3, 0.05), Row(4, 0d), Row(5, -0.05)];

        var result = DeflatedSharpe.Of(rows)!;
        var alone = DeflatedSharpe.Of([Row(1, 0.2)])!;

        Assert.Equal((5, "1"), (result.Trials, result.Parameters["period"]));
        Assert.Equal(0.2 * Math.Sqrt(252d), result.Sharpe, 9);
        var spread = Math.Sqrt(new[] { 0.2, 0.1, 0.05, 0d, -0.05 }.Select(s => Math.Pow(s - 0.06, 2)).Sum() / 4);
        Assert.Equal(spread * Math.Sqrt(252d), result.SharpeSpread, 9);
        Assert.Equal(DeflatedSharpe.ExpectedMaximum(5, spread) * Math.Sqrt(252d), result.ExpectedMaxSharpe, 9);
        Assert.True(result.Deflated < result.ProbabilisticSharpe, $"{result.Deflated} < {result.ProbabilisticSharpe}");
        Assert.Equal(alone.ProbabilisticSharpe, alone.Deflated);
        Assert.Equal(result.ProbabilisticSharpe, alone.ProbabilisticSharpe);
    }

    [Fact]
    public void ReturnMoments_AreTheSharpePerBar_TheSkewAndTheKurtosis()
    {
        var m = ReturnMoments.Of([1d, 2d, 3d, 4d, 5d], 252d);
        var flat = ReturnMoments.Of([0.01, 0.01, 0.01], 252d);
        var skewed = ReturnMoments.Of([0d, 0d, 0d, 0d, -1d], 252d);

        Assert.Equal(3d / Math.Sqrt(2.5), m.Sharpe, 9);
        Assert.Equal((0d, 1.7, 5), (m.Skewness, Math.Round(m.Kurtosis, 9), m.Observations));
        Assert.Equal((0d, 0d, 3d), (flat.Sharpe, flat.Skewness, flat.Kurtosis));
        Assert.True(skewed.Skewness < 0d, $"skew {skewed.Skewness}");
    }
}
