namespace Bulwark.Core.Indicators;

/// <summary>
/// Alan Hull's moving average of the values (of the close for bars): the <see cref="WeightedMovingAverage"/> over
/// √<see cref="Period"/> values (rounded down) of 2 × the weighted average over Period / 2 values (rounded down, at
/// least 1) less the weighted average over Period values. Doubling the half-period average and taking away the full one
/// cancels most of a weighted average's lag, and the short final smoothing takes out the noise that adds back, so it
/// follows a trend closer than an EMA of the same period and overshoots a sharp turn a little. Ready after Period +
/// √Period - 1 values, when the last average has its window of differences; the weighting and periods are those of
/// backtrader's HMA. O(1) per update, no allocation after construction.
/// </summary>
public sealed class HullMovingAverage : MovingAverage
{
    private readonly WeightedMovingAverage _half;
    private readonly WeightedMovingAverage _full;
    private readonly WeightedMovingAverage _smooth;

    public HullMovingAverage(int period)
    {
        if (period < 1) throw new ArgumentOutOfRangeException(nameof(period), period, "Period must be at least 1.");
        _half = new WeightedMovingAverage(Math.Max(1, period / 2));
        _full = new WeightedMovingAverage(period);
        _smooth = new WeightedMovingAverage(SmoothingPeriod(period));
    }

    /// <summary>The values of the full weighted average; the Hull average is ready √Period (rounded down) - 1 values later.</summary>
    public override int Period => _full.Period;

    /// <summary>The values until ready: <see cref="Period"/> + √Period (rounded down) - 1.</summary>
    public int BarsToReady => BarsToReadyOf(Period);

    public override bool IsReady => _smooth.IsReady;

    /// <summary>The average after the latest value; 0 before ready.</summary>
    public override decimal Value => _smooth.Value;

    /// <summary>Which side of the average <paramref name="value"/> is on (1 above, -1 below, 0 on it; 0 before ready).</summary>
    public override int SideOf(decimal value) => _smooth.SideOf(value);

    public override void Update(decimal value)
    {
        _half.Update(value);
        _full.Update(value);
        if (_full.IsReady) _smooth.Update((2m * _half.Value) - _full.Value);
    }

    /// <summary>The values a Hull average of <paramref name="period"/> takes to be ready: period + √period (rounded down) - 1.</summary>
    public static int BarsToReadyOf(int period) => period + SmoothingPeriod(period) - 1;

    /// <summary>√<paramref name="period"/> rounded down, in whole numbers (at least 1 for a period of at least 1).</summary>
    private static int SmoothingPeriod(int period)
    {
        var root = 1;
        while ((long)(root + 1) * (root + 1) <= period) root++;
        return root;
    }
}
