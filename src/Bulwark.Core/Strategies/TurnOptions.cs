namespace Bulwark.Core.Strategies;

/// <summary>
/// What the options of the strategies trading a line's turns share (<see cref="SupertrendOptions"/>,
/// <see cref="ParabolicSarOptions"/>, <see cref="AroonOptions"/>, <see cref="IchimokuOptions"/>,
/// <see cref="KamaOptions"/>, <see cref="HullOptions"/>): shorts, and the trend average entries must be on the right
/// side of.
/// </summary>
public abstract record TurnOptions
{
    /// <summary>Also trade the mirror image: short when the line turns down, covered when it turns back up.</summary>
    public bool AllowShort { get; init; }

    /// <summary>The bars of the trend average an entry must be on the right side of; null: none. Exits are never filtered.</summary>
    public int? TrendPeriod { get; init; }

    /// <summary>
    /// The kind of the <see cref="TrendPeriod"/> average: simple by default, or any other
    /// <see cref="Strategies.TrendAverage"/>.
    /// </summary>
    public TrendAverage TrendAverage { get; init; }

    /// <summary>Every problem, keyed by parameter name: the line's, then the trend average's; empty when valid.</summary>
    public IReadOnlyList<StrategyProblem> Validate()
    {
        var problems = new List<StrategyProblem>();
        AddLineProblems(problems);
        if (TrendSides.PeriodProblem(TrendPeriod) is { } trend) problems.Add(trend);
        return problems;
    }

    /// <summary>Adds the problems of the line's own parameters.</summary>
    private protected abstract void AddLineProblems(List<StrategyProblem> problems);
}
