using Bulwark.Core.Statistics;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Statistics;

public sealed class GaussianHmmFitTests
{
    // A calm bull state (listed first here) and a volatile bear state; the fit must renumber them by mean.
    private static readonly double[] TrueMeans = [0.01, -0.02];
    private static readonly double[] TrueSds = [0.01, 0.03];
    private static readonly double[,] TrueTransition = { { 0.97, 0.03 }, { 0.05, 0.95 } };

    private static (int[] States, double[] Values) TwoStateSample(int seed, int n) =>
        new SeriesGenerator(seed).Hmm(n, [0.5, 0.5], TrueTransition, TrueMeans, TrueSds);

    [Fact]
    public void Fit_OnDataFromAKnownTwoStateModel_RecoversItsParametersWithStatesSortedByMean()
    {
        var (_, values) = TwoStateSample(seed: 5, n: 5000);

        var fit = GaussianHmm.Fit(values, new GaussianHmmOptions { States = 2, Seed = 3 });
        var m = fit.Model;

        // Fitted state 0 (lowest mean) is the true bear state 1 and vice versa. With about 1900 bear and 3100
        // bull observations the sampling error of each mean is under 0.001, of each sd about 2%, of each
        // transition probability about 0.005: the tolerances are 3-5 times that.
        Assert.True(fit.Converged);
        Assert.Equal(-0.02, m.Mean(0), 0.004);
        Assert.Equal(0.01, m.Mean(1), 0.002);
        Assert.Equal(0.03, Math.Sqrt(m.Variance(0)), 0.003);
        Assert.Equal(0.01, Math.Sqrt(m.Variance(1)), 0.001);
        Assert.Equal(0.95, m.Transition(0, 0), 0.02);
        Assert.Equal(0.97, m.Transition(1, 1), 0.015);
        Assert.True(m.Mean(0) < m.Mean(1));
    }

    [Fact]
    public void Fit_OnDataFromAKnownModel_ScoresAtLeastAsWellAsTheTrueParameters()
    {
        var (_, values) = TwoStateSample(seed: 8, n: 2000);
        var truth = new GaussianHmm([0.5, 0.5], TrueTransition, TrueMeans, TrueSds.Select(s => s * s).ToArray());

        var fit = GaussianHmm.Fit(values, new GaussianHmmOptions());

        // The maximum-likelihood estimate scores at least as high as the parameters that generated the data.
        Assert.True(fit.LogLikelihood >= truth.LogLikelihood(values), $"{fit.LogLikelihood} < {truth.LogLikelihood(values)}");
        Assert.Equal(fit.Model.LogLikelihood(values), fit.LogLikelihood, 1e-6);
    }

    [Fact]
    public void Viterbi_OfTheFittedModel_RecoversMostOfTheTrueStates()
    {
        var (states, values) = TwoStateSample(seed: 13, n: 3000);
        var fit = GaussianHmm.Fit(values, new GaussianHmmOptions());

        var path = fit.Model.Viterbi(values);

        // True state 1 is the bear state, fitted state 0.
        var agree = path.Where((s, t) => s == 1 - states[t]).Count();
        Assert.True(agree >= 0.9 * values.Length, $"{agree} of {values.Length} states recovered");
    }

    [Fact]
    public void Fit_WithThreeWellSeparatedStates_RecoversTheirMeansInOrder()
    {
        var transition = new double[,] { { 0.9, 0.05, 0.05 }, { 0.05, 0.9, 0.05 }, { 0.05, 0.05, 0.9 } };
        var (_, values) = new SeriesGenerator(21).Hmm(4000, [1 / 3.0, 1 / 3.0, 1 / 3.0], transition, [0.0, 0.05, -0.05], [0.005, 0.005, 0.005]);

        var m = GaussianHmm.Fit(values, new GaussianHmmOptions { States = 3 }).Model;

        Assert.Equal(-0.05, m.Mean(0), 0.002);
        Assert.Equal(0.0, m.Mean(1), 0.002);
        Assert.Equal(0.05, m.Mean(2), 0.002);
        Assert.Equal(0.9, m.Transition(1, 1), 0.03);
    }

