using System.Globalization;
using Bulwark.Core.Indicators;

namespace Bulwark.Core.Strategies;

/// <summary>
/// The trend of <see cref="KamaStrategy"/>: Kaufman's adaptive average of the closes (<see cref="Period"/> bars of
/// efficiency ratio, smoothing between the EMA factors of <see cref="FastPeriod"/> and <see cref="SlowPeriod"/> closes:
/// 10, 2 and 30, as he set them), up once it has risen from its low since it last turned down by more than
/// <see cref="AverageTurnOptions.Filter"/> standard deviations of its last
/// <see cref="AverageTurnOptions.FilterPeriod"/> one-bar changes, down once it has fallen as far from its high
/// (Kaufman's filter; 0, the default, turns on any move, and he used 0.1 to 1). <see cref="TurnOptions.TrendPeriod"/>
/// takes long turns only above the average of that many closes (simple, or any other
/// <see cref="TurnOptions.TrendAverage"/>) and short ones only below.
/// </summary>
public sealed record KamaOptions : AverageTurnOptions
{
    public int Period { get; init; } = 10;

    public int FastPeriod { get; init; } = AdaptiveMovingAverage.DefaultFastPeriod;

    public int SlowPeriod { get; init; } = AdaptiveMovingAverage.DefaultSlowPeriod;

    /// <summary>The average's period and one bar more, for its first efficiency ratio.</summary>
    public override int AverageBars => Period + 1;

    public override IMovingAverage NewAverage() => new AdaptiveMovingAverage(Period, FastPeriod, SlowPeriod);

    private protected override void AddLineProblems(List<StrategyProblem> problems)
    {
        foreach (var problem in new[] { PeriodProblem("period", Period), PeriodProblem("fastPeriod", FastPeriod), PeriodProblem("slowPeriod", SlowPeriod) })
        {
            if (problem is not null) problems.Add(problem);
        }
        AddFilterProblems(problems);
        if (problems.Count == 0 && FastPeriod >= SlowPeriod)
            problems.Add(new("fastPeriod", string.Create(CultureInfo.InvariantCulture, $"must be below slowPeriod {SlowPeriod}, got {FastPeriod}")));
    }
}
