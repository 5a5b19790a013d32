using Bulwark.Core.Model;

namespace Bulwark.Backtest.Workflows;

/// <summary>
/// Runs several isolated workflows (one per asset class, typically) side by side. A workflow that fails (a strategy
/// that cannot be built or throws, data the venue refuses) is reported with its reason; the others complete and
/// their results come back. Only cancellation of the whole run stops them all.
/// </summary>
public static class WorkflowRunner
{
    public static async Task<IReadOnlyList<WorkflowOutcome>> RunAsync(IReadOnlyList<BacktestWorkflow> workflows,
        int maxParallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        return await ParallelRuns.RunEachAsync(workflows.Count, maxParallelism, (i, ct) => RunOneAsync(workflows[i], ct),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Splits bars and instruments by asset class: one workflow per class present, named after it ("equity",
    /// "crypto", ...), each with the whole <paramref name="options"/> account and only its own instruments and bars.
    /// </summary>
    public static IReadOnlyList<BacktestWorkflow> ByAssetClass(IReadOnlyList<Bar> bars, BacktestOptions options,
        Func<IReadOnlyList<string>, IReadOnlyList<Core.Strategies.IStrategy>> strategies)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(options);
        var classes = options.Instruments.Values.GroupBy(i => i.AssetClass).OrderBy(g => g.Key).ToList();
        return [.. classes.Select(g =>
            {
                var instruments = g.ToDictionary(i => i.Symbol, StringComparer.Ordinal);
                return new BacktestWorkflow(
                    g.Key.ToString().ToLowerInvariant(),
                    // One class that has every bar's symbol (the usual case) runs on the bars as given: millions are not copied.
                    classes.Count == 1 && bars.All(b => instruments.ContainsKey(b.Symbol)) ? bars
                        : [.. bars.Where(b => instruments.ContainsKey(b.Symbol))],
                    strategies,
                    options with { Instruments = instruments });
            })];
    }

    private static async Task<WorkflowOutcome> RunOneAsync(BacktestWorkflow workflow, CancellationToken cancellationToken)
    {
        var symbols = workflow.Symbols;
        try
        {
            if (workflow.Bars.Count == 0) return new WorkflowOutcome(workflow.Name, symbols, null, "no bars for its symbols");
            var strategies = workflow.Strategies(symbols);
            var result = await BacktestEngine.RunAsync(workflow.Bars, strategies, workflow.Options, cancellationToken)
                .ConfigureAwait(false);
            return result.StrategyFailures.Count > 0
                ? new WorkflowOutcome(workflow.Name, symbols, null, "strategy failed: " + string.Join("; ", result.StrategyFailures))
                : new WorkflowOutcome(workflow.Name, symbols, result, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new WorkflowOutcome(workflow.Name, symbols, null, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
