using Bulwark.Core.Tests.Statistics;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>Seeded close series for the regime strategy tests, built from log returns (closes rounded to 6 decimals).</summary>
internal static class RegimePaths
{
    public static readonly double[,] StickyTransitions = { { 0.98, 0.02 }, { 0.01, 0.99 } };

    /// <summary>Closes from 100 following <paramref name="logReturns"/>: close(t) = close(t-1) * exp(r(t)).</summary>
    public static List<decimal> Closes(IEnumerable<double> logReturns, decimal start = 100m)
    {
        var closes = new List<decimal> { start };
        var level = Math.Log((double)start);
        foreach (var r in logReturns)
        {
            level += r;
            closes.Add(Math.Round((decimal)Math.Exp(level), 6));
        }
        return closes;
    }

    /// <summary>
    /// A two-regime series: state 0 bearish (mean -0.4% a bar, sd 2.5%), state 1 bullish (mean +0.2%, sd 0.7%), sticky
    /// transitions. States[t] is the state that drew the return into close t (States[0] is unused).
    /// </summary>
    public static (int[] States, List<decimal> Closes) TwoRegimes(int seed, int returns)
    {
        var (states, values) = new SeriesGenerator(seed).Hmm(returns, [0.5, 0.5], StickyTransitions, [-0.004, 0.002], [0.025, 0.007]);
        return ([-1, .. states], Closes(values));
    }

    /// <summary>Returns with a unit root: r(t) = r(t-1) + e(t), e ~ N(0, sd^2).</summary>
    public static List<decimal> IntegratedReturns(int seed, int returns, double sd)
    {
        var generator = new SeriesGenerator(seed);
        var r = 0.0;
        var values = new List<double>();
        for (var i = 0; i < returns; i++)
        {
            r += sd * generator.Normal();
            values.Add(r);
        }
        return Closes(values);
    }

    /// <summary>White-noise returns of the given per-bar sd.</summary>
    public static List<decimal> Noise(int seed, int returns, double sd, decimal start = 100m) =>
        Closes(new SeriesGenerator(seed).WhiteNoise(returns).Select(e => sd * e), start);
}
