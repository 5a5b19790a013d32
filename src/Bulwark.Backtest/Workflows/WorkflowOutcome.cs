namespace Bulwark.Backtest.Workflows;

/// <summary>What one workflow came to: its result, or the failure that stopped it (never both).</summary>
public sealed record WorkflowOutcome(string Name, IReadOnlyList<string> Symbols, BacktestResult? Result, string? Failure)
{
    public bool Succeeded => Result is not null;
}
