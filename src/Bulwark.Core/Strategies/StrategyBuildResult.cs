using System.Diagnostics.CodeAnalysis;

namespace Bulwark.Core.Strategies;

/// <summary>What <see cref="StrategyCatalog.Build"/> made: the strategy, or every problem that prevented it.</summary>
public sealed record StrategyBuildResult(IStrategy? Strategy, IReadOnlyList<StrategyProblem> Problems)
{
    /// <summary>
    /// Every parameter of the strategy with the value it runs with, given or default, as text in the order the strategy
    /// reads them (e.g. period = 10): what a saved result needs to say to be run again. Empty for an unknown strategy.
    /// </summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    [MemberNotNullWhen(true, nameof(Strategy))]
    public bool Ok => Strategy is not null;
}
