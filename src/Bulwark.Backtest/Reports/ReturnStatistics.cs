using Bulwark.Core.Calendar;
using Bulwark.Venues.Paper;

namespace Bulwark.Backtest.Reports;

/// <summary>
/// Annualised ratios of per-bar returns (in excess of a risk-free rate when the caller took it off: <see cref="ExcessOver"/>).
/// Computed in double; an undefined ratio (no returns, a deviation no larger than the rounding of cents, as cash earning
/// its rate has) is reported as 0, never NaN or infinity.
/// </summary>
internal static class ReturnStatistics
{
    /// <summary>
    /// Bars per year from the median spacing between bars on a market with <paramref name="year"/>'s trading time (see
    /// <see cref="TradingYear.BarsPerYear"/>); its days with under two bars.
    /// </summary>
    public static double BarsPerYear(IReadOnlyList<DateTimeOffset> times, TradingYear year)
    {
        if (times.Count < 2) return year.Days;
        var gaps = new List<TimeSpan>(times.Count - 1);
        for (var i = 1; i < times.Count; i++) gaps.Add(times[i] - times[i - 1]);
        gaps.Sort();
        var median = gaps.Count % 2 == 1 ? gaps[gaps.Count / 2] : (gaps[(gaps.Count / 2) - 1] + gaps[gaps.Count / 2]) / 2;
        return year.BarsPerYear(median);
    }

    /// <summary>Simple returns between consecutive values.</summary>
    public static double[] Returns(IReadOnlyList<double> values)
    {
        var returns = new double[Math.Max(0, values.Count - 1)];
        for (var i = 1; i < values.Count; i++)
            returns[i - 1] = values[i - 1] == 0d ? 0d : (values[i] / values[i - 1]) - 1d;
        return returns;
    }

    /// <summary>
    /// <paramref name="returns"/> (between consecutive <paramref name="times"/>) less what cash earns at
    /// <paramref name="rates"/> over the calendar days (UTC dates) between them, each at its day's rate, out of 365: the
    /// days a venue pays interest for.
    /// </summary>
    public static double[] ExcessOver(double[] returns, IReadOnlyList<DateTimeOffset> times, CashRates rates)
    {
        var excess = new double[returns.Length];
        for (var i = 0; i < returns.Length; i++)
        {
            var (percentDays, _, _) = rates.Over(DateOnly.FromDateTime(times[i].UtcDateTime), DateOnly.FromDateTime(times[i + 1].UtcDateTime));
            excess[i] = returns[i] - ((double)percentDays / 100d / 365d);
        }
        return excess;
    }

    /// <summary>
    /// The largest variance read as none: a standard deviation of 1e-9 per bar, what rounding amounts to six places
    /// leaves of cash that earns exactly its rate, and far below any market's.
    /// </summary>
    private const double NoVariance = 1e-18;

    /// <summary>Mean over sample standard deviation (n - 1), times the square root of bars per year.</summary>
    public static double Sharpe(double[] returns, double barsPerYear)
    {
        if (returns.Length < 2) return 0d;
        var mean = returns.Average();
        var variance = returns.Sum(r => (r - mean) * (r - mean)) / (returns.Length - 1);
        return Finite(variance <= NoVariance ? 0d : mean / Math.Sqrt(variance) * Math.Sqrt(barsPerYear));
    }

    /// <summary>Sample standard deviation (n - 1) of the returns times the square root of bars per year: annualised volatility.</summary>
    public static double Volatility(double[] returns, double barsPerYear)
    {
        if (returns.Length < 2) return 0d;
        var mean = returns.Average();
        var variance = returns.Sum(r => (r - mean) * (r - mean)) / (returns.Length - 1);
        return Finite(Math.Sqrt(variance) * Math.Sqrt(barsPerYear));
    }

    /// <summary>Mean over downside deviation (root mean square of the negative returns over all n), annualised.</summary>
    public static double Sortino(double[] returns, double barsPerYear)
    {
        if (returns.Length < 2) return 0d;
        var mean = returns.Average();
        var downside = returns.Sum(r => r < 0d ? r * r : 0d) / returns.Length;
        return Finite(downside <= NoVariance ? 0d : mean / Math.Sqrt(downside) * Math.Sqrt(barsPerYear));
    }

    /// <summary>Compound annual growth from <paramref name="start"/> to <paramref name="end"/> over calendar days / 365.25.</summary>
    public static double Cagr(double start, double end, TimeSpan span)
    {
        var years = span.TotalDays / 365.25d;
        if (years <= 0d || start <= 0d) return 0d;
        if (end <= 0d) return -1d;
        return Finite(Math.Pow(end / start, 1d / years) - 1d);
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0d;
}
