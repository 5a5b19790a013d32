using System.Globalization;
using Bulwark.Core.Indicators;

namespace Bulwark.Core.Strategies;

/// <summary>
/// What the strategies trading the turns of a moving average of the closes share (<see cref="KamaOptions"/>,
/// <see cref="HullOptions"/>): the average turns up once it has risen from its low since it last turned down by more
/// than <see cref="Filter"/> population standard deviations of its last <see cref="FilterPeriod"/> one-bar changes, and
/// down once it has fallen as far from its high (Kaufman's filter; 0, the default, turns on any move, and he used 0.1
/// to 1). See <see cref="AverageTurns"/>.
/// </summary>
public abstract record AverageTurnOptions : TurnOptions
{
    /// <summary>The longest period, in bars.</summary>
    public const int MaxPeriod = StrategyProblem.MaxPeriod;

    /// <summary>The largest filter, in standard deviations: beyond it the average would all but never turn.</summary>
    public const decimal MaxFilter = 10m;

    /// <summary>The turn's threshold in standard deviations of the average's recent changes; 0: any move turns it.</summary>
    public decimal Filter { get; init; }

    /// <summary>The one-bar changes of the average the standard deviation is over (the bar's own included).</summary>
    public int FilterPeriod { get; init; } = 20;

    /// <summary>The bars until the average is ready.</summary>
    public abstract int AverageBars { get; }

    /// <summary>
    /// The bars until the trend has its first direction: the average's warm-up, one more for its first change, and with
    /// a filter its <see cref="FilterPeriod"/> changes for the standard deviation.
    /// </summary>
    public int BarsToDirection => AverageBars + (Filter > 0m ? FilterPeriod : 1);

    /// <summary>A new, empty average of the kind and periods these options name.</summary>
    public abstract IMovingAverage NewAverage();

    /// <summary>Adds the problems of the filter, after those of the average's own periods.</summary>
    private protected void AddFilterProblems(List<StrategyProblem> problems)
    {
        var inv = CultureInfo.InvariantCulture;
        if (FilterPeriod is < 2 or > MaxPeriod)
            problems.Add(new("filterPeriod", string.Create(inv, $"must be from 2 to {MaxPeriod} changes (one has no deviation), got {FilterPeriod}")));
        if (Filter is < 0m or > MaxFilter)
            problems.Add(new("filter", string.Create(inv, $"must be from 0 to {MaxFilter} standard deviations, got {Filter}")));
    }

    /// <summary>The problem with a period outside 1 to <see cref="MaxPeriod"/> bars; null when it is fine.</summary>
    private protected static StrategyProblem? PeriodProblem(string name, int value) => StrategyProblem.OfPeriod(name, value);
}
