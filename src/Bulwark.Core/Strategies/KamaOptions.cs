using System.Globalization;
using Bulwark.Core.Indicators;

namespace Bulwark.Core.Strategies;

/// <summary>
/// The trend of <see cref="KamaStrategy"/>: Kaufman's adaptive average of the closes (<see cref="Period"/> bars of
/// efficiency ratio, smoothing between the EMA factors of <see cref="FastPeriod"/> and <see cref="SlowPeriod"/> closes:
/// 10, 2 and 30, as he set them), up once it has risen from its low since it last turned down by more than
/// <see cref="Filter"/> standard deviations of its last <see cref="FilterPeriod"/> one-bar changes, down once it has
/// fallen as far from its high (Kaufman's filter; 0, the default, turns on any move, and he used 0.1 to 1).
/// <see cref="TurnOptions.TrendPeriod"/> takes long turns only above the average of that many closes (simple,
/// exponential, weighted, Hull's or adaptive with <see cref="TurnOptions.TrendAverage"/>) and short ones only below.
/// </summary>
public sealed record KamaOptions : TurnOptions
{
    /// <summary>The longest period, in bars.</summary>
    public const int MaxPeriod = 100_000;

    /// <summary>The largest filter, in standard deviations: beyond it the average would all but never turn.</summary>
    public const decimal MaxFilter = 10m;

    public int Period { get; init; } = 10;

    public int FastPeriod { get; init; } = AdaptiveMovingAverage.DefaultFastPeriod;

    public int SlowPeriod { get; init; } = AdaptiveMovingAverage.DefaultSlowPeriod;

    public decimal Filter { get; init; }

    public int FilterPeriod { get; init; } = 20;

    /// <summary>
    /// The bars until the trend has its first direction: the average's period and one bar to be ready, one more for its
    /// first change, and with a filter its <see cref="FilterPeriod"/> changes for the standard deviation.
    /// </summary>
    public int BarsToDirection => Period + 1 + (Filter > 0m ? FilterPeriod : 1);

    private protected override void AddLineProblems(List<StrategyProblem> problems)
    {
        var inv = CultureInfo.InvariantCulture;
        (string Name, int Value)[] periods = [("period", Period), ("fastPeriod", FastPeriod), ("slowPeriod", SlowPeriod)];
        foreach (var (name, value) in periods)
        {
            if (value is < 1 or > MaxPeriod) problems.Add(new(name, string.Create(inv, $"must be from 1 to {MaxPeriod} bars, got {value}")));
        }
        if (FilterPeriod is < 2 or > MaxPeriod)
            problems.Add(new("filterPeriod", string.Create(inv, $"must be from 2 to {MaxPeriod} changes (one has no deviation), got {FilterPeriod}")));
        if (Filter is < 0m or > MaxFilter)
            problems.Add(new("filter", string.Create(inv, $"must be from 0 to {MaxFilter} standard deviations, got {Filter}")));
        if (problems.Count == 0 && FastPeriod >= SlowPeriod)
            problems.Add(new("fastPeriod", string.Create(inv, $"must be below slowPeriod {SlowPeriod}, got {FastPeriod}")));
    }
}
