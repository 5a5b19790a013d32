namespace Bulwark.Core.Strategies;

/// <summary>
/// Why a strategy cannot be built as configured: <see cref="Key"/> names what is wrong relative to the strategy's
/// configuration entry (e.g. "params.period", "name"), <see cref="Message"/> says how.
/// </summary>
public sealed record StrategyProblem(string Key, string Message)
{
    public override string ToString() => $"{Key}: {Message}";
}
