namespace Bulwark.Core.Indicators;

/// <summary>
/// Mulloy's double exponential moving average of the values (of the close for bars): 2 × EMA - EMA of that EMA, both of
/// <see cref="MovingAverage.Period"/> values. The second EMA lags the first as much as the first lags the values, so
/// taking it from twice the first cancels most of the lag: it follows a trend closer than the EMA of the same period and
/// overshoots a sharp turn a little. Ready after 2 × Period - 1 values (the second EMA is seeded with the mean of the
/// first's first Period values), as backtrader's DEMA is. O(1) per update, no allocation after construction.
/// </summary>
public sealed class DoubleExponentialMovingAverage(int period) : ExponentialCascade(period, [2m, -1m])
{
    /// <summary>The values a DEMA of <paramref name="period"/> takes to be ready: 2 × period - 1.</summary>
    public static int BarsToReadyOf(int period) => BarsToReadyOf(period, 2);
}
