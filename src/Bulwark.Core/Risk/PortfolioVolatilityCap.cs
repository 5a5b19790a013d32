namespace Bulwark.Core.Risk;

/// <summary>
/// The largest position a symbol may take so the whole book's estimated volatility stays within a cap: the variance of
/// the positions' values, w' C w for the values w (signed: a short's is negative) and the covariance C of their returns,
/// is at most the cap's per-bar share of the account's value, squared. With the other positions fixed the variance is a
/// quadratic in the symbol's size, so the largest size is a root: a symbol that moves with the book gets less room, and
/// one that hedges it more.
/// </summary>
public static class PortfolioVolatilityCap
{
    /// <summary>
    /// The book's per-bar volatility in money, one standard deviation: the root of w' C w for the positions'
    /// <paramref name="values"/> (signed) and the <paramref name="covariance"/> of their returns.
    /// </summary>
    public static double Volatility(IReadOnlyList<(string Symbol, double Value)> values, Func<string, string, double> covariance)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(covariance);
        var variance = 0d;
        foreach (var (a, va) in values)
            foreach (var (b, vb) in values) variance += va * vb * covariance(a, b);
        return Math.Sqrt(Math.Max(0d, variance));
    }

    /// <summary>
    /// The largest size of <paramref name="requested"/> or less, on the side of <paramref name="sign"/>, whose value with
    /// the <paramref name="others"/>' keeps the variance at most <paramref name="limit"/> squared; 0 when none does.
    /// </summary>
    /// <param name="symbol">The symbol the signal sizes.</param>
    /// <param name="unitValue">What one unit of it is worth (price times multiplier).</param>
    /// <param name="sign">+1 for a long target, -1 for a short.</param>
    /// <param name="requested">The size the sizing asked for (positive).</param>
    /// <param name="others">The other symbols' position values (signed).</param>
    /// <param name="covariance">The covariance of two symbols' per-bar returns.</param>
    /// <param name="limit">The most the book's value may move in a bar, one standard deviation, in money.</param>
    public static double Largest(string symbol, double unitValue, int sign, double requested,
        IReadOnlyList<(string Symbol, double Value)> others, Func<string, string, double> covariance, double limit)
    {
        ArgumentNullException.ThrowIfNull(others);
        ArgumentNullException.ThrowIfNull(covariance);
        if (requested <= 0d || unitValue <= 0d) return 0d;
        double rest = 0d, cross = 0d;
        foreach (var (a, va) in others)
        {
            cross += covariance(symbol, a) * va;
            foreach (var (b, vb) in others) rest += va * vb * covariance(a, b);
        }
        // Variance at size u: q u^2 + l u + (rest - limit^2), with q = var p^2 and l = 2 sign p cross.
        var q = covariance(symbol, symbol) * unitValue * unitValue;
        var l = 2d * sign * unitValue * cross;
        var c = rest - (limit * limit);
        double low, high;
        if (q <= 0d)
        {
            if (l == 0d) return c <= 0d ? requested : 0d;
            var root = -c / l;
            (low, high) = l > 0d ? (double.NegativeInfinity, root) : (root, double.PositiveInfinity);
        }
        else
        {
            var discriminant = (l * l) - (4d * q * c);
            if (discriminant < 0d) return 0d; // the book moves more than the cap at every size
            var sqrt = Math.Sqrt(discriminant);
            (low, high) = ((-l - sqrt) / (2d * q), (-l + sqrt) / (2d * q));
        }
        var size = Math.Min(requested, high);
        return size >= Math.Max(low, 0d) && size > 0d ? size : 0d;
    }
}
