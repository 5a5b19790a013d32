namespace Bulwark.Backtest.Reports;

/// <summary>
/// The shape of a run's per-bar returns (in excess of the cash rate) that the probabilistic and deflated Sharpe ratios
/// read: the Sharpe ratio per bar (not annualised), the skewness and the kurtosis (3 for normal returns), and how many
/// returns there were.
/// </summary>
public sealed record ReturnMoments(double Sharpe, double Skewness, double Kurtosis, int Observations, double BarsPerYear)
{
    /// <summary>The moments of <paramref name="returns"/>; a sample with no spread has a Sharpe of 0 and a normal shape.</summary>
    public static ReturnMoments Of(double[] returns, double barsPerYear)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var n = returns.Length;
        if (n < 2) return new ReturnMoments(0d, 0d, 3d, n, barsPerYear);
        var mean = returns.Average();
        double m2 = 0d, m3 = 0d, m4 = 0d;
        foreach (var r in returns)
        {
            var d = r - mean;
            var d2 = d * d;
            (m2, m3, m4) = (m2 + d2, m3 + (d2 * d), m4 + (d2 * d2));
        }
        (m2, m3, m4) = (m2 / n, m3 / n, m4 / n);
        var sample = m2 * n / (n - 1);
        if (sample <= 1e-18) return new ReturnMoments(0d, 0d, 3d, n, barsPerYear);
        return new ReturnMoments(mean / Math.Sqrt(sample), m3 / Math.Pow(m2, 1.5), m4 / (m2 * m2), n, barsPerYear);
    }
}
