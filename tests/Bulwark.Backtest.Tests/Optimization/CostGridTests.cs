using Bulwark.Backtest.Optimization;
using Xunit.Abstractions;

namespace Bulwark.Backtest.Tests.Optimization;

public sealed class CostGridTests(ITestOutputHelper output)
{
    [Fact]
    public async Task MoreCommission_NeverIncreasesTheFinalValue_ForSmaCrossOnTheSample()
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;
        var options = OptimizationData.Options("SAMPLE");
        var combos = ParameterGrid.Parse(["period=10..30:5"]).Combinations().ToList();

        var result = await CostGrid.RunAsync(bars, "sma-cross", combos, [0m, 1m, 2m, 5m], options, null, CancellationToken.None);

        Assert.Equal([0m, 1m, 2m, 5m], result.CommissionsPerFill);
        Assert.Equal(combos.Count, result.Rows.Count);
        foreach (var row in result.Rows)
        {
            Assert.All(row.FinalValues, v => Assert.NotNull(v));
            for (var i = 1; i < row.FinalValues.Count; i++) Assert.True(row.FinalValues[i] <= row.FinalValues[i - 1], string.Join(",", row.FinalValues));
            Assert.True(row.FinalValues[^1] < row.FinalValues[0], "sma-cross trades on the sample, so commission must cost something");
        }
        // Period 15 without commission is the published 10284.10.
        Assert.Equal(10284.10m, Math.Round(result.Rows.Single(r => r.Parameters["period"] == "15").FinalValues[0]!.Value, 2));
    }

    [Fact]
    public async Task EachCell_EqualsASingleBacktestAtThatCommission()
    {
        var bars = OptimizationData.SyntheticDays(120);
        var options = OptimizationData.Options();
        var combos = ParameterGrid.Parse(["period=6|9"]).Combinations().ToList();

        var result = await CostGrid.RunAsync(bars, "sma-cross", combos, [0m, 3m], options, 2, CancellationToken.None);

        for (var r = 0; r < combos.Count; r++)
            for (var c = 0; c < 2; c++)
            {
                var direct = await BacktestEngine.RunAsync(bars,
                    [new Core.Strategies.SmaCrossStrategy("sma-cross", [OptimizationData.Symbol], r == 0 ? 6 : 9)],
                    options with { CommissionPerFill = result.CommissionsPerFill[c] }, CancellationToken.None);
                Assert.Equal(direct.FinalValue, result.Rows[r].FinalValues[c]);
            }
    }
}
