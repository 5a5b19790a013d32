namespace Bulwark.Core.Kernel.Events;

/// <summary>
/// Engine vs venue comparison. Discrepancies (positions, open orders) are reported here, never silently fixed;
/// <see cref="Warnings"/> are differences reported without halting (the cash).
/// </summary>
public sealed record ReconciliationCompleted(bool InSync, IReadOnlyList<string> Discrepancies) : BotEvent
{
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
