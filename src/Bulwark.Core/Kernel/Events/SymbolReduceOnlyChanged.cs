namespace Bulwark.Core.Kernel.Events;

/// <summary>
/// The operator made one symbol reduce-only (<paramref name="ReduceOnly"/>), or lifted that: while it holds, no position is
/// opened or added to in <paramref name="Symbol"/>, whatever the bot's own trading state, and closing still goes out.
/// Lifting it also ends a flatten of the symbol under way.
/// </summary>
public sealed record SymbolReduceOnlyChanged(string Symbol, bool ReduceOnly, string Reason) : BotEvent;
