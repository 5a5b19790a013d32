namespace Bulwark.Core.Strategies;

/// <summary>The moving average of the closes a mean-reversion or breakout strategy's entries must be on the right side of.</summary>
public enum TrendAverage
{
    /// <summary>The simple average: every close of the period weighs the same, and one leaving the window moves it.</summary>
    Sma,

    /// <summary>The exponential average (seeded with the simple one): the latest closes weigh most, so it turns sooner.</summary>
    Ema,

    /// <summary>
    /// Kaufman's adaptive average (fast 2, slow 30): it follows a straight run of closes like a short EMA and all but
    /// stands still in a chop, so a sideways market crossing it back and forth moves it least; ready one close later.
    /// </summary>
    Kama,

    /// <summary>The linearly weighted average: the latest close weighs the period, the oldest 1, so it turns sooner.</summary>
    Wma,

    /// <summary>
    /// Hull's average: twice the weighted average of half the period less that of the period, smoothed over √period
    /// closes; it has the least lag of these and may overshoot a sharp turn. Ready √period - 1 closes later.
    /// </summary>
    Hma,

    /// <summary>
    /// Mulloy's double exponential average: twice the EMA less the EMA of that EMA, which cancels most of the EMA's lag;
    /// ready period - 1 closes later.
    /// </summary>
    Dema,

    /// <summary>
    /// Mulloy's triple exponential average: three times the EMA less three times the EMA of it plus the EMA of that; it
    /// follows a bending trend closer than the double one and overshoots less when a run stops. Ready 2 × (period - 1)
    /// closes later.
    /// </summary>
    Tema,
}
