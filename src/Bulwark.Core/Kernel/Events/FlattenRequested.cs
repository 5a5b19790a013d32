namespace Bulwark.Core.Kernel.Events;

/// <summary>
/// The operator asked the bot to close every position and cancel every working order, or only those of
/// <see cref="Symbol"/>. Journaled, so the flatten goes on after a restart until <see cref="FlattenCompleted"/>, or until
/// the operator resumes or kills the bot (a symbol's: until the operator resumes the symbol or kills the bot).
/// </summary>
public sealed record FlattenRequested(string Reason) : BotEvent
{
    /// <summary>The one symbol to flatten; null for every symbol (the whole bot, which also turns reduce-only).</summary>
    public string? Symbol { get; init; }
}
