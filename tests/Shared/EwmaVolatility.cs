namespace Bulwark.Tests.Shared;

/// <summary>
/// The per-bar volatility the kernel's <c>ReturnCovariance</c> estimates, worked out directly for the tests to check it
/// against: RiskMetrics' exponentially weighted mean of squared close-to-close returns (decay 0.94, around zero),
/// divided by the weights so far (bias-corrected), and its root.
/// </summary>
internal static class EwmaVolatility
{
    /// <summary>The estimate from the returns of <paramref name="closes"/> 1 to <paramref name="last"/> (each over the close before it).</summary>
    public static double PerBar(IReadOnlyList<decimal> closes, int last)
    {
        double sum = 0d, weight = 0d;
        for (var i = 1; i <= last; i++)
        {
            var r = (double)(closes[i] / closes[i - 1]) - 1d;
            var w = 0.06 * Math.Pow(0.94, last - i);
            sum += w * r * r;
            weight += w;
        }
        return Math.Sqrt(sum / weight);
    }
}
