namespace Bulwark.Core.Reconciliation;

/// <summary>Engine vs venue: the positions and open orders of each side and what differs.</summary>
public sealed record ReconciliationReport(
    DateTimeOffset Time,
    bool InSync,
    IReadOnlyList<string> Discrepancies,
    IReadOnlyList<PositionComparison> Positions,
    IReadOnlyList<string> EngineOpenOrders,
    IReadOnlyList<string> VenueOpenOrders);
