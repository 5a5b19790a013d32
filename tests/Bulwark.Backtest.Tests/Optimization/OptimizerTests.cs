using Bulwark.Backtest.Optimization;
using Bulwark.Core.Strategies;

namespace Bulwark.Backtest.Tests.Optimization;

public sealed class OptimizerTests
{
    private static readonly IReadOnlyList<Core.Model.Bar> Bars = OptimizationData.SyntheticDays(200);

    [Fact]
    public async Task Rows_EqualSingleBacktestsRunDirectly()
    {
        var rows = await Optimizer.RunAsync(Bars, "sma-cross", ParameterGrid.Parse(["period=5..20:5"]),
            OptimizationData.Options(), null, CancellationToken.None);

        Assert.Equal(4, rows.Count);
        foreach (var period in new[] { 5, 10, 15, 20 })
        {
            var direct = await BacktestEngine.RunAsync(Bars, [new SmaCrossStrategy("sma-cross", [OptimizationData.Symbol], period)],
                OptimizationData.Options(), CancellationToken.None);
            var row = Assert.Single(rows, r => r.Parameters["period"] == period.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Null(row.Error);
            Assert.Equal(direct.FinalValue, row.FinalValue);
            Assert.Equal(direct.TotalReturn, row.TotalReturn);
            Assert.Equal(direct.Buys + direct.Sells, row.Fills);
            Assert.Equal(MaxDrawdownOf(direct), row.MaxDrawdown);
            Assert.Equal(Bulwark.Backtest.Reports.MetricsCalculator.Compute(direct, Bars).Sharpe, row.Sharpe);
            Assert.Equal(Bulwark.Backtest.Reports.MetricsCalculator.Compute(direct, Bars).Sortino, row.Sortino);
        }
        Assert.Contains(rows, r => r.Fills > 0);
    }

    [Fact]
    public async Task ASample_RunsOnlyTheCombinationsDrawn_EachRowAsTheWholeGridsRowOfItsIndex()
    {
        var grid = ParameterGrid.Parse(["period=3..30"]);
        var sample = grid.Sample(6, seed: 11);

        var all = await Optimizer.RunAsync(Bars, "sma-cross", grid, OptimizationData.Options(), null, CancellationToken.None);
        var drawn = await Optimizer.RunAsync(Bars, "sma-cross", sample, OptimizationData.Options(), null, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 6).Select(sample.RunIndex), drawn.Select(r => r.Index).Order());
        foreach (var row in drawn)
        {
            Assert.Equal(grid.Combination(row.Index), row.Parameters);
            Assert.Equal(all.Single(r => r.Index == row.Index).FinalValue, row.FinalValue);
        }
        Assert.Equal(drawn.Select(r => r.FinalValue).OrderDescending(), drawn.Select(r => r.FinalValue));
    }

