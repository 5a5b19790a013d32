using System.Text.Json.Serialization;

namespace Bulwark.Backtest.Optimization;

/// <summary>
/// One combination of an optimization: its position in the grid, its parameters, and either the backtest's figures
/// (final value, total return, filled buys plus sells, max drawdown as a fraction of the peak, Sharpe ratio as the
/// backtest report computes it) or why it failed.
/// </summary>
public sealed record OptimizationRow(
    int Index,
    IReadOnlyDictionary<string, string> Parameters,
    decimal? FinalValue,
    decimal? TotalReturn,
    int Fills,
    decimal? MaxDrawdown,
    string? Error)
{
    public double? Sharpe { get; init; }

    /// <summary>The Sortino ratio as the backtest report computes it: downside deviation only; null for a failed row.</summary>
    public double? Sortino { get; init; }

    /// <summary>The shape of its per-bar returns, for the deflated Sharpe ratio (<see cref="DeflatedSharpe"/>); null for a failed row.</summary>
    [JsonIgnore]
    public Reports.ReturnMoments? Moments { get; init; }

    /// <summary>
    /// A sketch of its per-bar returns (<see cref="TrialCorrelation.Sketch"/>), kept by at most
    /// <see cref="Optimizer.MaxSketches"/> rows of a grid, for how alike the trials traded; null for the others.
    /// </summary>
    [JsonIgnore]
    public double[]? ReturnSketch { get; init; }

    /// <summary>What financing positions held overnight cost (negative) or earned, counted in the final value; null for a failed row.</summary>
    public decimal? Financing { get; init; }

    /// <summary>What idle cash earned in interest (negative at a negative rate), counted in the final value; null for a failed row.</summary>
    public decimal? Interest { get; init; }

    /// <summary>What every fill paid in commission, counted in the final value; null for a failed row.</summary>
    public decimal? Commission { get; init; }

    /// <summary>What slippage and market impact cost every fill, inside their prices and so in the final value; null for a failed row.</summary>
    public decimal? Slippage { get; init; }

    /// <summary>
    /// The fills of each signal source that filled anything, by source name: hmm-regime's own and its fallback
    /// sma-cross's ("hmm-regime:fallback"), so a row that traded on the fallback is not read as the model's.
    /// </summary>
    public IReadOnlyDictionary<string, long> FillsBySource { get; init; } = EmptyFills;

    private static readonly IReadOnlyDictionary<string, long> EmptyFills = new Dictionary<string, long>();

    /// <summary>
    /// What the run reported besides its orders, counted by code (<see cref="BacktestResult.NoticeCounts"/>): a grid that
    /// stopped at its bound, hmm-regime's fallback, a breaker's trips. A backtest of the row lists them with times.
    /// </summary>
    public IReadOnlyDictionary<string, int> NoticeCounts { get; init; } = EmptyNotices;

    private static readonly IReadOnlyDictionary<string, int> EmptyNotices = new Dictionary<string, int>();

    /// <summary>Round trips the run closed (flat to flat, every source's), what <see cref="OptimizationConstraints.MinTrades"/> counts.</summary>
    public long RoundTrips { get; init; }

    /// <summary>
    /// The constraint the row misses (<see cref="OptimizationConstraints.Missed"/>), so it ranks after every row that
    /// meets them; null when it meets them, when none were set, or when it did not run.
    /// </summary>
    public string? Missed { get; init; }

    /// <summary>Orders the venue rejected (not enough cash, a cash account's short sale): entries the row's result lacks.</summary>
    public long OrdersRejected { get; init; }

    /// <summary>Total return over max drawdown; null without a drawdown (or for a failed row).</summary>
    public decimal? ReturnOverDrawdown => TotalReturn is { } r && MaxDrawdown is > 0m and var dd ? r / dd : null;

    /// <summary>
    /// The parameter whose check refused the combination (the first problem's key, e.g. "params.fastLong"): the strategy
    /// could not be built with it, so it was never run. Null for a combination that ran (or failed while running).
    /// </summary>
    [JsonIgnore]
    public string? RefusedBy { get; init; }

    [JsonIgnore]
    public bool Ok => Error is null;
}
