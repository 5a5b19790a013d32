using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Backtest.Workflows;

/// <summary>
/// One isolated part of a multi-asset backtest: its own bars, its own strategies (built inside the run, so a strategy
/// that cannot be built fails only this workflow) and its own account.
/// </summary>
public sealed record BacktestWorkflow(
    string Name,
    IReadOnlyList<Bar> Bars,
    Func<IReadOnlyList<string>, IReadOnlyList<IStrategy>> Strategies,
    BacktestOptions Options)
{
    /// <summary>The symbols the workflow trades, in the order of its instruments.</summary>
    public IReadOnlyList<string> Symbols => [.. Options.Instruments.Keys];
}