    [Fact]
    public async Task Rows_AreSortedByFinalValueDescending_TiesInGridOrder()
    {
        var rows = await Optimizer.RunAsync(Bars, "sma-cross", ParameterGrid.Parse(["period=3..30"]),
            OptimizationData.Options(), null, CancellationToken.None);

        Assert.Equal(28, rows.Count);
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.True(rows[i - 1].FinalValue >= rows[i].FinalValue, $"row {i} out of order");
            if (rows[i - 1].FinalValue == rows[i].FinalValue) Assert.True(rows[i - 1].Index < rows[i].Index);
        }
        Assert.Equal(Enumerable.Range(0, 28), rows.Select(r => r.Index).Order());
    }

    [Fact]
    public void Sort_BySharpeOrReturnOverDrawdown_PutsTheBestFirst_AGainWithoutDrawdownAboveEveryRatio_ErrorsLast()
    {
        static OptimizationRow Row(int index, decimal value, decimal drawdown, double sharpe) =>
            new(index, new Dictionary<string, string>(), value, value / 100m - 1m, 2, drawdown, null) { Sharpe = sharpe };
        OptimizationRow[] rows =
        [
            Row(0, 110m, 0.05m, 0.9),  // return/drawdown 2
            Row(1, 120m, 0.20m, 0.5),  // 1: the best value
            Row(2, 103m, 0m, 1.5),     // a gain with no drawdown: the best ratio, the best Sharpe
            new(3, new Dictionary<string, string>(), null, null, 0, null, "bad period"),
            Row(4, 104m, 0.01m, 1.2),  // 4
        ];

        Assert.Equal([1, 0, 4, 2, 3], Optimizer.Sort(rows).Select(r => r.Index));
        Assert.Equal([2, 4, 0, 1, 3], Optimizer.Sort(rows, OptimizationRank.Sharpe).Select(r => r.Index));
        Assert.Equal([2, 4, 0, 1, 3], Optimizer.Sort(rows, OptimizationRank.ReturnOverDrawdown).Select(r => r.Index));
        Assert.Equal(4m, rows[4].ReturnOverDrawdown);
        Assert.Null(rows[2].ReturnOverDrawdown);
    }

    [Fact]
    public async Task ParallelAndSequentialRuns_GiveIdenticalRows()
    {
        var grid = ParameterGrid.Parse(["period=4..15"]);

        var parallel = await Optimizer.RunAsync(Bars, "sma-cross", grid, OptimizationData.Options(), 4, CancellationToken.None);
        var sequential = await Optimizer.RunAsync(Bars, "sma-cross", grid, OptimizationData.Options(), 1, CancellationToken.None);

        Assert.Equal(Describe(sequential), Describe(parallel));
    }

    [Fact]
    public async Task AFailingCombination_IsARowWithItsError_AfterTheOthers()
    {
        var rows = await Optimizer.RunAsync(Bars, "sma-cross", ParameterGrid.Parse(["period=0|8|12"]),
            OptimizationData.Options(), null, CancellationToken.None);

        Assert.Equal(3, rows.Count);
        Assert.All(rows.Take(2), r => Assert.True(r.Ok));
        var failed = rows[2];
        Assert.Equal("0", failed.Parameters["period"]);
        Assert.Contains("period", failed.Error, StringComparison.Ordinal);
        Assert.Null(failed.FinalValue);
        Assert.Equal("params.period", failed.RefusedBy); // never run: the strategy refused the parameter

        var refused = RefusedCombinations.Of(rows);
        Assert.Equal(1, refused.Count);
        var only = Assert.Single(refused.ByParameter);
        Assert.Equal(("params.period", 1, "period=0", failed.Error), (only.Parameter, only.Combinations, only.Example, only.Problem));
    }

    [Fact]
    public async Task RefusedCombinations_AreGroupedByTheParameterRefused_WithTheFirstAsExample()
    {
        var progress = new BacktestProgress(12L * Bars.Count);
        var rows = await Optimizer.RunAsync(Bars, "ema-cloud", ParameterGrid.Parse(["fastShort=3..6", "fastLong=4..8:2"]),
            OptimizationData.Options() with { Progress = progress }, null, CancellationToken.None);

        var refused = RefusedCombinations.Of(rows);
        Assert.Equal(12, rows.Count);
        Assert.Equal(4, refused.Count); // 4/4, 5/4, 6/4, 6/6: the fast EMA must be shorter than the slow one
        var fastLong = Assert.Single(refused.ByParameter);
        Assert.Equal(("params.fastLong", 4, "fastShort=4 fastLong=4"), (fastLong.Parameter, fastLong.Combinations, fastLong.Example));
        Assert.All(rows.Where(r => r.RefusedBy is null), r => Assert.True(r.Ok));
        Assert.Equal(progress.Total, progress.Done); // a refused combination counts as done: the progress bar's ETA stays true
    }

    [Fact]
    public void MaxDrawdown_IsTheLargestFallFromARunningPeak()
    {
        var t = DateTimeOffset.UnixEpoch;
        EquityPoint P(decimal v) => new(t, v, v);

        Assert.Equal(0.25m, Bulwark.Backtest.Reports.DrawdownSeries.Of([P(120m), P(90m), P(110m), P(95m)], 100m).Max);
        Assert.Equal(0.1m, Bulwark.Backtest.Reports.DrawdownSeries.Of([P(90m), P(95m)], 100m).Max);
        Assert.Equal(0m, Bulwark.Backtest.Reports.DrawdownSeries.Of([P(101m), P(102m)], 100m).Max);
    }

    private static List<string> Describe(IEnumerable<OptimizationRow> rows) =>
        [.. rows.Select(r => $"{r.Index} {string.Join(",", r.Parameters)} {r.FinalValue} {r.TotalReturn} {r.Fills} {r.MaxDrawdown} {r.Error}")];

    /// <summary>Written independently of the optimizer: peak-to-trough over the curve, peak starting at the cash.</summary>
    private static decimal MaxDrawdownOf(BacktestResult result)
    {
        decimal peak = result.StartingCash, worst = 0m;
        foreach (var p in result.EquityCurve)
        {
            peak = Math.Max(peak, p.Equity);
            worst = Math.Max(worst, (peak - p.Equity) / peak);
        }
        return worst;
    }
}
