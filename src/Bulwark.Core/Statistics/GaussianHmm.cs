namespace Bulwark.Core.Statistics;

/// <summary>
/// A hidden Markov model with Gaussian emissions over a scalar series (e.g. log returns): initial distribution,
/// transition matrix (row = from, column = to), and one mean and variance per state. Immutable. Fitting:
/// <see cref="Fit"/> (Baum-Welch); inference: filtered state probabilities, a one-step update and Viterbi.
/// </summary>
internal sealed class GaussianHmm
{
    private const double ProbabilityTolerance = 1e-6;
    private static readonly double LogTwoPi = Math.Log(2.0 * Math.PI);

    private readonly double[] _initial;
    private readonly double[,] _transition;
    private readonly double[] _means;
    private readonly double[] _variances;
    private readonly double[] _transitionRows; // the transition matrix row-major, for the fitting loops
    private readonly double[] _logNormalisers; // ln 2 pi + ln variance(state), the part of ln N that does not depend on o

    public GaussianHmm(double[] initial, double[,] transition, double[] means, double[] variances)
    {
        var k = initial.Length;
        if (k < 1 || transition.GetLength(0) != k || transition.GetLength(1) != k || means.Length != k || variances.Length != k)
            throw new ArgumentException("initial, transition, means and variances must agree on the number of states.");
        CheckDistribution(initial, nameof(initial));
        for (var i = 0; i < k; i++)
        {
            var row = new double[k];
            for (var j = 0; j < k; j++) row[j] = transition[i, j];
            CheckDistribution(row, nameof(transition));
            if (!double.IsFinite(means[i])) throw new ArgumentException($"mean {i} is not finite.", nameof(means));
            if (!(variances[i] > 0.0) || !double.IsFinite(variances[i]))
                throw new ArgumentException($"variance {i} must be positive, got {variances[i]}.", nameof(variances));
        }
        _initial = (double[])initial.Clone();
        _transition = (double[,])transition.Clone();
        _means = (double[])means.Clone();
        _variances = (double[])variances.Clone();
        _transitionRows = new double[k * k];
        _logNormalisers = new double[k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++) _transitionRows[i * k + j] = transition[i, j];
            _logNormalisers[i] = LogTwoPi + Math.Log(_variances[i]);
        }
    }

    public int States => _initial.Length;
    public double Initial(int state) => _initial[state];
    public double Transition(int from, int to) => _transition[from, to];

    /// <summary>The transition matrix row-major: A(i, j) at i * States + j.</summary>
    internal ReadOnlySpan<double> TransitionRows => _transitionRows;
    public double Mean(int state) => _means[state];
    public double Variance(int state) => _variances[state];

    /// <summary>Fits a model to <paramref name="observations"/> by Baum-Welch; see <see cref="BaumWelch"/>.</summary>
    public static HmmFit Fit(ReadOnlySpan<double> observations, GaussianHmmOptions options) => BaumWelch.Fit(observations, options);

    /// <summary>ln p(o(0..T-1)) under the model, by the scaled forward pass.</summary>
    public double LogLikelihood(ReadOnlySpan<double> observations)
    {
        var (logLikelihood, _) = Forward(observations);
        return logLikelihood;
    }

    /// <summary>P(state at the last observation | all observations): the filtered (and smoothed) distribution.</summary>
    public double[] FilteredProbabilities(ReadOnlySpan<double> observations)
    {
        var (_, filtered) = Forward(observations);
        return filtered;
    }

    /// <summary>
    /// The filtered distribution after one more observation, from the previous filtered distribution. When the
    /// model gives the observation no weight at all (numerically), it restarts from the emission weights alone.
    /// </summary>
    public double[] Step(ReadOnlySpan<double> filtered, double observation)
    {
        var next = new double[States];
        var emissions = new double[States];
        var (scale, _) = ForwardStep(filtered, observation, next, emissions);
        if (scale > 0.0 && double.IsFinite(scale)) return next;
        var sum = 0.0;
        foreach (var b in emissions) sum += b;
        for (var i = 0; i < States; i++) next[i] = emissions[i] / sum;
        return next;
    }

    /// <summary>The most likely state sequence (log-space Viterbi); ties go to the lower state.</summary>
    public int[] Viterbi(ReadOnlySpan<double> observations)
    {
        var k = States;
        var n = observations.Length;
        var path = new int[n];
        if (n == 0) return path;
        var back = new int[n, k];
        var delta = new double[k];
        var next = new double[k];
        for (var i = 0; i < k; i++) delta[i] = Math.Log(_initial[i]) + LogDensity(i, observations[0]);
        for (var t = 1; t < n; t++)
        {
            for (var j = 0; j < k; j++)
            {
                var best = 0;
                var bestValue = double.NegativeInfinity;
                for (var i = 0; i < k; i++)
                {
                    var value = delta[i] + Math.Log(_transition[i, j]);
                    if (value > bestValue) (best, bestValue) = (i, value);
                }
                back[t, j] = best;
                next[j] = bestValue + LogDensity(j, observations[t]);
            }
            (delta, next) = (next, delta);
        }
        var last = 0;
        for (var i = 1; i < k; i++) if (delta[i] > delta[last]) last = i;
        for (var t = n - 1; t >= 0; t--)
        {
            path[t] = last;
            last = back[t, last];
        }
        return path;
    }

    /// <summary>The same model with its states renumbered by increasing mean (state 0 has the lowest mean).</summary>
    public GaussianHmm SortedByMean()
    {
        var k = States;
        var order = Enumerable.Range(0, k).OrderBy(i => _means[i]).ThenBy(i => i).ToArray();
        var transition = new double[k, k];
        for (var i = 0; i < k; i++)
            for (var j = 0; j < k; j++) transition[i, j] = _transition[order[i], order[j]];
        return new GaussianHmm(
            order.Select(i => _initial[i]).ToArray(), transition,
            order.Select(i => _means[i]).ToArray(), order.Select(i => _variances[i]).ToArray());
    }

    /// <summary>ln N(o; mean(state), variance(state)).</summary>
    public double LogDensity(int state, double observation)
    {
        var d = observation - _means[state];
        return -0.5 * (_logNormalisers[state] + d * d / _variances[state]);
    }

    /// <summary>
    /// One scaled forward step: next(j) = b(j) * sum_i previous(i) A(i, j) / scale, or initial(j) b(j) / scale when
    /// <paramref name="previous"/> is empty. <paramref name="emissions"/> receives b(j) = exp(ln N(o; j) - shift)
    /// with shift = max over j of ln N(o; j), so the largest is 1 and nothing underflows together.
    /// ln p(o | past) = ln scale + shift. A non-positive scale means the model gives o no weight.
    /// </summary>
    internal (double Scale, double Shift) ForwardStep(ReadOnlySpan<double> previous, double observation, Span<double> next, Span<double> emissions)
    {
        var k = States;
        var shift = double.NegativeInfinity;
        for (var j = 0; j < k; j++)
        {
            emissions[j] = LogDensity(j, observation);
            shift = Math.Max(shift, emissions[j]);
        }
        var scale = 0.0;
        var rows = _transitionRows;
        for (var j = 0; j < k; j++)
        {
            emissions[j] = Math.Exp(emissions[j] - shift);
            var prior = 0.0;
            if (previous.IsEmpty) prior = _initial[j];
            else for (var i = 0; i < k; i++) prior += previous[i] * rows[i * k + j];
            next[j] = prior * emissions[j];
            scale += next[j];
        }
        if (scale > 0.0) for (var j = 0; j < k; j++) next[j] /= scale;
        return (scale, shift);
    }

    private (double LogLikelihood, double[] Filtered) Forward(ReadOnlySpan<double> observations)
    {
        if (observations.IsEmpty) throw new ArgumentException("need at least one observation.", nameof(observations));
        var current = new double[States];
        var next = new double[States];
        var emissions = new double[States];
        var logLikelihood = 0.0;
        for (var t = 0; t < observations.Length; t++)
        {
            var (scale, shift) = ForwardStep(t == 0 ? ReadOnlySpan<double>.Empty : current, observations[t], next, emissions);
            logLikelihood += Math.Log(scale) + shift;
            (current, next) = (next, current);
        }
        return (logLikelihood, current);
    }

    private static void CheckDistribution(double[] p, string name)
    {
        var sum = 0.0;
        foreach (var v in p)
        {
            if (!(v >= 0.0) || !double.IsFinite(v)) throw new ArgumentException($"probabilities must be in [0, 1], got {v}.", name);
            sum += v;
        }
        if (Math.Abs(sum - 1.0) > ProbabilityTolerance) throw new ArgumentException($"probabilities must sum to 1, got {sum}.", name);
    }
}
