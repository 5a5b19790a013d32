namespace Bulwark.Backtest.Optimization;

/// <summary>Transaction-cost sensitivity: commissions per fill (columns) by parameter combinations (rows).</summary>
public sealed record CostGridResult(IReadOnlyList<decimal> CommissionsPerFill, IReadOnlyList<CostGridRow> Rows);
