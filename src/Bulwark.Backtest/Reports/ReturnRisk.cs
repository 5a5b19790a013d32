namespace Bulwark.Backtest.Reports;

/// <summary>
/// How bad a run's bad bars and its time under water were, beyond the volatility and the deepest drawdown:
/// <list type="bullet">
/// <item>Value at risk (95%, historical): the loss a bar did not exceed on 95% of the bars, read from the run's own
/// per-bar returns (every bar, flat ones included): the k-th worst return for k = 5% of the returns (at least 1), as a
/// loss; 0 when even that bar gained.</item>
/// <item>Expected shortfall (95%): the mean loss of those k worst bars, what a bar beyond the value at risk costs on
/// average; it sees the tail the value at risk cuts off.</item>
/// <item>Skewness and kurtosis of the per-bar returns (kurtosis 3 for normal returns): a negative skew and a high kurtosis
/// are the fat left tail the Sharpe ratio does not see.</item>
/// <item>Ulcer index (Martin): the root mean square of the drawdown at every time, so it counts how deep and how long the
/// account was under water; the Ulcer performance index is the CAGR over it (0 when the curve never fell).</item>
/// </list>
/// All fractions (0.012 = 1.2%), of one bar's horizon for the value at risk and the shortfall.
/// </summary>
public sealed record ReturnRisk(double ValueAtRisk, double ExpectedShortfall, int TailBars, double Skewness, double Kurtosis,
    double UlcerIndex, double UlcerPerformance)
{
    /// <summary>The share of the worst returns the value at risk and the shortfall are read from.</summary>
    public const double Tail = 0.05;

    public static readonly ReturnRisk None = new(0d, 0d, 0, 0d, 3d, 0d, 0d);

    /// <param name="returns">The per-bar returns (one per distinct time).</param>
    /// <param name="depths">The drawdown at every distinct time, as a fraction of the running peak.</param>
    /// <param name="cagr">The run's compound annual growth rate, for the Ulcer performance index.</param>
    public static ReturnRisk Of(double[] returns, IReadOnlyList<decimal> depths, double cagr)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(depths);
        var squares = 0d;
        foreach (var depth in depths)
        {
            var d = (double)depth; // a ratio: squared in double, as the index is read
            squares += d * d;
        }
        var ulcer = depths.Count == 0 ? 0d : Math.Sqrt(squares / depths.Count);
        var performance = ulcer > 0d ? cagr / ulcer : 0d;
        if (returns.Length == 0) return None with { UlcerIndex = ulcer, UlcerPerformance = performance };
        var worst = (double[])returns.Clone();
        var k = Math.Max(1, (int)Math.Floor(worst.Length * Tail));
        // Only the k worst are read: partitioned to the front (the k-th worst at k - 1), not the whole array sorted.
        SelectSmallest(worst, k - 1);
        var shortfall = 0d;
        for (var i = 0; i < k; i++) shortfall += worst[i];
        var moments = ReturnMoments.Of(returns, 1d);
        return new ReturnRisk(Math.Max(0d, -worst[k - 1]), Math.Max(0d, -shortfall / k), k, moments.Skewness, moments.Kurtosis, ulcer,
            performance);
    }

    /// <summary>
    /// Rearranges <paramref name="values"/> so that position <paramref name="nth"/> holds the value a full sort would put
    /// there, every value before it is no larger and every value after it no smaller (Hoare's selection, linear on average).
    /// </summary>
    internal static void SelectSmallest(double[] values, int nth)
    {
        int left = 0, right = values.Length - 1;
        while (left < right)
        {
            // The median of three as the pivot keeps sorted and reversed inputs linear.
            var middle = left + ((right - left) / 2);
            var pivot = Median(values[left], values[middle], values[right]);
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i > j) break;
                (values[i], values[j]) = (values[j], values[i]);
                i++;
                j--;
            }
            if (nth <= j) right = j;
            else if (nth >= i) left = i;
            else return;
        }
    }

    private static double Median(double a, double b, double c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}
