using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Backtest.Optimization;

/// <summary>
/// A parameter grid search: one backtest per combination (or per combination of its sample, <see cref="ParameterGrid.Sample(int, int)"/>), run in parallel, each with a fresh strategy from the
/// <see cref="StrategyCatalog"/> (its source is the strategy name, its symbols the instruments in ordinal order).
/// Rows come back best first by the <see cref="OptimizationRank"/> asked (final value by default), then by grid order;
/// failed combinations (bad parameters, an exception in the run) are rows with an error, after all the others; those the
/// strategy refused to be built with say so (<see cref="OptimizationRow.RefusedBy"/>, <see cref="RefusedCombinations"/>).
/// </summary>
public static class Optimizer
{
    public static Task<IReadOnlyList<OptimizationRow>> RunAsync(IReadOnlyList<Bar> bars, string strategyName,
        ParameterGrid grid, BacktestOptions options, int? maxParallelism, CancellationToken cancellationToken) =>
        RunAsync(bars, strategyName, grid, options, maxParallelism, OptimizationRank.Value, cancellationToken);

    public static Task<IReadOnlyList<OptimizationRow>> RunAsync(IReadOnlyList<Bar> bars, string strategyName,
        ParameterGrid grid, BacktestOptions options, int? maxParallelism, OptimizationRank rank, CancellationToken cancellationToken) =>
        RunAsync(bars, strategyName, grid, options, maxParallelism, rank, OptimizationConstraints.None, cancellationToken);

    /// <summary>The rows, those that miss <paramref name="constraints"/> marked and ranked after the rest.</summary>
    public static async Task<IReadOnlyList<OptimizationRow>> RunAsync(IReadOnlyList<Bar> bars, string strategyName,
        ParameterGrid grid, BacktestOptions options, int? maxParallelism, OptimizationRank rank, OptimizationConstraints constraints,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        ArgumentNullException.ThrowIfNull(grid);
        // Every stride-th run keeps a sketch of its returns, evenly over the grid, for the trials' correlation.
        var stride = (grid.Runs + MaxSketches - 1) / MaxSketches;
        var rows = await ParallelRuns.RunEachAsync(grid.Runs, maxParallelism, (run, ct) =>
            RunOneAsync(bars, strategyName, grid.RunIndex(run), grid.Combination(grid.RunIndex(run)), options, run % stride == 0, ct),
            cancellationToken).ConfigureAwait(false);
        return Sort(constraints.Any ? rows.Select(r => r with { Missed = constraints.Missed(r) }) : rows, rank);
    }

    /// <summary>
    /// The most rows of a grid that keep a sketch of their returns (<see cref="OptimizationRow.ReturnSketch"/>): enough to
    /// estimate the trials' mean correlation (about 20,000 pairs), at most 200 × 4 KB whatever the grid.
    /// </summary>
    public const int MaxSketches = 200;

    /// <summary>
    /// Best first by <paramref name="rank"/>, ties by final value, then grid order; rows that miss a constraint
    /// (<see cref="OptimizationRow.Missed"/>) after those that meet them, ranked alike; errors last in grid order.
    /// </summary>
    public static IReadOnlyList<OptimizationRow> Sort(IEnumerable<OptimizationRow> rows, OptimizationRank rank = OptimizationRank.Value) =>
        [.. rows.OrderBy(r => !r.Ok ? 2 : r.Missed is null ? 0 : 1).ThenByDescending(r => Key(r, rank)).ThenByDescending(r => r.FinalValue ?? 0m).ThenBy(r => r.Index)];

    /// <summary>The figure rows are ranked by before the final value (0 when ranking by final value).</summary>
    internal static double Key(OptimizationRow row, OptimizationRank rank) => rank switch
    {
        OptimizationRank.Sharpe => row.Sharpe ?? 0d,
        OptimizationRank.Sortino => row.Sortino ?? 0d,
        // No drawdown means the curve never fell below its start: a gain so made beats any ratio; no gain is 0.
        OptimizationRank.ReturnOverDrawdown => row.ReturnOverDrawdown is { } ratio ? (double)ratio
            : row.TotalReturn > 0m ? double.PositiveInfinity : 0d,
        _ => 0d, // by final value, the next key
    };

