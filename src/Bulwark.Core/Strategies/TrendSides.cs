using Bulwark.Core.Indicators;

namespace Bulwark.Core.Strategies;

/// <summary>
/// The trend average a strategy's entries must be on the right side of (the mean-reversion, breakout and crossover
/// strategies' trendPeriod): longs only while the close is above the simple or exponential average of the last period's
/// closes (or the weighted, Hull's, double or triple exponential or Kaufman's adaptive average of them), the bar's own
/// included, and shorts only while it is below. No entry is taken before the average is ready, nor on a close equal to
/// it. Exits are never filtered.
/// </summary>
public static class TrendSides
{
    /// <summary>The longest trend average, in bars (a simple one keeps its closes in memory).</summary>
    public const int MaxPeriod = StrategyProblem.MaxPeriod;

    /// <summary>The problem with a trendPeriod outside 1 to <see cref="MaxPeriod"/> bars; null when it is fine or absent.</summary>
    public static StrategyProblem? PeriodProblem(int? period) => StrategyProblem.OfPeriod("trendPeriod", period);

    /// <summary>A new trend average of <paramref name="period"/> closes for one symbol, of the kind asked; null without one.</summary>
    public static IMovingAverage? NewAverage(int? period, TrendAverage kind) => period is { } bars ? NewAverage(kind, bars) : null;

    /// <summary>A new moving average of <paramref name="kind"/> over <paramref name="bars"/> closes.</summary>
    public static IMovingAverage NewAverage(TrendAverage kind, int bars) => kind switch
    {
        TrendAverage.Ema => new ExponentialMovingAverage(bars),
        TrendAverage.Kama => new AdaptiveMovingAverage(bars),
        TrendAverage.Wma => new WeightedMovingAverage(bars),
        TrendAverage.Hma => new HullMovingAverage(bars),
        TrendAverage.Dema => new DoubleExponentialMovingAverage(bars),
        TrendAverage.Tema => new TripleExponentialMovingAverage(bars),
        _ => new SimpleMovingAverage(bars),
    };

    /// <summary>
    /// The bars until the trend average is ready, so until an entry can pass it: its period (the adaptive average one
    /// more, as its first efficiency ratio needs a change over the period, Hull's √period - 1 more for its final
    /// smoothing, and the double and triple exponential ones period - 1 more for each EMA of an EMA); 0 without one.
    /// </summary>
    public static int BarsToReady(int? period, TrendAverage kind) => period is not { } bars ? 0 : kind switch
    {
        TrendAverage.Kama => bars + 1,
        TrendAverage.Hma => HullMovingAverage.BarsToReadyOf(bars),
        TrendAverage.Dema => DoubleExponentialMovingAverage.BarsToReadyOf(bars),
        TrendAverage.Tema => TripleExponentialMovingAverage.BarsToReadyOf(bars),
        _ => bars,
    };

    /// <summary>
    /// The sides an entry may take at <paramref name="close"/>: both without a trend average, neither before it is ready,
    /// else the close's side of it.
    /// </summary>
    public static (bool Longs, bool Shorts) Of(IMovingAverage? trend, decimal close)
    {
        if (trend is null) return (true, true);
        if (!trend.IsReady) return (false, false);
        var side = trend.SideOf(close);
        return (side > 0, side < 0);
    }
}
