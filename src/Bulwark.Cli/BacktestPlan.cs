using Bulwark.Backtest;
using Bulwark.Core.Strategies;

namespace Bulwark.Cli;

/// <summary>
/// One backtest as `backtest` runs it, whether from --strategy or from a configured bot (--bot): the bars, the account
/// as given (for the output), the engine's options and the strategies, built once.
/// </summary>
/// <param name="Title">What the report and its heading call the run, e.g. "sma-cross on SPY".</param>
/// <param name="BotId">The configured bot tested, or null for a --strategy run.</param>
/// <param name="Run">What the run uses, shown with its results.</param>
internal sealed record BacktestPlan(string Title, string? BotId, BacktestInputs Inputs, AccountSettings Account,
    BacktestOptions Options, IReadOnlyList<IStrategy> Strategies, RunProvenance Run);
