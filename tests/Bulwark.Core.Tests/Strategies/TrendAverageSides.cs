using Bulwark.Core.Indicators;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// A trend average kept beside a strategy in the random-walk tests, built here rather than by the strategies' own
/// factory, so a kind wired to the wrong indicator shows.
/// </summary>
internal static class TrendAverageSides
{
    /// <summary>A new average of <paramref name="kind"/> over <paramref name="period"/> closes.</summary>
    public static IMovingAverage New(TrendAverage kind, int period) => kind switch
    {
        TrendAverage.Ema => new ExponentialMovingAverage(period),
        TrendAverage.Kama => new AdaptiveMovingAverage(period),
        TrendAverage.Wma => new WeightedMovingAverage(period),
        TrendAverage.Hma => new HullMovingAverage(period),
        TrendAverage.Dema => new DoubleExponentialMovingAverage(period),
        TrendAverage.Tema => new TripleExponentialMovingAverage(period),
        _ => new SimpleMovingAverage(period),
    };

    /// <summary>The side of such an average each bar's close is on: 1 above, -1 below, 0 on it or before it is ready.</summary>
    public static List<int> Of(IEnumerable<(decimal High, decimal Low, decimal Close)> bars, TrendAverage kind, int period)
    {
        var average = New(kind, period);
        return [.. bars.Select(b => { average.Update(b.Close); return average.SideOf(b.Close); })];
    }
}
