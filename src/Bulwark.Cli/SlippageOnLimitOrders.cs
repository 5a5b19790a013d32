using Bulwark.Backtest.Optimization;
using Bulwark.Core.Strategies;

namespace Bulwark.Cli;

/// <summary>
/// Slippage asked of a strategy that only places limit orders (the grid) changes none of its fills, so a result
/// "with slippage" would read as robust to it: said on standard error before the run.
/// </summary>
internal static class SlippageOnLimitOrders
{
    /// <summary>A backtest or optimize run with <c>--slippage-bps</c>, <c>--slippage-ticks</c> or <c>--impact</c> above 0.</summary>
    public static void Warn(string strategyName, AccountSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Costs.SlippageTicks > 0m) Say(strategyName, "--slippage-ticks");
        else if (settings.Costs.SlippageBps > 0m) Say(strategyName, "--slippage-bps");
        if (settings.Costs.ImpactPercent > 0m) Say(strategyName, "--impact");
    }

    /// <summary>An optimize cost grid with a slippage column.</summary>
    public static void Warn(string strategyName, IReadOnlyList<TransactionCost>? costGrid)
    {
        if (costGrid is not null && costGrid.Any(c => c.Kind == TransactionCostKind.SlippageBps && c.Value > 0m))
            Say(strategyName, "--cost-grid's bps columns");
        if (costGrid is not null && costGrid.Any(c => c.Kind == TransactionCostKind.ImpactPercent && c.Value > 0m))
            Say(strategyName, "--cost-grid's impact columns");
    }

    private static void Say(string strategyName, string what)
    {
        if (StrategyCatalog.PlacesOnlyLimitOrders(strategyName))
            Console.Error.WriteLine($"bulwark: {what}: {strategyName} places only limit orders, which fill at their limit price, so slippage and impact change none of its fills; its costs are commissions, and --limit-fill through fills them only where a bar traded beyond the limit");
    }
}
