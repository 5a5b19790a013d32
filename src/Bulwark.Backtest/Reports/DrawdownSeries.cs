namespace Bulwark.Backtest.Reports;

/// <summary>The fall from the running peak after every point of an account-value curve, and its deepest episode.</summary>
internal sealed class DrawdownSeries
{
    private readonly IReadOnlyList<EquityPoint> _curve;

    private DrawdownSeries(IReadOnlyList<EquityPoint> curve, decimal[] depths, decimal max, int peak, int trough, int? recovery)
    {
        _curve = curve;
        Depths = depths;
        Max = max;
        PeakIndex = peak;
        TroughIndex = trough;
        RecoveryIndex = recovery;
    }

    /// <summary>(peak - value) / peak at each point, 0 at a new high.</summary>
    public IReadOnlyList<decimal> Depths { get; }
    public decimal Max { get; }
    public int PeakIndex { get; }
    public int TroughIndex { get; }
    public int? RecoveryIndex { get; }


    /// <param name="startingValue">
    /// When given, the account's value before the first point counts as the first peak (PeakIndex -1), so a fall
    /// straight from the start is a drawdown too; otherwise the first point is the first peak.
    /// </param>
    public static DrawdownSeries Of(IReadOnlyList<EquityPoint> curve, decimal? startingValue = null)
    {
        var depths = new decimal[curve.Count];
        if (curve.Count == 0) return new DrawdownSeries(curve, depths, 0m, -1, -1, null);
        var (peak, top) = startingValue is { } start ? (-1, start) : (0, curve[0].Equity);
        var (max, maxPeak, maxTop, maxTrough) = (0m, peak, top, 0);
        for (var i = 0; i < curve.Count; i++)
        {
            if (curve[i].Equity >= top) (peak, top) = (i, curve[i].Equity);
            depths[i] = top <= 0m ? 0m : (top - curve[i].Equity) / top;
            if (depths[i] > max) (max, maxPeak, maxTop, maxTrough) = (depths[i], peak, top, i);
        }
        int? recovery = null;
        if (max > 0m)
        {
            for (var i = maxTrough + 1; i < curve.Count && recovery is null; i++)
                if (curve[i].Equity >= maxTop) recovery = i;
        }
        return new DrawdownSeries(curve, depths, max, maxPeak, maxTrough, recovery);
    }

    /// <summary>
    /// The longest time under water, whatever its depth: from a peak (Start) to the first point back at it (End, and
    /// Recovered), or to the last point when the curve never got back. Null when the curve never fell. Counted from the
    /// first point; computed when asked (the optimizer needs only <see cref="Max"/>).
    /// </summary>
    public (int Start, int End, bool Recovered)? LongestUnderWater()
    {
        var (curve, depths) = (_curve, Depths);
        (int Start, int End, bool Recovered)? longest = null;
        var peak = 0; // the last point at the running peak: every point after it, up to i, was under water
        for (var i = 1; i < curve.Count; i++)
        {
            if (depths[i] > 0m) continue;
            if (i > peak + 1) Consider(peak, i, recovered: true);
            peak = i;
        }
        if (curve.Count - 1 > peak) Consider(peak, curve.Count - 1, recovered: false);
        return longest;

        void Consider(int start, int end, bool recovered)
        {
            if (longest is not { } l || curve[end].Time - curve[start].Time > curve[l.End].Time - curve[l.Start].Time)
                longest = (start, end, recovered);
        }
    }
}
