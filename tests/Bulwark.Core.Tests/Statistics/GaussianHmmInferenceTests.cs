using Bulwark.Core.Statistics;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Statistics;

public sealed class GaussianHmmInferenceTests
{
    /// <summary>A seed, a number of states (2 or 3) and a short length (1 to 6), for brute-force comparisons.</summary>
    private static readonly Arbitrary<(int Seed, int States, int Length)> SmallCases =
        (from seed in Gen.Choose(0, 1_000_000)
         from states in Gen.Choose(2, 3)
         from length in Gen.Choose(1, 6)
         select (seed, states, length)).ToArbitrary();

    private static (GaussianHmm Model, double[] Observations) Case((int Seed, int States, int Length) c)
    {
        var random = new Random(c.Seed);
        var model = HmmTestModels.Random(c.States, random);
        var observations = Enumerable.Range(0, c.Length).Select(_ => -2.0 + 4.0 * random.NextDouble()).ToArray();
        return (model, observations);
    }

    [Fact]
    public void LogLikelihood_EqualsTheLogOfTheSumOverEveryStatePath() =>
        Prop.ForAll(SmallCases, c =>
        {
            var (model, observations) = Case(c);
            var expected = Math.Log(HmmTestModels.Paths(model, observations).Sum(p => p.Probability));
            Assert.Equal(expected, model.LogLikelihood(observations), 1e-9);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void FilteredProbabilities_EqualThePathMassEndingInEachState() =>
        Prop.ForAll(SmallCases, c =>
        {
            var (model, observations) = Case(c);
            var paths = HmmTestModels.Paths(model, observations).ToList();
            var total = paths.Sum(p => p.Probability);
            var filtered = model.FilteredProbabilities(observations);
            for (var j = 0; j < model.States; j++)
            {
                var expected = paths.Where(p => p.Path[^1] == j).Sum(p => p.Probability) / total;
                Assert.Equal(expected, filtered[j], 1e-9);
            }
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Step_FromTheFilteredDistribution_EqualsFilteringTheLongerSeries() =>
        Prop.ForAll(SmallCases, c =>
        {
            var (model, observations) = Case(c);
            if (observations.Length < 2) return;
            var stepped = model.Step(model.FilteredProbabilities(observations[..^1]), observations[^1]);
            var direct = model.FilteredProbabilities(observations);
            for (var j = 0; j < model.States; j++) Assert.Equal(direct[j], stepped[j], 1e-12);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Viterbi_FindsThePathOfHighestJointProbability() =>
        Prop.ForAll(SmallCases, c =>
        {
            var (model, observations) = Case(c);
            var best = HmmTestModels.Paths(model, observations).MaxBy(p => p.Probability);
            var path = model.Viterbi(observations);
            var probability = HmmTestModels.Paths(model, observations).Single(p => p.Path.SequenceEqual(path)).Probability;
            // Equal up to rounding (two paths may tie); the enumerated best is the reference.
            Assert.Equal(best.Probability, probability, best.Probability * 1e-9);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void SortedByMean_RenumbersStatesAndKeepsTheLikelihood()
    {
        var model = new GaussianHmm([0.2, 0.8], new double[,] { { 0.9, 0.1 }, { 0.3, 0.7 } }, [0.5, -0.5], [1.0, 4.0]);
        var sorted = model.SortedByMean();

        Assert.Equal([-0.5, 0.5], [sorted.Mean(0), sorted.Mean(1)]);
        Assert.Equal([4.0, 1.0], [sorted.Variance(0), sorted.Variance(1)]);
        Assert.Equal([0.8, 0.2], [sorted.Initial(0), sorted.Initial(1)]);
        Assert.Equal(0.7, sorted.Transition(0, 0));
        Assert.Equal(0.3, sorted.Transition(0, 1));
        Assert.Equal(0.1, sorted.Transition(1, 0));
        double[] observations = [0.3, -1.2, 2.0, 0.1];
        Assert.Equal(model.LogLikelihood(observations), sorted.LogLikelihood(observations), 1e-12);
    }

    [Fact]
    public void Constructor_RejectsInconsistentParameters()
    {
        var transition = new double[,] { { 0.9, 0.1 }, { 0.3, 0.7 } };
        Assert.Throws<ArgumentException>(() => new GaussianHmm([0.5, 0.6], transition, [0, 1], [1, 1]));
        Assert.Throws<ArgumentException>(() => new GaussianHmm([0.5, 0.5], new double[,] { { 0.9, 0.2 }, { 0.3, 0.7 } }, [0, 1], [1, 1]));
        Assert.Throws<ArgumentException>(() => new GaussianHmm([0.5, 0.5], transition, [0, 1], [1, 0]));
        Assert.Throws<ArgumentException>(() => new GaussianHmm([0.5, 0.5], transition, [0, 1, 2], [1, 1]));
    }
}
