namespace Bulwark.Core.Kernel.Events;

/// <summary>
/// A margined (futures-like) position of <paramref name="Symbol"/> marked to <paramref name="Price"/>, a bar's close:
/// its open PnL since the last settlement moves into cash. Emitted only for open margined positions.
/// </summary>
public sealed record VariationMarginSettled(string Symbol, decimal Price) : BotEvent;
