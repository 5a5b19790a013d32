namespace Bulwark.Core.Statistics;

/// <summary>Starting points for Baum-Welch.</summary>
internal static class HmmInitializer
{
    /// <summary>
    /// Sorts the observations and cuts them into equal-count bins, one per state: each state starts with its bin's
    /// mean and variance (floored); transitions stay put with probability 0.9; the initial distribution is uniform.
    /// </summary>
    public static GaussianHmm Quantiles(ReadOnlySpan<double> observations, int states, double varianceFloor)
    {
        var sorted = observations.ToArray();
        Array.Sort(sorted);
        var means = new double[states];
        var variances = new double[states];
        for (var s = 0; s < states; s++)
        {
            var from = s * sorted.Length / states;
            var to = (s + 1) * sorted.Length / states;
            var bin = sorted.AsSpan(from, to - from);
            means[s] = SampleMoments.Mean(bin);
            variances[s] = Math.Max(SampleMoments.Variance(bin, means[s]), varianceFloor);
        }
        return new GaussianHmm(Uniform(states), StickyTransitions(states, 0.9), means, variances);
    }

    /// <summary>
    /// Means at <paramref name="states"/> observations drawn at random (sorted), every variance the sample variance,
    /// and a random probability of staying in [0.6, 0.95].
    /// </summary>
    public static GaussianHmm Random(ReadOnlySpan<double> observations, int states, Random random)
    {
        var means = new double[states];
        for (var s = 0; s < states; s++) means[s] = observations[random.Next(observations.Length)];
        Array.Sort(means);
        var variance = SampleMoments.Variance(observations, SampleMoments.Mean(observations));
        var variances = Enumerable.Repeat(variance, states).ToArray();
        return new GaussianHmm(Uniform(states), StickyTransitions(states, 0.6 + 0.35 * random.NextDouble()), means, variances);
    }

    private static double[] Uniform(int states) => Enumerable.Repeat(1.0 / states, states).ToArray();

    private static double[,] StickyTransitions(int states, double stay)
    {
        var transition = new double[states, states];
        for (var i = 0; i < states; i++)
            for (var j = 0; j < states; j++) transition[i, j] = i == j ? stay : (1.0 - stay) / (states - 1);
        return transition;
    }
}
