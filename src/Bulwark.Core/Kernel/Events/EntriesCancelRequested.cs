namespace Bulwark.Core.Kernel.Events;

/// <summary>
/// The operator's kill or reduce asked for the working orders that would add to a position to be canceled
/// (<c>--cancel-entries</c>). Journaled, so a bot that was stopped when it was asked cancels them at its next start,
/// once reconciled, until <see cref="EntriesCanceled"/>.
/// </summary>
public sealed record EntriesCancelRequested(string Reason) : BotEvent;
