namespace Bulwark.Backtest.Optimization;

/// <summary>One parameter combination's final value at each cost of the grid (null where the run failed).</summary>
public sealed record CostGridRow(IReadOnlyDictionary<string, string> Parameters, IReadOnlyList<decimal?> FinalValues);