    /// <summary>
    /// Whether the strategy is built with these parameters and can be sized: a combination RunOneAsync would
    /// run rather than refuse.
    /// </summary>
    public static bool Accepts(string strategyName, IReadOnlyList<string> symbols, IReadOnlyDictionary<string, string> parameters,
        BacktestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var built = StrategyCatalog.Build(strategyName, strategyName, symbols, parameters);
        return built.Ok && !options.EffectiveSizing.CannotSize(built.Strategy!.Protection);
    }

    /// <summary>One combination as a row; never throws except on cancellation.</summary>
    public static Task<OptimizationRow> RunOneAsync(IReadOnlyList<Bar> bars, string strategyName, int index,
        IReadOnlyDictionary<string, string> parameters, BacktestOptions options, CancellationToken cancellationToken) =>
        RunOneAsync(bars, strategyName, index, parameters, options, sketch: false, cancellationToken);

    /// <summary>One combination as a row, with a sketch of its returns when <paramref name="sketch"/>; never throws except on cancellation.</summary>
    public static async Task<OptimizationRow> RunOneAsync(IReadOnlyList<Bar> bars, string strategyName, int index,
        IReadOnlyDictionary<string, string> parameters, BacktestOptions options, bool sketch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var symbols = options.Instruments.Keys.Order(StringComparer.Ordinal).ToList();
        var built = StrategyCatalog.Build(strategyName, strategyName, symbols, parameters);
        if (!built.Ok)
        {
            options.Progress?.Add(bars.Count); // counted as done, so the progress bar's ETA is not thrown by runs never made
            return Failed(index, parameters, string.Join("; ", built.Problems)) with { RefusedBy = built.Problems[0].Key };
        }
        if (options.EffectiveSizing.CannotSize(built.Strategy!.Protection))
        {
            // Every entry would be denied: a row of no trades would read as a result.
            options.Progress?.Add(bars.Count);
            return Failed(index, parameters, NoStopToSize) with { RefusedBy = "sizing.riskPercent" };
        }
        try
        {
            var result = await BacktestEngine.RunAsync(bars, [built.Strategy], options, cancellationToken).ConfigureAwait(false);
            if (result.StrategyFailures.Count > 0)
                return Failed(index, parameters, "strategy failed: " + string.Join("; ", result.StrategyFailures));
            var (_, barsPerYear, excess) = Reports.MetricsCalculator.PerBarReturns(result.EquityCurve, result.Year, result.CashInterest);
            return new OptimizationRow(index, parameters, result.FinalValue, result.TotalReturn, result.Buys + result.Sells,
                Reports.DrawdownSeries.Of(result.EquityCurve, result.StartingCash).Max, null)
            {
                Sharpe = Reports.ReturnStatistics.Sharpe(excess, barsPerYear),
                Sortino = Reports.ReturnStatistics.Sortino(excess, barsPerYear),
                Moments = Reports.ReturnMoments.Of(excess, barsPerYear),
                ReturnSketch = sketch ? TrialCorrelation.Sketch(excess) : null,
                Financing = result.Financing,
                Interest = result.Interest,
                Commission = result.Commission,
                Slippage = result.Slippage,
                FillsBySource = new SortedDictionary<string, long>(result.Sources.Where(s => s.Fills > 0)
                    .ToDictionary(s => s.Source, s => s.Fills, StringComparer.Ordinal), StringComparer.Ordinal),
                NoticeCounts = result.NoticeCounts,
                OrdersRejected = result.Sources.Sum(s => s.OrdersRejected),
                RoundTrips = result.Sources.Sum(s => s.RoundTrips),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return Failed(index, parameters, ex.Message);
        }
    }

    /// <summary>Why sizing by risk refuses a combination without a protective stop.</summary>
    public const string NoStopToSize = "entries are sized by the risk to their protective stop, and this combination sets none (stopLossPercent, stopLossAtr or a trail)";

    private static OptimizationRow Failed(int index, IReadOnlyDictionary<string, string> parameters, string error) =>
        new(index, parameters, null, null, 0, null, error);
}
