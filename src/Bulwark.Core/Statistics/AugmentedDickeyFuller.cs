namespace Bulwark.Core.Statistics;

/// <summary>
/// Augmented Dickey-Fuller unit-root test with a constant and no trend: OLS of
/// dy(t) = a + g y(t-1) + d1 dy(t-1) + ... + dp dy(t-p) + e(t), whose statistic is the t-statistic of g,
/// compared with MacKinnon's 5% critical value for the sample size of the regression.
/// </summary>
/// <remarks>
/// Lags: a fixed p when given; otherwise p is chosen by the Akaike information criterion among 0..pmax, all
/// candidates fitted on the same rows (those pmax allows), then the chosen p is refitted on every row it allows.
/// pmax = floor(12 (n/100)^(1/4)) (Schwert 1989, "Tests for unit roots: a Monte Carlo investigation", J. Bus.
/// Econ. Stat. 7), capped at n/2 - 2 so that the regression keeps at least about half the sample.
/// </remarks>
internal static class AugmentedDickeyFuller
{
    /// <summary>Fewest values the test accepts: enough for the lag-0 regression to have a few degrees of freedom.</summary>
    public const int MinimumLength = 8;

    /// <summary>Runs the test on <paramref name="series"/> (levels y(0..n-1)); <paramref name="lags"/> null chooses p by AIC.</summary>
    public static AdfResult Test(ReadOnlySpan<double> series, int? lags = null)
    {
        var n = series.Length;
        if (n < MinimumLength) throw new ArgumentException($"the test needs at least {MinimumLength} values, got {n}.", nameof(series));
        foreach (var v in series)
            if (!double.IsFinite(v)) throw new ArgumentException("the series has a non-finite value.", nameof(series));
        var maxLags = MaxLags(n);
        if (lags is { } fixedLags && (fixedLags < 0 || fixedLags > maxLags))
            throw new ArgumentOutOfRangeException(nameof(lags), fixedLags, $"lags must be in 0..{maxLags} for {n} values.");

        var differences = new double[n - 1];
        for (var i = 0; i < differences.Length; i++) differences[i] = series[i + 1] - series[i];
        var p = lags ?? ChooseLagsByAic(series, differences, maxLags);

        var fit = Regress(series, differences, p, p);
        if (fit is null) return new AdfResult(double.NaN, CriticalValue5Percent(n - 1 - p), p, n - 1 - p);
        return new AdfResult(fit.TStatistic(1), CriticalValue5Percent(fit.Observations), p, fit.Observations);
    }

    /// <summary>pmax = floor(12 (n/100)^(1/4)), capped at n/2 - 2 (and at least 0).</summary>
    public static int MaxLags(int n)
    {
        var schwert = (int)Math.Floor(12.0 * Math.Pow(n / 100.0, 0.25));
        return Math.Max(0, Math.Min(schwert, n / 2 - 2));
    }

    /// <summary>
    /// MacKinnon's response surface for the 5% critical value of the constant-only tau statistic with one
    /// variable: b_inf + b1/T + b2/T^2 + b3/T^3, T the number of regression rows. Coefficients from J. G.
    /// MacKinnon (2010), "Critical Values for Cointegration Tests", Queen's Economics Department Working Paper
    /// No. 1227, Table 2, N = 1, tau_c, 5%: -2.86154, -2.8903, -4.234, -40.040.
    /// </summary>
    public static double CriticalValue5Percent(int observations)
    {
        double t = observations;
        return -2.86154 + (-2.8903 / t) + (-4.234 / (t * t)) + (-40.040 / (t * t * t));
    }

    private static int ChooseLagsByAic(ReadOnlySpan<double> series, double[] differences, int maxLags)
    {
        var best = 0;
        var bestAic = double.PositiveInfinity;
        for (var p = 0; p <= maxLags; p++)
        {
            var fit = Regress(series, differences, p, maxLags);
            if (fit is null) continue;
            // AIC up to a constant shared by every candidate on the same rows: m ln(RSS/m) + 2k.
            var m = fit.Observations;
            var aic = m * Math.Log(fit.ResidualSumOfSquares / m) + 2.0 * (p + 2);
            if (aic < bestAic)
            {
                bestAic = aic;
                best = p;
            }
        }
        return best;
    }

    /// <summary>
    /// The ADF regression with <paramref name="p"/> lagged differences over the rows i = firstRow..n-2 of
    /// dy(i) = y(i+1) - y(i); columns: constant, y(i), dy(i-1), ..., dy(i-p).
    /// </summary>
    private static OlsFit? Regress(ReadOnlySpan<double> series, double[] differences, int p, int firstRow)
    {
        var rows = differences.Length - firstRow;
        var design = new double[rows, p + 2];
        var y = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var i = firstRow + r;
            y[r] = differences[i];
            design[r, 0] = 1.0;
            design[r, 1] = series[i];
            for (var l = 1; l <= p; l++) design[r, l + 1] = differences[i - l];
        }
        return LeastSquares.Fit(design, y);
    }
}
