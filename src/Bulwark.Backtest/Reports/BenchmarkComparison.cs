using Bulwark.Core.Model;

namespace Bulwark.Backtest.Reports;

/// <summary>
/// A run read against a benchmark's closes (an index fund's, say), at the points of the run's equity curve: the
/// benchmark's value at a point is the close of its last bar at or before it (a daily benchmark's last session on or
/// before the point's UTC date), so the benchmark holds still where it did not trade. Its return runs from that value at
/// the first point to the value at the last, as the run's returns do.
/// <list type="bullet">
/// <item>Beta: the covariance of the run's per-point returns with the benchmark's over the benchmark's variance, both in
/// excess of the cash rate the run paid (as <see cref="MetricsCalculator"/> takes it for the Sharpe ratio).</item>
/// <item>Alpha: Jensen's, annualised arithmetically: (mean excess return - beta × the benchmark's mean excess return) ×
/// bars per year; what the run earned beyond its exposure to the benchmark.</item>
/// <item>Correlation: Pearson's, of the plain per-point returns.</item>
/// <item>Tracking error: the sample standard deviation of the run's return less the benchmark's at each point, times the
/// square root of bars per year. Information ratio: that difference's mean times bars per year over the tracking error.</item>
/// </list>
/// Sample statistics (n - 1), in double; a ratio that is undefined (fewer than two returns, a benchmark or a difference
/// that never moved) is 0, as <see cref="ReturnStatistics"/> reports them.
/// </summary>
public static class BenchmarkComparison
{
    /// <param name="symbol">The benchmark's name (its file's).</param>
    /// <param name="benchmark">Its bars in time order, the first at or before the curve's first point.</param>
    /// <exception cref="ArgumentException">No benchmark bar is at or before the curve's first point.</exception>
    public static BenchmarkResult Of(BacktestResult result, string symbol, IReadOnlyList<Bar> benchmark)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(benchmark);
        var curve = result.EquityCurve;
        var closes = ClosesAt(curve, benchmark);
        var values = new (DateTimeOffset Time, decimal Value)[curve.Count];
        for (var i = 0; i < curve.Count; i++) values[i] = (curve[i].Time, result.StartingCash * closes[i] / closes[0]);

        // The run's returns as its own ratios take them (one point per distinct time), and the benchmark's at those times.
        var (runReturns, barsPerYear, runExcess) = MetricsCalculator.PerBarReturns(curve, result.Year, result.CashInterest);
        var points = MetricsCalculator.LastPerTime(curve);
        DateTimeOffset[] times = [.. points.Select(p => p.Time)];
        var indexReturns = ReturnStatistics.Returns([.. ClosesAt(points, benchmark).Select(c => (double)c)]);
        var indexExcess = result.CashInterest.PaysAny ? ReturnStatistics.ExcessOver(indexReturns, times, result.CashInterest) : indexReturns;
        var active = new double[runReturns.Length];
        for (var i = 0; i < active.Length; i++) active[i] = runReturns[i] - indexReturns[i];

        var beta = Ratio(Covariance(runExcess, indexExcess), Covariance(indexExcess, indexExcess));
        var trackingError = ReturnStatistics.Volatility(active, barsPerYear);
        var span = curve.Count == 0 ? TimeSpan.Zero : curve[^1].Time - curve[0].Time;
        return new BenchmarkResult
        {
            Symbol = symbol,
            TotalReturn = curve.Count == 0 ? 0m : (closes[^1] / closes[0]) - 1m,
            Cagr = curve.Count == 0 ? 0d : ReturnStatistics.Cagr((double)closes[0], (double)closes[^1], span),
            MaxDrawdown = MaxDrawdown(closes),
            Beta = beta,
            Alpha = Finite((Mean(runExcess) - (beta * Mean(indexExcess))) * barsPerYear),
            Correlation = Ratio(Covariance(runReturns, indexReturns),
                Math.Sqrt(Covariance(runReturns, runReturns)) * Math.Sqrt(Covariance(indexReturns, indexReturns)), NoDeviation),
            TrackingError = trackingError,
            InformationRatio = Ratio(Mean(active) * barsPerYear, trackingError, NoDeviation),
            UpCapture = Capture(runReturns, indexReturns, up: true),
            DownCapture = Capture(runReturns, indexReturns, up: false),
            Values = values,
        };
    }

    /// <summary>
    /// The run's mean return over the benchmark's at the points where the benchmark rose (<paramref name="up"/>) or fell;
    /// null when it never did.
    /// </summary>
    private static double? Capture(double[] run, double[] index, bool up)
    {
        double runSum = 0d, indexSum = 0d;
        for (var i = 0; i < index.Length; i++)
            if (up ? index[i] > 0d : index[i] < 0d) (runSum, indexSum) = (runSum + run[i], indexSum + index[i]);
        return indexSum == 0d ? null : Finite(runSum / indexSum);
    }

    /// <summary>The benchmark's close at each curve point: its last bar at or before it.</summary>
    private static decimal[] ClosesAt(IReadOnlyList<EquityPoint> curve, IReadOnlyList<Bar> benchmark)
    {
        var closes = new decimal[curve.Count];
        var daily = benchmark.Count > 0 && benchmark[0].IsDaily;
        int next = 0; // the first benchmark bar after the current point
        for (var i = 0; i < curve.Count; i++)
        {
            var time = curve[i].Time;
            var date = DateOnly.FromDateTime(time.UtcDateTime);
            while (next < benchmark.Count && (daily ? benchmark[next].SessionDate <= date : benchmark[next].Time <= time)) next++;
            if (next == 0)
                throw new ArgumentException($"the benchmark's first bar ({benchmark.FirstOrDefault().Time:u}) is after the run's point at {time:u}", nameof(benchmark));
            closes[i] = benchmark[next - 1].Close;
        }
        return closes;
    }

    /// <summary>The deepest fall of the closes from their running peak, as a fraction of the peak.</summary>
    private static decimal MaxDrawdown(decimal[] closes)
    {
        decimal peak = 0m, deepest = 0m;
        foreach (var close in closes)
        {
            peak = Math.Max(peak, close);
            if (peak > 0m) deepest = Math.Max(deepest, (peak - close) / peak);
        }
        return deepest;
    }

    /// <summary>The largest variance (and, for a standard deviation, its root) read as none, as in <see cref="ReturnStatistics"/>.</summary>
    private const double NoVariance = 1e-18, NoDeviation = 1e-9;

    private static double Mean(double[] values) => values.Length == 0 ? 0d : values.Average();

    /// <summary>The sample covariance (n - 1); 0 with fewer than two values.</summary>
    private static double Covariance(double[] a, double[] b)
    {
        if (a.Length < 2) return 0d;
        var (meanA, meanB) = (a.Average(), b.Average());
        var sum = 0d;
        for (var i = 0; i < a.Length; i++) sum += (a[i] - meanA) * (b[i] - meanB);
        return sum / (a.Length - 1);
    }

    private static double Ratio(double numerator, double denominator, double none = NoVariance) =>
        denominator <= none ? 0d : Finite(numerator / denominator);

    private static double Finite(double value) => double.IsFinite(value) ? value : 0d;
}
