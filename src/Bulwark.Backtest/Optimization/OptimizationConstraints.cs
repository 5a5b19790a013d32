using System.Globalization;

namespace Bulwark.Backtest.Optimization;

/// <summary>
/// What a combination must do to be chosen, whatever its figure: trade often enough for its result to mean something
/// (a row of two lucky trades tops a grid ranked by value), and keep its drawdown within what the trader would sit
/// through. Rows that miss are still run and shown, ranked after every row that meets them; a walk-forward window
/// whose train grid has none that meets them trades nothing, and the plateau leaves them out.
/// </summary>
/// <param name="MinTrades">The fewest round trips (flat to flat, closed) a row must have made; null: any.</param>
/// <param name="MaxDrawdown">The deepest drawdown a row may have had, a fraction of the peak (0.2 for 20%); null: any.</param>
public sealed record OptimizationConstraints(int? MinTrades, decimal? MaxDrawdown)
{
    /// <summary>No constraint: every row that ran is a candidate.</summary>
    public static OptimizationConstraints None { get; } = new(null, null);

    /// <summary>Whether any constraint is set.</summary>
    public bool Any => MinTrades is not null || MaxDrawdown is not null;

    /// <summary>Which constraint a row that ran misses, with its figure ("4 trades, under 10"); null when it meets them or did not run.</summary>
    public string? Missed(OptimizationRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!row.Ok) return null;
        if (MinTrades is { } min && row.RoundTrips < min)
            return string.Create(CultureInfo.InvariantCulture, $"{row.RoundTrips} trade{(row.RoundTrips == 1 ? "" : "s")}, under {min}");
        if (MaxDrawdown is { } max && row.MaxDrawdown is { } dd && dd > max)
            return string.Create(CultureInfo.InvariantCulture, $"drawdown {dd:P2}, over {max:P2}");
        return null;
    }

    /// <summary>"--min-trades 10, --max-drawdown 20%": the constraints as given.</summary>
    public string Text => string.Join(", ", new[]
    {
        MinTrades is { } min ? string.Create(CultureInfo.InvariantCulture, $"--min-trades {min}") : null,
        MaxDrawdown is { } max ? string.Create(CultureInfo.InvariantCulture, $"--max-drawdown {max * 100m:0.##}%") : null,
    }.Where(t => t is not null));
}
