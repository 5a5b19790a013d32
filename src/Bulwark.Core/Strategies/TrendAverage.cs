namespace Bulwark.Core.Strategies;

/// <summary>The moving average of the closes a mean-reversion or breakout strategy's entries must be on the right side of.</summary>
public enum TrendAverage
{
    /// <summary>The simple average: every close of the period weighs the same, and one leaving the window moves it.</summary>
    Sma,

    /// <summary>The exponential average (seeded with the simple one): the latest closes weigh most, so it turns sooner.</summary>
    Ema,
}
