using System.Text.Json.Serialization;

namespace Bulwark.Backtest.Optimization;

/// <summary>
/// One combination of an optimization: its position in the grid, its parameters, and either the backtest's figures
/// (final value, total return, filled buys plus sells, max drawdown as a fraction of the peak) or why it failed.
/// </summary>
public sealed record OptimizationRow(
    int Index,
    IReadOnlyDictionary<string, string> Parameters,
    decimal? FinalValue,
    decimal? TotalReturn,
    int Trades,
    decimal? MaxDrawdown,
    string? Error)
{
    [JsonIgnore]
    public bool Ok => Error is null;
}
