using System.Globalization;
using System.Text.Json.Serialization;
using Bulwark.Backtest;

namespace Bulwark.Cli;

/// <summary>
/// How a run's output states the financing it charged: the rates for every instrument, symbols' own (only when some
/// has its own), and for a backtest what it all came to.
/// </summary>
internal sealed record FinancingView(
    decimal FinancingLongPercent,
    decimal FinancingShortPercent,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SortedDictionary<string, object>? Symbols,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Total)
{
    /// <param name="total">What the run's positions paid (negative) or earned; null for a grid of runs.</param>
    public static FinancingView Of(BacktestOptions options, decimal? total = null) => new(
        options.FinancingLongPercent, options.FinancingShortPercent,
        options.FinancingBySymbol.Count == 0 ? null : new SortedDictionary<string, object>(
            options.FinancingBySymbol.ToDictionary(s => s.Key, s => (object)new { s.Value.LongPercent, s.Value.ShortPercent }),
            StringComparer.Ordinal),
        total);

    /// <summary>"at 8% a year long and 0% short", then each symbol's own: "; GME 0% long and 35% short".</summary>
    public static string Text(BacktestOptions options) => string.Create(CultureInfo.InvariantCulture,
        $"at {options.FinancingLongPercent}% a year long and {options.FinancingShortPercent}% short") +
        string.Concat(options.FinancingBySymbol.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s =>
            string.Create(CultureInfo.InvariantCulture, $"; {s.Key} {s.Value.LongPercent}% long and {s.Value.ShortPercent}% short")));
}
