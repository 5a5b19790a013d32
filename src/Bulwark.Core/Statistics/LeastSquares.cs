namespace Bulwark.Core.Statistics;

/// <summary>
/// Ordinary least squares through a Householder QR decomposition of the design matrix (numerically safer than
/// the normal equations). Standard errors use s^2 = RSS / (n - k) and the diagonal of (X'X)^-1 = R^-1 R^-T.
/// </summary>
internal static class LeastSquares
{
    /// <summary>
    /// Fits y = X b + e. <paramref name="design"/> is n x k (row-major, n &gt; k); returns null when X does not have
    /// full column rank (a column is a combination of the others, e.g. a constant regressor besides the intercept).
    /// </summary>
    public static OlsFit? Fit(double[,] design, ReadOnlySpan<double> y)
    {
        var n = design.GetLength(0);
        var k = design.GetLength(1);
        if (y.Length != n) throw new ArgumentException($"y has {y.Length} rows, the design {n}.", nameof(y));
        if (n <= k) throw new ArgumentException($"need more rows ({n}) than columns ({k}).", nameof(design));

        var a = (double[,])design.Clone();
        var qty = y.ToArray();
        var scale = 0.0;
        for (var j = 0; j < k; j++)
        {
            var norm = Householder(a, qty, j);
            scale = Math.Max(scale, Math.Abs(norm));
        }
        for (var j = 0; j < k; j++)
            if (!(Math.Abs(a[j, j]) > scale * 1e-10)) return null;

        var coefficients = new double[k];
        for (var i = k - 1; i >= 0; i--)
        {
            var sum = qty[i];
            for (var j = i + 1; j < k; j++) sum -= a[i, j] * coefficients[j];
            coefficients[i] = sum / a[i, i];
        }
        var rss = 0.0;
        for (var i = k; i < n; i++) rss += qty[i] * qty[i];

        var variance = rss / (n - k);
        var inverse = InverseUpper(a, k);
        var errors = new double[k];
        for (var i = 0; i < k; i++)
        {
            var sum = 0.0;
            for (var j = i; j < k; j++) sum += inverse[i, j] * inverse[i, j];
            errors[i] = Math.Sqrt(variance * sum);
        }
        return new OlsFit(coefficients, errors, rss, n);
    }

    /// <summary>
    /// Zeroes column <paramref name="j"/> below the diagonal with a Householder reflection applied to the
    /// remaining columns and to <paramref name="qty"/>; leaves R's diagonal entry in a[j, j] and returns it.
    /// </summary>
    private static double Householder(double[,] a, double[] qty, int j)
    {
        var n = a.GetLength(0);
        var k = a.GetLength(1);
        var norm = 0.0;
        for (var i = j; i < n; i++) norm += a[i, j] * a[i, j];
        norm = Math.Sqrt(norm);
        if (norm == 0.0) return 0.0;
        var alpha = a[j, j] > 0 ? -norm : norm;
        // v = x - alpha e1, stored in place of the column; H = I - 2 v v' / (v'v).
        a[j, j] -= alpha;
        var vv = 0.0;
        for (var i = j; i < n; i++) vv += a[i, j] * a[i, j];
        for (var c = j + 1; c < k; c++)
        {
            var dot = 0.0;
            for (var i = j; i < n; i++) dot += a[i, j] * a[i, c];
            var factor = 2.0 * dot / vv;
            for (var i = j; i < n; i++) a[i, c] -= factor * a[i, j];
        }
        var dotY = 0.0;
        for (var i = j; i < n; i++) dotY += a[i, j] * qty[i];
        var factorY = 2.0 * dotY / vv;
        for (var i = j; i < n; i++) qty[i] -= factorY * a[i, j];
        for (var i = j + 1; i < n; i++) a[i, j] = 0.0;
        a[j, j] = alpha;
        return alpha;
    }

    /// <summary>The inverse of the upper-triangular k x k block of <paramref name="r"/>, by back substitution.</summary>
    private static double[,] InverseUpper(double[,] r, int k)
    {
        var inverse = new double[k, k];
        for (var col = 0; col < k; col++)
        {
            inverse[col, col] = 1.0 / r[col, col];
            for (var i = col - 1; i >= 0; i--)
            {
                var sum = 0.0;
                for (var j = i + 1; j <= col; j++) sum += r[i, j] * inverse[j, col];
                inverse[i, col] = -sum / r[i, i];
            }
        }
        return inverse;
    }
}