    [Fact]
    public void LogLikelihood_NeverDecreasesAcrossBaumWelchIterations() =>
        Prop.ForAll(
            (from seed in Gen.Choose(0, 100_000)
             from states in Gen.Choose(2, 3)
             from length in Gen.Choose(10, 300)
             select (seed, states, length)).ToArbitrary(),
            c =>
            {
                var random = new Random(c.seed);
                var values = new SeriesGenerator(c.seed).Hmm(c.length, Enumerable.Repeat(1.0 / c.states, c.states).ToArray(),
                    RandomTransitions(c.states, random), Enumerable.Range(0, c.states).Select(_ => random.NextDouble() - 0.5).ToArray(),
                    Enumerable.Range(0, c.states).Select(_ => 0.1 + random.NextDouble()).ToArray()).Values;
                var fit = GaussianHmm.Fit(values, new GaussianHmmOptions { States = c.states, Seed = c.seed, Tolerance = 1e-12, MaxIterations = 60 });
                var history = fit.LogLikelihoods;
                for (var i = 1; i < history.Count; i++)
                    Assert.True(history[i] >= history[i - 1] - 1e-9 * (1 + Math.Abs(history[i - 1])),
                        $"iteration {i}: {history[i - 1]} -> {history[i]}");
                Assert.Equal(fit.Iterations, history.Count);
                Assert.Equal(history[^1], fit.LogLikelihood);
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Fit_WithTheSameSeed_IsDeterministic()
    {
        var (_, values) = TwoStateSample(seed: 2, n: 400);
        var options = new GaussianHmmOptions { Seed = 17 };
        var a = GaussianHmm.Fit(values, options);
        var b = GaussianHmm.Fit(values, options);
        Assert.Equal(a.LogLikelihoods, b.LogLikelihoods);
        Assert.Equal(a.Model.Mean(0), b.Model.Mean(0));
    }

    [Fact]
    public void Fit_StopsAtTheIterationLimitWithoutConverging()
    {
        var (_, values) = TwoStateSample(seed: 4, n: 500);
        var fit = GaussianHmm.Fit(values, new GaussianHmmOptions { MaxIterations = 3, Tolerance = 1e-15, Restarts = 1 });
        Assert.Equal(3, fit.Iterations);
        Assert.False(fit.Converged);
    }

    [Fact]
    public void Options_ListEveryProblem()
    {
        var problems = new GaussianHmmOptions { States = 4, MaxIterations = 0, Tolerance = 0, Restarts = 0, VarianceFloor = 1 }.Validate();
        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("states", StringComparison.Ordinal));
        Assert.Empty(new GaussianHmmOptions { States = 3 }.Validate());
    }

    [Fact]
    public void Fit_RejectsBadOptionsAndDegenerateData()
    {
        Assert.Throws<ArgumentException>(() => GaussianHmm.Fit(new double[100], new GaussianHmmOptions()));
        Assert.Throws<ArgumentException>(() => GaussianHmm.Fit([1, 2, 3], new GaussianHmmOptions()));
        Assert.Throws<ArgumentException>(() => GaussianHmm.Fit([1, 2, 3, 4, 5, 6], new GaussianHmmOptions { States = 5 }));
        Assert.Throws<ArgumentException>(() => GaussianHmm.Fit([1, 2, double.NaN, 4, 5, 6], new GaussianHmmOptions()));
    }

    private static double[,] RandomTransitions(int states, Random random)
    {
        var transition = new double[states, states];
        for (var i = 0; i < states; i++)
        {
            var row = Enumerable.Range(0, states).Select(j => (i == j ? 3.0 : 0.1) + random.NextDouble()).ToArray();
            var sum = row.Sum();
            for (var j = 0; j < states; j++) transition[i, j] = row[j] / sum;
        }
        return transition;
    }
}
