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

    /// <summary>The highest high and lowest low of each window of <paramref name="n"/> bars, the latest included, by scanning it.</summary>
    public static (decimal Highest, decimal Lowest)?[] Range(IReadOnlyList<(decimal High, decimal Low, decimal Close)> bars, int n)
    {
        var result = new (decimal, decimal)?[bars.Count];
        for (var t = n - 1; t < bars.Count; t++)
        {
            var highest = bars[t].High;
            var lowest = bars[t].Low;
            for (var k = t - n + 1; k < t; k++)
            {
                highest = Math.Max(highest, bars[k].High);
                lowest = Math.Min(lowest, bars[k].Low);
            }
            result[t] = (highest, lowest);
        }
        return result;
    }

    /// <summary>The series' values where present, with their positions: a later stage of an indicator starts where the earlier one is ready.</summary>
    private static decimal?[] Then(decimal?[] x, Func<decimal[], decimal?[]> stage)
    {
        var start = Array.FindIndex(x, v => v.HasValue);
        var result = new decimal?[x.Length];
        if (start < 0) return result;
        var inner = stage([.. x[start..].Select(v => v!.Value)]);
        for (var i = 0; i < inner.Length; i++) result[start + i] = inner[i];
        return result;
    }

    /// <summary>Raw stochastic 100 (C - LL) / (HH - LL), 50 on an empty range; %K its mean over <paramref name="s"/>, %D that over <paramref name="d"/>.</summary>
    public static (decimal?[] K, decimal?[] D) Stochastic(IReadOnlyList<(decimal High, decimal Low, decimal Close)> bars, int n, int s, int d)
    {
        var range = Range(bars, n);
        var raw = new decimal?[bars.Count];
        for (var t = 0; t < bars.Count; t++)
            if (range[t] is var (hh, ll)) raw[t] = hh == ll ? 50m : 100m * (bars[t].Close - ll) / (hh - ll);
        var k = Then(raw, x => Sma(x, s));
        var dLine = Then(k, x => Sma(x, d));
        return ([.. k.Select((v, t) => dLine[t].HasValue ? v : null)], dLine);
    }

    public static decimal?[] WilliamsR(IReadOnlyList<(decimal High, decimal Low, decimal Close)> bars, int n) =>
        [.. Range(bars, n).Select((r, t) => r is var (hh, ll) ? (decimal?)(hh == ll ? -50m : -100m * (hh - bars[t].Close) / (hh - ll)) : null)];

    /// <summary>
    /// Kaufman's adaptive average, the smoothing run forward (its factor changes every point, so there is no closed form),
    /// but every efficiency ratio summed afresh over its own window: the seed is the mean of inputs 1 to n, ready at n.
    /// </summary>
    public static decimal?[] Kama(IReadOnlyList<decimal> x, int n, int fast, int slow)
    {
        var result = new decimal?[x.Count];
        decimal f = 2m / (fast + 1), s = 2m / (slow + 1);
        for (var t = n; t < x.Count; t++)
        {
            if (t == n)
            {
                result[t] = x.Skip(1).Take(n).Sum() / n;
                continue;
            }
            var path = 0m;
            for (var k = t - n + 1; k <= t; k++) path += Math.Abs(x[k] - x[k - 1]);
            var ratio = path == 0m ? 0m : Math.Abs(x[t] - x[t - n]) / path;
            var factor = (ratio * (f - s)) + s;
            result[t] = result[t - 1]!.Value + (factor * factor * (x[t] - result[t - 1]!.Value));
        }
        return result;
    }

    /// <summary>The linearly weighted mean of each window, the newest of n weighing n and the oldest 1, summed afresh.</summary>
    public static decimal?[] Wma(IReadOnlyList<decimal> x, int n)
    {
        var result = new decimal?[x.Count];
        for (var t = n - 1; t < x.Count; t++)
        {
            var (sum, weights) = (0m, 0m);
            for (var w = 1; w <= n; w++) (sum, weights) = (sum + (w * x[t - n + w]), weights + w);
            result[t] = sum / weights;
        }
        return result;
    }

    /// <summary>Hull's average from its definition: the WMA over ⌊√n⌋ points of 2 × WMA(⌊n/2⌋, at least 1) - WMA(n).</summary>
    public static decimal?[] Hma(IReadOnlyList<decimal> x, int n)
    {
        var half = Wma(x, Math.Max(1, n / 2));
        var full = Wma(x, n);
        decimal?[] difference = [.. full.Select((f, t) => f is { } v ? (2m * half[t]!.Value) - v : (decimal?)null)];
        return Then(difference, d => Wma(d, (int)Math.Floor(Math.Sqrt(n))));
    }

    /// <summary>Mulloy's double exponential average from its definition: 2 × EMA(n) - the EMA(n) of that EMA.</summary>
    public static decimal?[] Dema(IReadOnlyList<decimal> x, int n)
    {
        var first = Ema(x, n);
        var second = Then(first, e => Ema(e, n));
        return [.. second.Select((e2, t) => e2 is { } v ? (2m * first[t]!.Value) - v : (decimal?)null)];
    }

    /// <summary>Mulloy's triple exponential average from its definition: 3 × EMA(n) - 3 × its EMA(n) + the EMA(n) of that.</summary>
    public static decimal?[] Tema(IReadOnlyList<decimal> x, int n)
    {
        var first = Ema(x, n);
        var second = Then(first, e => Ema(e, n));
        var third = Then(second, e => Ema(e, n));
        return [.. third.Select((e3, t) => e3 is { } v ? (3m * first[t]!.Value) - (3m * second[t]!.Value) + v : (decimal?)null)];
    }

    /// <summary>
    /// Hutson's TRIX from its definition: the percent change of the EMA(n) of the EMA(n) of the EMA(n) from one point to
    /// the next (0 from 0); with <paramref name="signal"/>, its EMA and the line less it, and the line null until they are.
    /// </summary>
    public static (decimal?[] Line, decimal?[] Signal, decimal?[] Histogram) Trix(IReadOnlyList<decimal> x, int n, int? signal = null)
    {
        var third = Then(Then(Ema(x, n), e => Ema(e, n)), e => Ema(e, n));
        decimal?[] line = [.. third.Select((v, t) => t > 0 && v is { } now && third[t - 1] is { } before
            ? before == 0m ? 0m : 100m * (now - before) / Math.Abs(before)
            : (decimal?)null)];
        if (signal is not { } g) return (line, new decimal?[x.Count], new decimal?[x.Count]);
        var sig = Then(line, l => Ema(l, g));
        return ([.. line.Select((v, t) => sig[t].HasValue ? v : null)], sig, [.. line.Select((v, t) => sig[t] is { } s ? v - s : null)]);
    }

    public static decimal?[] RateOfChange(IReadOnlyList<decimal> x, int n) =>
        [.. x.Select((v, t) => t < n ? null : x[t - n] == 0m ? 0m : (decimal?)(100m * (v - x[t - n]) / Math.Abs(x[t - n])))];

    /// <summary>The MACD line, its signal line and the histogram, each null until the signal line is ready.</summary>
    public static (decimal?[] Line, decimal?[] Signal, decimal?[] Histogram) Macd(IReadOnlyList<decimal> x, int fast, int slow, int signal)
    {
        var f = Ema(x, fast);
        var s = Ema(x, slow);
        var line = f.Select((v, t) => s[t] is { } sv ? v!.Value - sv : (decimal?)null).ToArray();
        var sig = Then(line, v => Ema(v, signal));
        return ([.. line.Select((v, t) => sig[t].HasValue ? v : null)], sig, [.. line.Select((v, t) => sig[t] is { } g ? v - g : null)]);
    }

    /// <summary>
    /// Wilder's ADX, +DI and -DI with classic true ranges from the second bar: the moves, the ranges, the DIs and DX
    /// formed bar by bar from the whole series, then smoothed in closed form.
    /// </summary>
    public static (decimal?[] Adx, decimal?[] Plus, decimal?[] Minus) Adx(IReadOnlyList<(decimal High, decimal Low, decimal Close)> bars, int n)
    {
        var count = Math.Max(bars.Count - 1, 0);
        var plusMoves = new decimal[count];
        var minusMoves = new decimal[count];
        var ranges = new decimal[count];
        var trueRanges = TrueRanges(bars);
        for (var t = 1; t < bars.Count; t++)
        {
            var up = bars[t].High - bars[t - 1].High;
            var down = bars[t - 1].Low - bars[t].Low;
            plusMoves[t - 1] = up > down && up > 0m ? up : 0m;
            minusMoves[t - 1] = down > up && down > 0m ? down : 0m;
            ranges[t - 1] = trueRanges[t];
        }
        var p = Wilder(plusMoves, n);
        var m = Wilder(minusMoves, n);
        var r = Wilder(ranges, n);
        var plus = new decimal?[count];
        var minus = new decimal?[count];
        var dx = new decimal?[count];
        for (var i = 0; i < count; i++)
        {
            if (r[i] is not { } range) continue;
            plus[i] = range == 0m ? 0m : 100m * p[i]!.Value / range;
            minus[i] = range == 0m ? 0m : 100m * m[i]!.Value / range;
            var sum = plus[i]!.Value + minus[i]!.Value;
            dx[i] = sum == 0m ? 0m : 100m * Math.Abs(plus[i]!.Value - minus[i]!.Value) / sum;
        }
        var adx = Then(dx, v => Wilder(v, n));
        decimal?[] Shift(decimal?[] line) => [null, .. line.Select((v, i) => adx[i].HasValue ? v : null)];
        return bars.Count == 0 ? ([], [], []) : (Shift(adx), Shift(plus), Shift(minus));
    }
}
