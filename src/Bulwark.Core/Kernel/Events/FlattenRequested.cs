namespace Bulwark.Core.Kernel.Events;

/// <summary>
/// The operator asked the bot to close every position and cancel every working order. Journaled, so the flatten goes on
/// after a restart until <see cref="FlattenCompleted"/>, or until the operator resumes or kills the bot.
/// </summary>
public sealed record FlattenRequested(string Reason) : BotEvent;
