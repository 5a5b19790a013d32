namespace Bulwark.Backtest.Optimization;

/// <summary>
/// How alike the trials of a grid traded: the mean correlation of their per-bar returns, pair by pair. Neighbouring
/// combinations (period 14 and 15) trade almost alike, so a grid of forty is far fewer independent trials; with a mean
/// correlation r, N trials count as r + (1 - r) N independent ones (N when they are unrelated, 1 when they are one).
/// Each trial keeps a sketch of its returns rather than all of them: at most <see cref="SketchLength"/> sums of
/// consecutive returns, so a minute run's correlation costs no more memory than a daily one's.
/// </summary>
public static class TrialCorrelation
{
    /// <summary>The most sums a sketch keeps.</summary>
    public const int SketchLength = 512;

    /// <summary>
    /// <paramref name="returns"/> as they are when there are at most <see cref="SketchLength"/>, else summed in that many
    /// runs of consecutive returns (their bounds fixed by the count, so two runs over the same bars share them).
    /// </summary>
    public static double[] Sketch(IReadOnlyList<double> returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        if (returns.Count <= SketchLength) return [.. returns];
        var sums = new double[SketchLength];
        for (var i = 0; i < returns.Count; i++) sums[(int)((long)i * SketchLength / returns.Count)] += returns[i];
        return sums;
    }

    /// <summary>
    /// The mean of the pairwise correlations of <paramref name="sketches"/>, over the pairs of equal length; a sketch
    /// that never moved (a combination that never traded) has no correlation and is left out. Null without a pair.
    /// </summary>
    public static double? Mean(IReadOnlyList<double[]> sketches)
    {
        ArgumentNullException.ThrowIfNull(sketches);
        var centred = new List<(double[] Values, double Norm)>();
        foreach (var s in sketches)
        {
            if (s.Length < 2) continue;
            var mean = s.Average();
            var values = s.Select(v => v - mean).ToArray();
            var norm = Math.Sqrt(values.Sum(v => v * v));
            if (norm > 0d && double.IsFinite(norm)) centred.Add((values, norm));
        }
        double total = 0d;
        long pairs = 0;
        for (var a = 0; a < centred.Count; a++)
            for (var b = a + 1; b < centred.Count; b++)
            {
                var (x, y) = (centred[a], centred[b]);
                if (x.Values.Length != y.Values.Length) continue;
                double dot = 0d;
                for (var i = 0; i < x.Values.Length; i++) dot += x.Values[i] * y.Values[i];
                total += dot / (x.Norm * y.Norm);
                pairs++;
            }
        return pairs == 0 ? null : total / pairs;
    }

    /// <summary>
    /// The independent trials <paramref name="trials"/> count as at a mean correlation of <paramref name="correlation"/>:
    /// r + (1 - r) N, between 1 and N (a negative mean, which many trials cannot have, counts as 0).
    /// </summary>
    public static double EffectiveTrials(int trials, double? correlation)
    {
        if (correlation is not { } r || trials < 2) return trials;
        r = Math.Clamp(r, 0d, 1d);
        return Math.Clamp(r + ((1d - r) * trials), 1d, trials);
    }
}
