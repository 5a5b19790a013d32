using Bulwark.Core.Indicators;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// The direction of a moving average's turns recomputed from the average's values alone, for the kama and hull
/// random-walk tests: each threshold from a fresh standard deviation of the last changes, each extreme from a fresh
/// scan of the values since the last turn.
/// </summary>
internal static class AverageTurnsReference
{
    /// <summary>
    /// The direction after each bar (0 before the first): up once the average has risen more than the threshold from its
    /// lowest since the last turn, down once it has fallen as far from its highest; a first move beyond both takes its side.
    /// </summary>
    public static int[] Directions(IReadOnlyList<(decimal High, decimal Low, decimal Close)> bars, IMovingAverage average, decimal filter, int filterPeriod)
    {
        var values = new List<decimal>();
        var directions = new int[bars.Count];
        var direction = 0;
        var since = 0; // the first value the extremes count from
        for (var i = 0; i < bars.Count; i++)
        {
            average.Update(bars[i].Close);
            if (!average.IsReady) continue;
            values.Add(average.Value);
            var t = values.Count - 1;
            directions[i] = direction;
            if (t == 0 || (filter > 0m && t < filterPeriod)) continue;
            var threshold = filter > 0m ? filter * Deviation([.. Enumerable.Range(t - filterPeriod + 1, filterPeriod).Select(k => values[k] - values[k - 1])]) : 0m;
            var extremes = values.Skip(since).Take(t - since + 1).ToList();
            var up = direction <= 0 && values[t] - extremes.Min() > threshold;
            var down = direction >= 0 && extremes.Max() - values[t] > threshold;
            if (up && down) (up, down) = (values[t] > values[t - 1], values[t] < values[t - 1]);
            if (up || down) (direction, since) = (up ? 1 : -1, t);
            directions[i] = direction;
        }
        return directions;
    }

    private static decimal Deviation(decimal[] changes)
    {
        var mean = changes.Average();
        return DecimalMath.Sqrt(changes.Sum(c => (c - mean) * (c - mean)) / changes.Length);
    }
}
