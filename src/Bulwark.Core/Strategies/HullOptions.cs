using Bulwark.Core.Indicators;

namespace Bulwark.Core.Strategies;

/// <summary>
/// The trend of <see cref="HullStrategy"/>: Hull's moving average of the last <see cref="Period"/> closes (20 by
/// default), up once it has risen from its low since it last turned down by more than
/// <see cref="AverageTurnOptions.Filter"/> standard deviations of its last
/// <see cref="AverageTurnOptions.FilterPeriod"/> one-bar changes, down once it has fallen as far from its high (0, the
/// default, turns on any move). <see cref="TurnOptions.TrendPeriod"/> takes long turns only above the average of that
/// many closes (simple, or any other <see cref="TurnOptions.TrendAverage"/>) and short ones only below.
/// </summary>
public sealed record HullOptions : AverageTurnOptions
{
    public int Period { get; init; } = 20;

    /// <summary>The period and √period - 1 bars more, for the final smoothing.</summary>
    public override int AverageBars => HullMovingAverage.BarsToReadyOf(Period);

    public override IMovingAverage NewAverage() => new HullMovingAverage(Period);

    private protected override void AddLineProblems(List<StrategyProblem> problems)
    {
        if (PeriodProblem("period", Period) is { } period) problems.Add(period);
        AddFilterProblems(problems);
    }
}
