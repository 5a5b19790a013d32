using Bulwark.Core.Model;

namespace Bulwark.Backtest.Optimization;

/// <summary>
/// Re-runs chosen combinations once per cost (each replacing the same kind of cost of the given options, everything
/// else as given), in parallel, to show how sensitive their result is to transaction costs. Rows keep the order given.
/// </summary>
public static class CostGrid
{
    public static async Task<CostGridResult> RunAsync(IReadOnlyList<Bar> bars, string strategyName,
        IReadOnlyList<IReadOnlyDictionary<string, string>> combinations, IReadOnlyList<TransactionCost> costGrid,
        BacktestOptions options, int? maxParallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(combinations);
        ArgumentNullException.ThrowIfNull(costGrid);
        ArgumentNullException.ThrowIfNull(options);
        if (costGrid.Any(c => c.Value < 0m)) throw new ArgumentException("a cost must be >= 0", nameof(costGrid));
        var costs = costGrid.Count;
        var runs = await ParallelRuns.RunEachAsync(combinations.Count * costs, maxParallelism, (i, ct) =>
            Optimizer.RunOneAsync(bars, strategyName, i, combinations[i / costs],
                costGrid[i % costs].ApplyTo(options), ct), cancellationToken).ConfigureAwait(false);
        var rows = new List<CostGridRow>(combinations.Count);
        for (var r = 0; r < combinations.Count; r++)
            rows.Add(new CostGridRow(combinations[r], [.. runs.Skip(r * costs).Take(costs).Select(x => x.FinalValue)]));
        return new CostGridResult([.. costGrid], rows);
    }
}
