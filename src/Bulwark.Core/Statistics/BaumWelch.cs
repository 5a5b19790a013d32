namespace Bulwark.Core.Statistics;

/// <summary>
/// Baum-Welch (EM) for a <see cref="GaussianHmm"/> with the scaled forward-backward recursions (Rabiner 1989):
/// each E-step computes normalised forward variables alpha(t), backward variables beta(t) scaled by the same
/// factors, the state posteriors gamma(t) = alpha(t) beta(t) and the pair posteriors xi(t); the M-step re-estimates
/// the initial distribution, transitions, means and variances (floored) from them. One run per restart: the first
/// from <see cref="HmmInitializer.Quantiles"/>, the others from seeded random starts; the best log-likelihood wins.
/// </summary>
internal sealed class BaumWelch
{
    private readonly double[] _observations;
    private readonly int _states;
    private readonly double _varianceFloor;
    private readonly double[] _alpha;     // T x K, row-major
    private readonly double[] _beta;      // T x K
    private readonly double[] _emissions; // T x K, scaled as in GaussianHmm.ForwardStep
    private readonly double[] _scales;    // T
    private readonly double[] _gamma;     // T x K: the state posteriors of the last E-step, for the M-step

    private BaumWelch(double[] observations, int states, double varianceFloor)
    {
        _observations = observations;
        _states = states;
        _varianceFloor = varianceFloor;
        _alpha = new double[observations.Length * states];
        _beta = new double[observations.Length * states];
        _emissions = new double[observations.Length * states];
        _scales = new double[observations.Length];
        _gamma = new double[observations.Length * states];
    }

