using Bulwark.Backtest.Reports;

namespace Bulwark.Backtest.Tests.Reports;

public sealed class ReturnRiskTests
{
    [Fact]
    public void TheValueAtRisk_IsTheWorstFivePercentsBest_AndTheShortfallTheirMean()
    {
        // 40 returns: the worst 5% is the 2 worst, -5% and -3%.
        double[] returns = [.. Enumerable.Repeat(0.01, 37), -0.03, 0.002, -0.05];

        var risk = ReturnRisk.Of(returns, [], cagr: 0.1);

        Assert.Equal(2, risk.TailBars);
        Assert.Equal(0.03, risk.ValueAtRisk, 12);
        Assert.Equal(0.04, risk.ExpectedShortfall, 12);
        Assert.True(risk.Skewness < -3d, $"skewness {risk.Skewness}");
        Assert.True(risk.Kurtosis > 10d, $"kurtosis {risk.Kurtosis}");
    }

    [Fact]
    public void AShortRun_ReadsItsWorstBar_AndARunThatNeverLost_HasNoValueAtRisk()
    {
        var few = ReturnRisk.Of([0.02, -0.01, 0.005], [], cagr: 0d);
        var gains = ReturnRisk.Of([.. Enumerable.Repeat(0.01, 30), 0.002], [], cagr: 0d);

        Assert.Equal((1, 0.01, 0.01), (few.TailBars, few.ValueAtRisk, few.ExpectedShortfall));
        Assert.Equal((0d, 0d), (gains.ValueAtRisk, gains.ExpectedShortfall));
        Assert.Equal(ReturnRisk.None, ReturnRisk.Of([], [], cagr: 0.5));
    }

    [Fact]
    public void TheUlcerIndex_IsTheRootMeanSquareDrawdown_AndItsPerformanceTheCagrOverIt()
    {
        // Depths 0, 10%, 0, 20%: sqrt((0.01 + 0.04) / 4).
        var risk = ReturnRisk.Of([0.01], [0m, 0.1m, 0m, 0.2m], cagr: 0.05);

        Assert.Equal(Math.Sqrt(0.0125), risk.UlcerIndex, 12);
        Assert.Equal(0.05 / Math.Sqrt(0.0125), risk.UlcerPerformance, 12);
        var flat = ReturnRisk.Of([0.01], [0m, 0m], cagr: 0.05);
        Assert.Equal((0d, 0d), (flat.UlcerIndex, flat.UlcerPerformance));
    }

    [Theory]
    [InlineData("random")]
    [InlineData("sorted")]
    [InlineData("reversed")]
    [InlineData("few values")]
    public void SelectingTheNthSmallest_PutsWhatASortWouldThere_WithTheSmallerBeforeIt(string shape)
    {
        var random = new Random(3);
        double[] values = shape switch
        {
            "sorted" => [.. Enumerable.Range(0, 1000).Select(i => (double)i)],
            "reversed" => [.. Enumerable.Range(0, 1000).Select(i => (double)-i)],
            "few values" => [.. Enumerable.Range(0, 1000).Select(_ => (double)random.Next(3))],
            _ => [.. Enumerable.Range(0, 1000).Select(_ => random.NextDouble() - 0.5)],
        };
        var sorted = values.Order().ToArray();

        foreach (var nth in new[] { 0, 1, 49, 500, 999 })
        {
            var selected = (double[])values.Clone();
            ReturnRisk.SelectSmallest(selected, nth);

            Assert.Equal(sorted[nth], selected[nth]);
            Assert.Equal(sorted.Take(nth + 1).Sum(), selected.Take(nth + 1).Sum(), 9);
            Assert.Equal(sorted, selected.Order());
        }
    }
}
