using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Backtest.Optimization;

/// <summary>
/// A parameter grid search: one backtest per combination, run in parallel, each with a fresh strategy from the
/// <see cref="StrategyCatalog"/> (its source is the strategy name, its symbols the instruments in ordinal order).
/// Rows come back sorted by final value, best first, then by grid order; failed combinations (bad parameters, an
/// exception in the run) are rows with an error, after all the others.
/// </summary>
public static class Optimizer
{
    public static async Task<IReadOnlyList<OptimizationRow>> RunAsync(IReadOnlyList<Bar> bars, string strategyName,
        ParameterGrid grid, BacktestOptions options, int? maxParallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var rows = await ParallelRuns.RunEachAsync(grid.Count, maxParallelism, (i, ct) =>
            RunOneAsync(bars, strategyName, i, grid.Combination(i), options, ct), cancellationToken).ConfigureAwait(false);
        return Sort(rows);
    }

    /// <summary>Best first: final value descending, then grid order; errors last in grid order.</summary>
    public static IReadOnlyList<OptimizationRow> Sort(IEnumerable<OptimizationRow> rows) =>
        [.. rows.OrderBy(r => r.Ok ? 0 : 1).ThenByDescending(r => r.FinalValue ?? 0m).ThenBy(r => r.Index)];

    /// <summary>One combination as a row; never throws except on cancellation.</summary>
    public static async Task<OptimizationRow> RunOneAsync(IReadOnlyList<Bar> bars, string strategyName, int index,
        IReadOnlyDictionary<string, string> parameters, BacktestOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var symbols = options.Instruments.Keys.Order(StringComparer.Ordinal).ToList();
        var built = StrategyCatalog.Build(strategyName, strategyName, symbols, parameters);
        if (!built.Ok) return Failed(index, parameters, string.Join("; ", built.Problems));
        try
        {
            var result = await BacktestEngine.RunAsync(bars, [built.Strategy], options, cancellationToken).ConfigureAwait(false);
            if (result.StrategyFailures.Count > 0)
                return Failed(index, parameters, "strategy failed: " + string.Join("; ", result.StrategyFailures));
            return new OptimizationRow(index, parameters, result.FinalValue, result.TotalReturn, result.Buys + result.Sells,
                Reports.DrawdownSeries.Of(result.EquityCurve, result.StartingCash).Max, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return Failed(index, parameters, ex.Message);
        }
    }

    private static OptimizationRow Failed(int index, IReadOnlyDictionary<string, string> parameters, string error) =>
        new(index, parameters, null, null, 0, null, error);
}
