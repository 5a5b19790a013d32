namespace Bulwark.Core.Kernel.Events;

/// <summary>
/// The operator's flatten is done: no position is held and no order is working (in <see cref="Symbol"/>, for a symbol's
/// flatten). <paramref name="Summary"/> says so.
/// </summary>
public sealed record FlattenCompleted(string Summary) : BotEvent
{
    /// <summary>The symbol whose flatten is done; null for the whole bot's.</summary>
    public string? Symbol { get; init; }
}
