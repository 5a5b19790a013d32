namespace Bulwark.Backtest.Reports;

/// <summary>
/// The Sharpe ratio over a moving window of a quarter year of bars (at least 20, or the bars given), as the whole run's is computed (per-bar
/// returns in excess of the cash rate, mean over sample standard deviation, annualised): whether the edge held through
/// the run or came from one stretch of it, and whether it is fading at the end. The lowest and highest windows, the share
/// of windows above 0 and the last one; the series itself for the report's chart.
/// </summary>
/// <param name="Window">Returns in each window.</param>
/// <param name="Lowest">The lowest window's ratio.</param>
/// <param name="Highest">The highest window's ratio.</param>
/// <param name="AboveZero">The share of windows whose ratio is above 0.</param>
/// <param name="Last">The last window's ratio: the most recent quarter's.</param>
/// <param name="Series">Each window's ratio at its last point's time.</param>
public sealed record RollingSharpe(int Window, double Lowest, double Highest, double AboveZero, double Last,
    [property: System.Text.Json.Serialization.JsonIgnore] IReadOnlyList<(DateTimeOffset Time, double Sharpe)> Series)
{
    /// <summary>The fewest returns in a window of a quarter year.</summary>
    public const int MinWindow = 20;

    /// <summary>The fewest returns a given window may have: a sample deviation needs two.</summary>
    public const int MinGivenWindow = 2;

    /// <summary>Whether the window was given (--rolling-window) rather than a quarter year of bars.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Given { get; init; }

    /// <summary>The window of a run with <paramref name="barsPerYear"/>: a quarter year of bars, at least <see cref="MinWindow"/>.</summary>
    public static int QuarterYear(double barsPerYear) => Math.Max(MinWindow, (int)Math.Round(barsPerYear / 4d));

    /// <param name="times">The times of the curve's points (one per distinct time); <paramref name="excess"/>[i] ends at times[i + 1].</param>
    /// <param name="excess">The per-bar returns in excess of the cash rate.</param>
    /// <param name="window">The returns in each window; null: a quarter year's (<see cref="QuarterYear"/>).</param>
    /// <returns>Null when the run has fewer than two windows' worth of returns.</returns>
    public static RollingSharpe? Of(IReadOnlyList<DateTimeOffset> times, double[] excess, double barsPerYear, int? window = null)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(excess);
        if (times.Count != excess.Length + 1) throw new ArgumentException("one time more than returns is expected", nameof(times));
        ArgumentOutOfRangeException.ThrowIfLessThan(window ?? MinGivenWindow, MinGivenWindow);
        return Over(times, excess, barsPerYear, window ?? QuarterYear(barsPerYear)) is { } rolling ? rolling with { Given = window is not null } : null;
    }

    private static RollingSharpe? Over(IReadOnlyList<DateTimeOffset> times, double[] excess, double barsPerYear, int window)
    {
        if (excess.Length < 2 * window) return null;
        var annualise = Math.Sqrt(barsPerYear);
        var series = new List<(DateTimeOffset, double)>(excess.Length - window + 1);
        double sum = 0d, squares = 0d;
        for (var i = 0; i < excess.Length; i++)
        {
            sum += excess[i];
            squares += excess[i] * excess[i];
            if (i >= window)
            {
                sum -= excess[i - window];
                squares -= excess[i - window] * excess[i - window];
            }
            if (i < window - 1) continue;
            // The running sums drift by rounding as values come and go: taken again exactly once a window, which also
            // makes a window of returns that are all 0 (a flat stretch) exactly 0.
            if ((i + 1) % window == 0)
            {
                (sum, squares) = (0d, 0d);
                for (var j = i - window + 1; j <= i; j++) (sum, squares) = (sum + excess[j], squares + (excess[j] * excess[j]));
            }
            var variance = Math.Max(0d, (squares - (sum * sum / window)) / (window - 1));
            var sharpe = variance <= 1e-18 ? 0d : sum / window / Math.Sqrt(variance) * annualise;
            series.Add((times[i + 1], double.IsFinite(sharpe) ? sharpe : 0d));
        }
        return new RollingSharpe(window, series.Min(s => s.Item2), series.Max(s => s.Item2),
            (double)series.Count(s => s.Item2 > 0d) / series.Count, series[^1].Item2, series);
    }
}
