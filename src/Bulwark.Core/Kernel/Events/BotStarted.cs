namespace Bulwark.Core.Kernel.Events;

/// <summary>The kernel started (or restarted) after recovering <paramref name="ReplayedEvents"/> events.</summary>
public sealed record BotStarted(string BotId, long ReplayedEvents, long SnapshotSequence) : BotEvent;
