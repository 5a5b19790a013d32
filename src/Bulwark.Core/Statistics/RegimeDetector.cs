using System.Globalization;

namespace Bulwark.Core.Statistics;

/// <summary>
/// Log returns of one series of closes over a rolling window, a <see cref="GaussianHmm"/> fitted to them on demand
/// and the filtered regime of the latest return. <see cref="Refit"/> first validates the window (enough returns;
/// the augmented Dickey-Fuller test rejects a unit root in the returns at 5%; annualised volatility at least the
/// minimum) and fits only when every check passes. Between refits each new return moves the filtered state
/// probabilities one forward step under the last model.
/// </summary>
internal sealed class RegimeDetector
{
    private readonly double[] _returns;
    private readonly int _minObservations;
    private readonly double _minVolatility;
    private readonly double _periodsPerYear;
    private readonly int? _adfLags;
    private readonly GaussianHmmOptions _hmmOptions;
    private int _count;
    private int _next;
    private decimal _lastClose;
    private GaussianHmm? _model;
    private double[]? _filtered;

    /// <param name="window">How many of the latest returns are kept (at least <paramref name="minObservations"/>).</param>
    /// <param name="minVolatility">Smallest acceptable annualised volatility: sd of the returns times sqrt(periodsPerYear).</param>
    /// <param name="adfLags">Fixed lags for the ADF test, or null for the AIC choice of <see cref="AugmentedDickeyFuller"/>.</param>
    public RegimeDetector(int window, int minObservations, decimal minVolatility, double periodsPerYear, int? adfLags, GaussianHmmOptions hmmOptions)
    {
        if (minObservations < AugmentedDickeyFuller.MinimumLength || minObservations < 2 * hmmOptions.States)
            throw new ArgumentOutOfRangeException(nameof(minObservations), minObservations, "too few observations to test and fit.");
        if (window < minObservations) throw new ArgumentOutOfRangeException(nameof(window), window, "the window must hold minObservations returns.");
        if (!(periodsPerYear >= 1d)) throw new ArgumentOutOfRangeException(nameof(periodsPerYear), periodsPerYear, "must be at least 1.");
        _returns = new double[window];
        _minObservations = minObservations;
        _minVolatility = (double)minVolatility;
        _periodsPerYear = periodsPerYear;
        _adfLags = adfLags;
        _hmmOptions = hmmOptions;
    }

    /// <summary>Returns in the window.</summary>
    public int Observations => _count;

    /// <summary>The most probable state of the latest return under the current model (0 = lowest mean), or null without a model.</summary>
    public int? Regime
    {
        get
        {
            if (_filtered is null) return null;
            var best = 0;
            for (var i = 1; i < _filtered.Length; i++) if (_filtered[i] > _filtered[best]) best = i;
            return best;
        }
    }

    /// <summary>Takes the next close (positive); from the second one on, adds ln(close / previous close) to the window.</summary>
    public void Add(decimal close)
    {
        if (close <= 0m) throw new ArgumentOutOfRangeException(nameof(close), close, "closes must be positive.");
        if (_lastClose > 0m)
        {
            var logReturn = Math.Log((double)(close / _lastClose));
            _returns[_next] = logReturn;
            _next = (_next + 1) % _returns.Length;
            if (_count < _returns.Length) _count++;
            if (_model is not null && _filtered is not null) _filtered = _model.Step(_filtered, logReturn);
        }
        _lastClose = close;
    }

    /// <summary>What the last <see cref="Refit"/> that passed found: returns, ADF statistic, volatility; empty before one.</summary>
    public string LastValidation { get; private set; } = "";

    /// <summary>Validates the window and, when it passes, refits the model; returns why not (empty when refitted). A failure drops the model.</summary>
    public IReadOnlyList<string> Refit()
    {
        var reasons = new List<string>();
        if (_count < _minObservations)
        {
            reasons.Add(Format($"observations: {_count} returns, need at least {_minObservations}"));
            return Drop(reasons);
        }
        var window = Window();
        var adf = AugmentedDickeyFuller.Test(window, _adfLags);
        if (double.IsNaN(adf.Statistic)) reasons.Add("adf: the regression is singular (the returns do not vary)");
        else if (!adf.RejectsUnitRoot)
            reasons.Add(Format($"adf: statistic {adf.Statistic:0.###} does not reject a unit root in the returns at 5% (critical value {adf.CriticalValue:0.###}, {adf.Lags} lags)"));
        var volatility = SampleMoments.StandardDeviation(window) * Math.Sqrt(_periodsPerYear);
        if (!(volatility >= _minVolatility))
            reasons.Add(Format($"volatility: annualised {volatility:0.#####} ({_periodsPerYear:0.##} bars a year) is below the minimum {_minVolatility:0.#####}"));
        if (reasons.Count > 0) return Drop(reasons);
        try
        {
            var fit = GaussianHmm.Fit(window, _hmmOptions);
            _model = fit.Model;
            _filtered = fit.Model.FilteredProbabilities(window);
            LastValidation = Format($"{_count} returns, adf statistic {adf.Statistic:0.###} below {adf.CriticalValue:0.###} ({adf.Lags} lags), annualised volatility {volatility:0.#####}");
            return reasons;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            reasons.Add($"hmm: {e.Message}");
            return Drop(reasons);
        }
    }

    private List<string> Drop(List<string> reasons)
    {
        _model = null;
        _filtered = null;
        return reasons;
    }

    /// <summary>The window's returns, oldest first.</summary>
    private double[] Window()
    {
        var window = new double[_count];
        var start = _count < _returns.Length ? 0 : _next;
        for (var i = 0; i < _count; i++) window[i] = _returns[(start + i) % _returns.Length];
        return window;
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
