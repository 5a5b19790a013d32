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

        TransactionCost[] costs = [.. new[] { 0m, 1m, 2m, 5m }.Select(c => new TransactionCost(TransactionCostKind.CommissionPerFill, c))];

        var result = await CostGrid.RunAsync(bars, "sma-cross", combos, costs, options, null, CancellationToken.None);

        Assert.Equal(costs, result.Costs);
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
    public async Task EachCell_EqualsASingleBacktestAtThatCost()
    {
        var bars = OptimizationData.SyntheticDays(120);
        var options = OptimizationData.Options() with { CommissionPerFill = 1m };
        var combos = ParameterGrid.Parse(["period=6|9"]).Combinations().ToList();
        TransactionCost[] costs = [.. new[] { "0", "3", "0.01/share", "0.1%", "20bps" }.Select(TransactionCost.Parse)];
        // What each column must equal: the run's options with that one cost changed, the per-fill 1 kept by the others.
        BacktestOptions[] expected =
        [
            options with { CommissionPerFill = 0m }, options with { CommissionPerFill = 3m }, options with { CommissionPerShare = 0.01m },
            options with { CommissionPercent = 0.1m }, options with { SlippageBps = 20m },
        ];

        var result = await CostGrid.RunAsync(bars, "sma-cross", combos, costs, options, 2, CancellationToken.None);

        for (var r = 0; r < combos.Count; r++)
        {
            for (var c = 0; c < costs.Length; c++)
            {
                var direct = await BacktestEngine.RunAsync(bars,
                    [new Core.Strategies.SmaCrossStrategy("sma-cross", [OptimizationData.Symbol], r == 0 ? 6 : 9)],
                    expected[c], CancellationToken.None);
                Assert.Equal(direct.FinalValue, result.Rows[r].FinalValues[c]);
            }
            // Every kind of cost costs something on a strategy that trades.
            Assert.All(result.Rows[r].FinalValues.Skip(2), v => Assert.True(v < result.Rows[r].FinalValues[0], string.Join(",", result.Rows[r].FinalValues)));
        }
    }
}
