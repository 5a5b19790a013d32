namespace Bulwark.Core.Kernel.Events;

/// <summary>
/// A strategy (signal source) threw while handling a bar of <see cref="Symbol"/>. The source is switched off for this
/// bot, and stays off across restarts, until trading is resumed; every other source goes on. What it had already
/// signalled stands, and its positions are left for the trader to decide on.
/// </summary>
public sealed record StrategyFailed(string Source, string Symbol, string Error) : BotEvent;
