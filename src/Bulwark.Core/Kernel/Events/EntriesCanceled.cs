namespace Bulwark.Core.Kernel.Events;

/// <summary>The cancels <see cref="EntriesCancelRequested"/> asked for went out: <paramref name="Orders"/> working orders that would add.</summary>
public sealed record EntriesCanceled(string Reason, int Orders) : BotEvent;