    public static HmmFit Fit(ReadOnlySpan<double> observations, GaussianHmmOptions options)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(options));
        var k = options.States;
        if (observations.Length < 2 * k) throw new ArgumentException($"need at least {2 * k} observations, got {observations.Length}.", nameof(observations));
        foreach (var o in observations)
            if (!double.IsFinite(o)) throw new ArgumentException("observations must be finite.", nameof(observations));
        var sampleVariance = SampleMoments.Variance(observations, SampleMoments.Mean(observations));
        if (!(sampleVariance > 0.0)) throw new ArgumentException("observations have no variance.", nameof(observations));

        var fitter = new BaumWelch(observations.ToArray(), k, options.VarianceFloor * sampleVariance);
        var random = new Random(options.Seed);
        HmmFit? best = null;
        for (var r = 0; r < options.Restarts; r++)
        {
            var start = r == 0
                ? HmmInitializer.Quantiles(observations, k, fitter._varianceFloor)
                : HmmInitializer.Random(observations, k, random);
            var fit = fitter.Run(start, options);
            if (fit is not null && (best is null || fit.LogLikelihood > best.LogLikelihood)) best = fit;
        }
        if (best is null) throw new InvalidOperationException("every Baum-Welch run failed (an observation had no weight under the model).");
        return best with { Model = best.Model.SortedByMean() };
    }

    /// <summary>One EM run from <paramref name="model"/>; null when the model gives an observation no weight.</summary>
    private HmmFit? Run(GaussianHmm model, GaussianHmmOptions options)
    {
        var history = new List<double>();
        for (var iteration = 1; ; iteration++)
        {
            var logLikelihood = ExpectationPasses(model);
            if (!double.IsFinite(logLikelihood)) return null;
            var converged = history.Count > 0 && Math.Abs(logLikelihood - history[^1]) < options.Tolerance;
            history.Add(logLikelihood);
            if (converged || iteration == options.MaxIterations)
                return new HmmFit(model, logLikelihood, iteration, converged, history);
            model = Maximisation(model);
        }
    }

    /// <summary>Scaled forward and backward passes; returns ln p(observations | model).</summary>
    private double ExpectationPasses(GaussianHmm model)
    {
        var k = _states;
        var n = _observations.Length;
        var logLikelihood = 0.0;
        for (var t = 0; t < n; t++)
        {
            var previous = t == 0 ? ReadOnlySpan<double>.Empty : _alpha.AsSpan((t - 1) * k, k);
            var (scale, shift) = model.ForwardStep(previous, _observations[t], _alpha.AsSpan(t * k, k), _emissions.AsSpan(t * k, k));
            if (!(scale > 0.0) || !double.IsFinite(scale)) return double.NaN;
            _scales[t] = scale;
            logLikelihood += Math.Log(scale) + shift;
        }
        for (var i = 0; i < k; i++) _beta[(n - 1) * k + i] = 1.0;
        var rows = model.TransitionRows;
        for (var t = n - 2; t >= 0; t--)
        {
            for (var i = 0; i < k; i++)
            {
                var sum = 0.0;
                for (var j = 0; j < k; j++)
                    sum += rows[i * k + j] * _emissions[(t + 1) * k + j] * _beta[(t + 1) * k + j];
                _beta[t * k + i] = sum / _scales[t + 1];
            }
        }
        return logLikelihood;
    }

    /// <summary>The M-step from the posteriors of the last E-step; a state with no posterior weight keeps its old parameters.</summary>
    private GaussianHmm Maximisation(GaussianHmm model)
    {
        var k = _states;
        var n = _observations.Length;
        var weight = new double[k];
        var weightBeforeLast = new double[k];
        var weightedSum = new double[k];
        var pairs = new double[k, k];
        ComputePosteriors();
        var initial = _gamma.AsSpan(0, k).ToArray();
        for (var t = 0; t < n; t++)
        {
            var gamma = _gamma.AsSpan(t * k, k);
            for (var i = 0; i < k; i++)
            {
                weight[i] += gamma[i];
                weightedSum[i] += gamma[i] * _observations[t];
                if (t < n - 1) weightBeforeLast[i] += gamma[i];
            }
            if (t < n - 1) AddPairPosteriors(model, t, pairs);
        }

        var transition = new double[k, k];
        var means = new double[k];
        var variances = new double[k];
        for (var i = 0; i < k; i++)
        {
            var rowSum = 0.0;
            for (var j = 0; j < k; j++) rowSum += pairs[i, j];
            for (var j = 0; j < k; j++)
                transition[i, j] = weightBeforeLast[i] > 0.0 && rowSum > 0.0 ? pairs[i, j] / rowSum : model.Transition(i, j);
            means[i] = weight[i] > 0.0 ? weightedSum[i] / weight[i] : model.Mean(i);
        }
        for (var t = 0; t < n; t++)
        {
            var gamma = _gamma.AsSpan(t * k, k);
            for (var i = 0; i < k; i++)
            {
                var d = _observations[t] - means[i];
                variances[i] += gamma[i] * d * d;
            }
        }
        for (var i = 0; i < k; i++)
            variances[i] = weight[i] > 0.0 ? Math.Max(variances[i] / weight[i], _varianceFloor) : model.Variance(i);
        return new GaussianHmm(initial, transition, means, variances);
    }

    /// <summary>gamma(t) = alpha(t) beta(t), renormalised against rounding, for every t into <see cref="_gamma"/>.</summary>
    private void ComputePosteriors()
    {
        var k = _states;
        for (var t = 0; t < _observations.Length; t++)
        {
            var gamma = _gamma.AsSpan(t * k, k);
            var sum = 0.0;
            for (var i = 0; i < k; i++)
            {
                gamma[i] = _alpha[t * k + i] * _beta[t * k + i];
                sum += gamma[i];
            }
            for (var i = 0; i < k; i++) gamma[i] /= sum;
        }
    }

    /// <summary>Adds xi(t)(i, j) = alpha(t)(i) A(i, j) b(j)(t+1) beta(t+1)(j) / scale(t+1) to <paramref name="pairs"/>.</summary>
    private void AddPairPosteriors(GaussianHmm model, int t, double[,] pairs)
    {
        var k = _states;
        var rows = model.TransitionRows;
        for (var i = 0; i < k; i++)
        {
            var a = _alpha[t * k + i] / _scales[t + 1];
            for (var j = 0; j < k; j++)
                pairs[i, j] += a * rows[i * k + j] * _emissions[(t + 1) * k + j] * _beta[(t + 1) * k + j];
        }
    }
}
