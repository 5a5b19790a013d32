namespace Bulwark.Core.Indicators;

/// <summary>Math on <see cref="decimal"/> that the framework has only for floating point.</summary>
internal static class DecimalMath
{
    private const int MaxIterations = 100;

    /// <summary>
    /// The square root to decimal precision (about 28 significant digits), by Newton's iteration
    /// g' = (g + x / g) / 2 from a first guess above the root, stopping when g stops decreasing.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> is negative.</exception>
    public static decimal Sqrt(decimal x)
    {
        if (x < 0m) throw new ArgumentOutOfRangeException(nameof(x), x, "Cannot take the square root of a negative number.");
        if (x == 0m) return 0m;

        // x = y * scale^2 with y in [0.01, 100): sqrt(x) = scale * sqrt(y) <= scale * (y + 1) / 2.
        var y = x;
        var scale = 1m;
        while (y >= 100m)
        {
            y /= 100m;
            scale *= 10m;
        }
        while (y < 0.01m)
        {
            y *= 100m;
            scale /= 10m;
        }
        var guess = scale * (y + 1m) / 2m;

        // From above the root Newton's steps decrease monotonically until rounding stops them.
        for (var i = 0; i < MaxIterations; i++)
        {
            var next = (guess + (x / guess)) / 2m;
            if (next >= guess) break;
            guess = next;
        }
        return guess;
    }
}
