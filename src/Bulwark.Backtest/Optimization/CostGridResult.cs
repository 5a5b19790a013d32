namespace Bulwark.Backtest.Optimization;

/// <summary>Transaction-cost sensitivity: costs (columns) by parameter combinations (rows).</summary>
public sealed record CostGridResult(IReadOnlyList<TransactionCost> Costs, IReadOnlyList<CostGridRow> Rows);
