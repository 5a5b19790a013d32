namespace Bulwark.Backtest;

/// <summary>The account after a bar: total value (cash plus positions at the bar's close) and cash.</summary>
public readonly record struct EquityPoint(DateTimeOffset Time, decimal Equity, decimal Cash);
