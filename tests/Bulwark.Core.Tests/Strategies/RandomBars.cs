namespace Bulwark.Core.Tests.Strategies;

/// <summary>Seeded random walks of bars with wicks, for the strategies that read highs and lows.</summary>
internal static class RandomBars
{
    /// <summary>
    /// <paramref name="count"/> bars from a close of 100, each close up to 1 away from the last (never under 2), the high
    /// and low up to 1 beyond the bar's open (the last close) and close.
    /// </summary>
    public static List<(decimal High, decimal Low, decimal Close)> Walk(int seed, int count)
    {
        var random = new Random(seed);
        var bars = new List<(decimal High, decimal Low, decimal Close)>();
        var close = 100m;
        for (var i = 0; i < count; i++)
        {
            var open = close;
            close = Math.Max(2m, close + ((decimal)random.NextDouble() - 0.5m) * 2m);
            bars.Add((Math.Max(open, close) + (decimal)random.NextDouble(), Math.Min(open, close) - (decimal)random.NextDouble(), close));
        }
        return bars;
    }
}
