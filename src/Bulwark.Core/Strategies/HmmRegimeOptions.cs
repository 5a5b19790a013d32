using Bulwark.Core.Statistics;

namespace Bulwark.Core.Strategies;

/// <summary>
/// Settings of <see cref="HmmRegimeStrategy"/>: the window of log returns and when it is refitted, the input checks,
/// the Baum-Welch settings, what each regime does with the position, and the sma-cross fallback.
/// </summary>
public sealed record HmmRegimeOptions
{
    /// <summary>Hidden states: 2 (bearish, bullish) or 3 (bearish, middle, bullish), ordered by mean return.</summary>
    public int States { get; init; } = 2;

    /// <summary>Fewest returns the model is fitted on; until then the strategy runs its fallback.</summary>
    public int MinObservations { get; init; } = 252;

    /// <summary>Most recent returns kept and fitted on (at least <see cref="MinObservations"/>).</summary>
    public int Window { get; init; } = 252;

    /// <summary>Bars between two validations and refits once the window holds <see cref="MinObservations"/> returns.</summary>
    public int RefitEvery { get; init; } = 21;

    /// <summary>Smallest annualised volatility of the returns (sample sd times sqrt(<see cref="PeriodsPerYear"/>)) to fit on.</summary>
    public decimal MinVolatility { get; init; } = 0.01m;

    /// <summary>
    /// Bars per year, to annualise the volatility; null (the default) takes it from each symbol's bar interval and its
    /// exchange's trading time (<see cref="Calendar.TradingYear"/>: 252 for daily bars of US equities, 98,280 for
    /// their minute bars, 365.25 for daily crypto), so the minimum volatility means the same at any bar size.
    /// </summary>
    public int? PeriodsPerYear { get; init; }

    /// <summary>Lagged differences in the ADF regression; null chooses them by AIC up to Schwert's maximum.</summary>
    public int? AdfLags { get; init; }

    public int MaxIterations { get; init; } = 200;

    /// <summary>Baum-Welch stops when the log-likelihood improves by less than this.</summary>
    public decimal Tolerance { get; init; } = 0.000001m;

    /// <summary>Baum-Welch runs (the first from quantiles, the others from seeded random starts); the best one is kept.</summary>
    public int Restarts { get; init; } = 3;

    public int Seed { get; init; } = 1;

    public RegimeAction Bearish { get; init; } = RegimeAction.Flat;

    /// <summary>The middle state's action; used only with 3 states.</summary>
    public RegimeAction Middle { get; init; } = RegimeAction.Keep;

    public RegimeAction Bullish { get; init; } = RegimeAction.Long;

    /// <summary>
    /// Exact size of a long or short target; null (the default) lets the bot's sizer decide, as it does for the
    /// fallback's entries, so one sizing (--size, --notional, --percent-of-equity) applies to both.
    /// </summary>
    public decimal? Quantity { get; init; }

    /// <summary>Period of the sma-cross strategy that trades while the model cannot be used.</summary>
    public int FallbackPeriod { get; init; } = 10;

    /// <summary>Smallest <see cref="MinObservations"/> accepted: the ADF regression and the fit need some data.</summary>
    public const int LeastObservations = 20;

    /// <summary>Every problem, keyed by parameter name (states, minObservations, ...); empty when valid.</summary>
    public IReadOnlyList<StrategyProblem> Validate()
    {
        var problems = new List<StrategyProblem>();
        void Check(bool ok, string key, string message)
        {
            if (!ok) problems.Add(new StrategyProblem(key, message));
        }
        Check(States is 2 or 3, "states", $"must be 2 or 3, got {States}");
        Check(MinObservations >= LeastObservations, "minObservations", $"must be at least {LeastObservations}, got {MinObservations}");
        Check(Window >= MinObservations, "window", $"must be at least minObservations ({MinObservations}), got {Window}");
        Check(RefitEvery >= 1, "refitEvery", $"must be at least 1, got {RefitEvery}");
        Check(MinVolatility >= 0m, "minVolatility", $"must not be negative, got {MinVolatility}");
        Check(PeriodsPerYear is null or >= 1, "periodsPerYear", $"must be at least 1, got {PeriodsPerYear}");
        var maxLags = AugmentedDickeyFuller.MaxLags(Math.Max(MinObservations, LeastObservations));
        Check(AdfLags is null || (AdfLags >= 0 && AdfLags <= maxLags), "adfLags", $"must be between 0 and {maxLags} for minObservations {MinObservations}, got {AdfLags}");
        Check(MaxIterations >= 1, "maxIterations", $"must be at least 1, got {MaxIterations}");
        Check(Tolerance > 0m, "tolerance", $"must be positive, got {Tolerance}");
        Check(Restarts >= 1, "restarts", $"must be at least 1, got {Restarts}");
        Check(Quantity is null || Quantity > 0m, "quantity", $"must be positive, got {Quantity}");
        Check(FallbackPeriod >= 1, "fallbackPeriod", $"must be at least 1, got {FallbackPeriod}");
        return problems;
    }
}
