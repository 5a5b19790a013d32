namespace Bulwark.Core.Kernel.Events;

/// <summary>Engine vs venue comparison. Discrepancies are reported here, never silently fixed.</summary>
public sealed record ReconciliationCompleted(bool InSync, IReadOnlyList<string> Discrepancies) : BotEvent;
