using Bulwark.Backtest.Optimization;
using Bulwark.Backtest.Reports;

namespace Bulwark.Backtest.Tests.Optimization;

/// <summary>How alike a grid's trials traded, and how many independent trials they count as.</summary>
public sealed class TrialCorrelationTests
{
    [Fact]
    public void ASketch_KeepsShortSeriesWhole_AndSumsLongOnesIn512Runs()
    {
        double[] daily = [.. Enumerable.Range(0, 300).Select(i => i * 0.001)];
        double[] minutes = [.. Enumerable.Range(0, 2000).Select(i => (i % 7) - 3d)];

        Assert.Equal(daily, TrialCorrelation.Sketch(daily));
        var sketch = TrialCorrelation.Sketch(minutes);
        Assert.Equal(TrialCorrelation.SketchLength, sketch.Length);
        Assert.Equal(minutes.Sum(), sketch.Sum(), 9);
        // 2000 over 512: runs of 3 or 4 returns, the first three of them here.
        Assert.Equal(-3d + -2d + -1d + 0d, sketch[0]);
    }

    [Fact]
    public void TheMean_IsOverPairsOfEqualLength_LeavingOutSeriesThatNeverMoved()
    {
        double[] a = [1, -1, 2, -2, 0.5];
        double[] same = [.. a.Select(v => (v * 3) + 1)];   // correlation 1 with a
        double[] mirror = [.. a.Select(v => -v)];          // -1 with a and with same
        double[] flat = [0, 0, 0, 0, 0];
        double[] shorter = [1, 2, 3];

        Assert.Equal(1d, TrialCorrelation.Mean([a, same, flat, shorter])!.Value, 9);
        Assert.Equal(-1d / 3d, TrialCorrelation.Mean([a, same, mirror])!.Value, 9); // (1 - 1 - 1) / 3
        Assert.Null(TrialCorrelation.Mean([a, flat]));
        Assert.Null(TrialCorrelation.Mean([a, shorter]));
    }

    [Theory]
    [InlineData(40, 1.0, 1.0)]    // forty copies of one trial are one
    [InlineData(40, 0.0, 40.0)]   // unrelated ones are all
    [InlineData(40, 0.5, 20.5)]
    [InlineData(40, -0.2, 40.0)]  // a negative mean counts as none
    [InlineData(1, 0.9, 1.0)]
    public void IndependentTrials_AreRPlusOneLessRTimesN(int trials, double correlation, double expected) =>
        Assert.Equal(expected, TrialCorrelation.EffectiveTrials(trials, correlation), 9);

    [Fact]
    public void TheDeflatedSharpe_TakesTheExpectedBestOfTheIndependentTrials()
    {
        double[] returns = [0.01, -0.02, 0.015, 0.003, -0.004, 0.02];
        OptimizationRow Row(int index, double sharpe, double[]? sketch) =>
            new(index, new Dictionary<string, string> { ["p"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture) }, 10_000m, 0m, 2, 0m, null)
            {
                Moments = new ReturnMoments(sharpe, 0d, 3d, 101, 252d),
                ReturnSketch = sketch,
            };
        double[] sharpes = [0.2, 0.1, 0.05, 0d, -0.05];
        // Trials that all traded alike count as one: nothing is expected of the best by chance, so it is not deflated.
        var alike = DeflatedSharpe.Of([.. sharpes.Select((s, i) => Row(i, s, returns))])!;
        var unknown = DeflatedSharpe.Of([.. sharpes.Select((s, i) => Row(i, s, null))])!;

        Assert.Equal((1d, 1d), (alike.MeanCorrelation!.Value, alike.EffectiveTrials));
        Assert.Equal(0d, alike.ExpectedMaxSharpe);
        Assert.Equal(alike.ProbabilisticSharpe, alike.Deflated);
        Assert.Null(unknown.MeanCorrelation);
        Assert.Equal(5d, unknown.EffectiveTrials);
        Assert.True(unknown.Deflated < alike.Deflated);
    }

    [Fact]
    public async Task AGrid_KeepsSketchesOnAtMost200RowsSpreadOverIt()
    {
        var bars = OptimizationData.SyntheticDays(60);

        var small = await Optimizer.RunAsync(bars, "sma-cross", ParameterGrid.Parse(["period=2..11"]), OptimizationData.Options(), null, CancellationToken.None);
        var large = await Optimizer.RunAsync(bars, "sma-cross", ParameterGrid.Parse(["period=2..21", "maxHoldDays=1..21"]), OptimizationData.Options(), null, CancellationToken.None);

        Assert.All(small, r => Assert.NotNull(r.ReturnSketch));
        // 420 runs, every third keeps one: runs 0, 3, ..., 417.
        var kept = large.Where(r => r.ReturnSketch is not null).Select(r => r.Index).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 140).Select(i => i * 3), kept);
        Assert.All(large.Where(r => r.ReturnSketch is not null), r => Assert.Equal(r.Moments!.Observations, r.ReturnSketch!.Length));
    }
}
