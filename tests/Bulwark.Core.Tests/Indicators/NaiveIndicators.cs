namespace Bulwark.Core.Tests.Indicators;

/// <summary>
/// Independent recomputations of each indicator from the whole series, one point at a time (O(N) per point,
/// no state carried between points). Where the streaming code uses a recursion, these use its closed form:
/// exponential smoothing as a weighted sum of the seed and every later input.
/// Entries before the warm-up period are null.
/// </summary>
internal static class NaiveIndicators
{
    public static decimal?[] Sma(IReadOnlyList<decimal> x, int n)
    {
        var result = new decimal?[x.Count];
        for (var t = n - 1; t < x.Count; t++)
        {
            var sum = 0m;
            for (var k = t - n + 1; k <= t; k++) sum += x[k];
            result[t] = sum / n;
        }
        return result;
    }

    /// <summary>
    /// Smoothing with weight <paramref name="alpha"/> on the newest input, seeded with the mean of the first
    /// <paramref name="n"/> inputs: s_t = (1-a)^(t-n+1) * seed + sum over k in [n, t] of a * (1-a)^(t-k) * x_k.
    /// </summary>
    public static decimal?[] SeededSmoothing(IReadOnlyList<decimal> x, int n, decimal alpha, decimal oneMinusAlpha)
    {
        var result = new decimal?[x.Count];
        for (var t = n - 1; t < x.Count; t++)
        {
            var seed = 0m;
            for (var k = 0; k < n; k++) seed += x[k];
            seed /= n;
            var weight = 1m; // (1-a)^(t-k), growing older from k = t down to k = n
            var total = 0m;
            for (var k = t; k >= n; k--)
            {
                total += alpha * weight * x[k];
                weight *= oneMinusAlpha;
            }
            result[t] = total + (weight * seed);
        }
        return result;
    }

    public static decimal?[] Ema(IReadOnlyList<decimal> x, int n) =>
        SeededSmoothing(x, n, 2m / (n + 1), (n - 1m) / (n + 1m));

    public static decimal?[] Wilder(IReadOnlyList<decimal> x, int n) =>
        SeededSmoothing(x, n, 1m / n, (n - 1m) / n);

    /// <summary>Wilder's true range in its classic form: the largest of high-low, |high-prevClose|, |low-prevClose|.</summary>
    public static decimal[] TrueRanges(IReadOnlyList<(decimal High, decimal Low, decimal Close)> bars)
    {
        var tr = new decimal[bars.Count];
        for (var i = 0; i < bars.Count; i++)
        {
            var (h, l, _) = bars[i];
            tr[i] = i == 0
                ? h - l
                : Math.Max(h - l, Math.Max(Math.Abs(h - bars[i - 1].Close), Math.Abs(l - bars[i - 1].Close)));
        }
        return tr;
    }

    public static decimal?[] Atr(IReadOnlyList<(decimal High, decimal Low, decimal Close)> bars, int n) =>
        Wilder(TrueRanges(bars), n);

    /// <summary>RSI as 100 * G / (G + L) with Wilder averages G and L of the gains and losses (100 when L is 0).</summary>
    public static decimal?[] Rsi(IReadOnlyList<decimal> x, int n)
    {
        var result = new decimal?[x.Count];
        if (x.Count < 2) return result;
        var gains = new decimal[x.Count - 1];
        var losses = new decimal[x.Count - 1];
        for (var i = 1; i < x.Count; i++)
        {
            gains[i - 1] = Math.Max(x[i] - x[i - 1], 0m);
            losses[i - 1] = Math.Max(x[i - 1] - x[i], 0m);
        }
        var g = Wilder(gains, n);
        var l = Wilder(losses, n);
        for (var i = 0; i < gains.Length; i++)
        {
            if (g[i] is not { } gain || l[i] is not { } loss) continue;
            result[i + 1] = gain + loss == 0m ? 50m : 100m * gain / (gain + loss);
        }
        return result;
    }

    /// <summary>Mean and population variance (two-pass: mean first, then the mean squared deviation).</summary>
    public static (decimal Mean, decimal Variance)?[] MeanAndVariance(IReadOnlyList<decimal> x, int n)
    {
        var result = new (decimal, decimal)?[x.Count];
        var means = Sma(x, n);
        for (var t = n - 1; t < x.Count; t++)
        {
            var mean = means[t]!.Value;
            var squares = 0m;
            for (var k = t - n + 1; k <= t; k++) squares += (x[k] - mean) * (x[k] - mean);
            result[t] = (mean, squares / n);
        }
        return result;
    }
}
