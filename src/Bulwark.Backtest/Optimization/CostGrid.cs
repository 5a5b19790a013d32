using Bulwark.Core.Model;

namespace Bulwark.Backtest.Optimization;

/// <summary>
/// Re-runs chosen combinations once per commission-per-fill value (everything else as in the given options), in
/// parallel, to show how sensitive their result is to transaction costs. Rows keep the order given.
/// </summary>
public static class CostGrid
{
    public static async Task<CostGridResult> RunAsync(IReadOnlyList<Bar> bars, string strategyName,
        IReadOnlyList<IReadOnlyDictionary<string, string>> combinations, IReadOnlyList<decimal> commissionsPerFill,
        BacktestOptions options, int? maxParallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(combinations);
        ArgumentNullException.ThrowIfNull(commissionsPerFill);
        ArgumentNullException.ThrowIfNull(options);
        if (commissionsPerFill.Any(c => c < 0m)) throw new ArgumentException("a commission must be >= 0", nameof(commissionsPerFill));
        var costs = commissionsPerFill.Count;
        var runs = await ParallelRuns.RunEachAsync(combinations.Count * costs, maxParallelism, (i, ct) =>
            Optimizer.RunOneAsync(bars, strategyName, i, combinations[i / costs],
                options with { CommissionPerFill = commissionsPerFill[i % costs] }, ct), cancellationToken).ConfigureAwait(false);
        var rows = new List<CostGridRow>(combinations.Count);
        for (var r = 0; r < combinations.Count; r++)
            rows.Add(new CostGridRow(combinations[r], [.. runs.Skip(r * costs).Take(costs).Select(x => x.FinalValue)]));
        return new CostGridResult([.. commissionsPerFill], rows);
    }
}
