namespace Bulwark.Backtest.Reports;

/// <summary>The fall from the running peak after every point of an account-value curve, and its deepest episode.</summary>
internal sealed class DrawdownSeries
{
    private DrawdownSeries(decimal[] depths, decimal max, int peak, int trough, int? recovery)
    {
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

    public static DrawdownSeries Of(IReadOnlyList<EquityPoint> curve)
    {
        var depths = new decimal[curve.Count];
        if (curve.Count == 0) return new DrawdownSeries(depths, 0m, -1, -1, null);
        var peak = 0;
        var (max, maxPeak, maxTrough) = (0m, 0, 0);
        for (var i = 0; i < curve.Count; i++)
        {
            if (curve[i].Equity >= curve[peak].Equity) peak = i;
            var top = curve[peak].Equity;
            depths[i] = top <= 0m ? 0m : (top - curve[i].Equity) / top;
            if (depths[i] > max) (max, maxPeak, maxTrough) = (depths[i], peak, i);
        }
        int? recovery = null;
        if (max > 0m)
        {
            for (var i = maxTrough + 1; i < curve.Count && recovery is null; i++)
                if (curve[i].Equity >= curve[maxPeak].Equity) recovery = i;
        }
        return new DrawdownSeries(depths, max, maxPeak, maxTrough, recovery);
    }
}
