using Bulwark.Core.Statistics;

namespace Bulwark.Core.Tests.Statistics;

/// <summary>Small random models and brute-force (path enumeration) answers to check the HMM recursions against.</summary>
internal static class HmmTestModels
{
    /// <summary>A random model of <paramref name="states"/> states: rows of uniforms normalised, means in [-1, 1], variances in [0.1, 2].</summary>
    public static GaussianHmm Random(int states, Random random)
    {
        var transition = new double[states, states];
        for (var i = 0; i < states; i++)
        {
            var row = Distribution(states, random);
            for (var j = 0; j < states; j++) transition[i, j] = row[j];
        }
        var means = Enumerable.Range(0, states).Select(_ => -1.0 + 2.0 * random.NextDouble()).ToArray();
        var variances = Enumerable.Range(0, states).Select(_ => 0.1 + 1.9 * random.NextDouble()).ToArray();
        return new GaussianHmm(Distribution(states, random), transition, means, variances);
    }

    /// <summary>p(path, observations) for every path of states, enumerated (K^T paths).</summary>
    public static IEnumerable<(int[] Path, double Probability)> Paths(GaussianHmm model, double[] observations)
    {
        var k = model.States;
        var n = observations.Length;
        var count = (int)Math.Pow(k, n);
        for (var code = 0; code < count; code++)
        {
            var path = new int[n];
            var rest = code;
            for (var t = 0; t < n; t++)
            {
                path[t] = rest % k;
                rest /= k;
            }
            var p = model.Initial(path[0]) * Density(model, path[0], observations[0]);
            for (var t = 1; t < n; t++) p *= model.Transition(path[t - 1], path[t]) * Density(model, path[t], observations[t]);
            yield return (path, p);
        }
    }

    /// <summary>The normal density written out: exp(-(x - m)^2 / 2v) / sqrt(2 pi v).</summary>
    public static double Density(GaussianHmm model, int state, double x)
    {
        var v = model.Variance(state);
        var d = x - model.Mean(state);
        return Math.Exp(-d * d / (2.0 * v)) / Math.Sqrt(2.0 * Math.PI * v);
    }

    private static double[] Distribution(int states, Random random)
    {
        var weights = Enumerable.Range(0, states).Select(_ => 0.05 + random.NextDouble()).ToArray();
        var sum = weights.Sum();
        return weights.Select(w => w / sum).ToArray();
    }
}
