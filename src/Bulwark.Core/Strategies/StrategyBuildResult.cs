using System.Diagnostics.CodeAnalysis;

namespace Bulwark.Core.Strategies;

/// <summary>What <see cref="StrategyCatalog.Build"/> made: the strategy, or every problem that prevented it.</summary>
public sealed record StrategyBuildResult(IStrategy? Strategy, IReadOnlyList<StrategyProblem> Problems)
{
    [MemberNotNullWhen(true, nameof(Strategy))]
    public bool Ok => Strategy is not null;
}
