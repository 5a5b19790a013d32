namespace Bulwark.Core.Indicators;

/// <summary>
/// Mulloy's triple exponential moving average of the values (of the close for bars): 3 × EMA - 3 × EMA of it + EMA of
/// that, all three of <see cref="MovingAverage.Period"/> values. The weights cancel an EMA's lag on a straight trend,
/// as the double one does, and on a steadily bending one too, where the double one still lags; when a run stops it
/// overshoots less than the double one. Ready after 3 × Period - 2 values (each EMA seeded with the mean of its first
/// Period inputs), as backtrader's TEMA is. Not TRIX, the rate of change of a triple-smoothed EMA. O(1) per update, no
/// allocation after construction.
/// </summary>
public sealed class TripleExponentialMovingAverage(int period) : ExponentialCascade(period, [3m, -3m, 1m])
{
    /// <summary>The values a TEMA of <paramref name="period"/> takes to be ready: 3 × period - 2.</summary>
    public static int BarsToReadyOf(int period) => BarsToReadyOf(period, 3);
}
