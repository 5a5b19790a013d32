using Bulwark.Backtest.Reports;
using MathNet.Numerics.Distributions;

namespace Bulwark.Backtest.Optimization;

/// <summary>
/// How much of the best row's Sharpe ratio the search itself explains (Bailey and López de Prado's deflated Sharpe ratio).
/// The best of many combinations has a high Sharpe ratio even where none has an edge: with N trials whose Sharpe ratios
/// vary by V, the best is expected near sqrt(V) ((1 - g) Z(1 - 1/N) + g Z(1 - 1/(N e))), g Euler's constant and Z the
/// normal quantile. The probabilistic Sharpe ratio is the probability that the true Sharpe ratio is above a benchmark,
/// given the estimate's error over T returns of skewness s and kurtosis k:
/// PSR = Phi((SR - SR*) sqrt(T - 1) / sqrt(1 - s SR + (k - 1) / 4 SR^2)), all per bar. The deflated ratio is the PSR
/// above that expected best. Combinations of one grid are correlated (neighbours trade alike), so N is taken as the
/// independent trials its rows' mean correlation makes of it (<see cref="TrialCorrelation"/>), where rows kept sketches
/// of their returns; else as counted, which is on the strict side.
/// </summary>
public static class DeflatedSharpe
{
    private const double EulerGamma = 0.5772156649015329;

    /// <summary>The figures for <paramref name="rows"/>' first (the best as ranked); null when it has no return moments.</summary>
    /// <param name="rows">The combinations that ran, best first; each a trial.</param>
    public static DeflatedSharpeResult? Of(IReadOnlyList<OptimizationRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var trials = rows.Where(r => r.Ok && r.Moments is not null).ToList();
        if (trials.Count == 0 || rows[0].Moments is not { Observations: >= 2 } best) return null;
        var sharpes = trials.Select(r => r.Moments!.Sharpe).ToArray();
        var spread = sharpes.Length < 2 ? 0d : Math.Sqrt(sharpes.Sum(s => Math.Pow(s - sharpes.Average(), 2)) / (sharpes.Length - 1));
        var correlation = TrialCorrelation.Mean([.. trials.Where(r => r.ReturnSketch is not null).Select(r => r.ReturnSketch!)]);
        var effective = TrialCorrelation.EffectiveTrials(trials.Count, correlation);
        var expectedMax = ExpectedMaximum(effective, spread);
        var annualise = Math.Sqrt(best.BarsPerYear);
        return new DeflatedSharpeResult(trials.Count, rows[0].Parameters, best.Sharpe * annualise, spread * annualise,
            expectedMax * annualise, Probabilistic(best, 0d), Probabilistic(best, expectedMax), best.Observations)
        {
            MeanCorrelation = correlation,
            EffectiveTrials = effective,
        };
    }

    /// <summary>The Sharpe ratio (per bar) the best of <paramref name="trials"/> is expected at by chance, for trials spread by <paramref name="spread"/>.</summary>
    /// <remarks>Trials need not be whole (independent trials estimated from a correlation); under 2 the best is expected at no edge, 0.</remarks>
    internal static double ExpectedMaximum(double trials, double spread)
    {
        if (trials < 2d || spread <= 0d) return 0d;
        return spread * (((1d - EulerGamma) * Normal.InvCDF(0d, 1d, 1d - (1d / trials)))
            + (EulerGamma * Normal.InvCDF(0d, 1d, 1d - (1d / (trials * Math.E)))));
    }

    /// <summary>The probability that the true Sharpe ratio is above <paramref name="benchmark"/> (per bar); null where the estimate's error is undefined.</summary>
    internal static double? Probabilistic(ReturnMoments m, double benchmark)
    {
        var variance = 1d - (m.Skewness * m.Sharpe) + ((m.Kurtosis - 1d) / 4d * m.Sharpe * m.Sharpe);
        if (m.Observations < 2 || !(variance > 0d)) return null;
        var z = (m.Sharpe - benchmark) * Math.Sqrt(m.Observations - 1d) / Math.Sqrt(variance);
        return double.IsFinite(z) ? Normal.CDF(0d, 1d, z) : null;
    }
}

/// <summary>What <see cref="DeflatedSharpe.Of"/> found for the best row.</summary>
/// <param name="Trials">Combinations that ran: the trials the best was picked from.</param>
/// <param name="Parameters">The best row's parameters.</param>
/// <param name="Sharpe">Its Sharpe ratio, annualised (as the rows have it).</param>
/// <param name="SharpeSpread">The standard deviation of the trials' Sharpe ratios, annualised.</param>
/// <param name="ExpectedMaxSharpe">The Sharpe ratio the best of that many independent trials (<see cref="DeflatedSharpeResult.EffectiveTrials"/>) is expected at with no edge, annualised.</param>
/// <param name="ProbabilisticSharpe">The probability that its true Sharpe ratio is above 0, as one trial alone.</param>
/// <param name="Deflated">The probability that it is above the expected best of the trials: the deflated Sharpe ratio.</param>
/// <param name="Observations">Returns its estimate is from.</param>
public sealed record DeflatedSharpeResult(int Trials, IReadOnlyDictionary<string, string> Parameters, double Sharpe, double SharpeSpread,
    double ExpectedMaxSharpe, double? ProbabilisticSharpe, double? Deflated, int Observations)
{
    /// <summary>The mean correlation of the trials' returns, from the rows that kept a sketch of them; null when fewer than two did.</summary>
    public double? MeanCorrelation { get; init; }

    /// <summary>The independent trials <see cref="Trials"/> count as at <see cref="MeanCorrelation"/> (as many when it is unknown): what the expected best is of.</summary>
    public double EffectiveTrials { get; init; }
}
