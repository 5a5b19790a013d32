namespace Bulwark.Core.Reconciliation;

/// <summary>
/// Engine vs venue: the positions and open orders of each side and what differs (<see cref="Discrepancies"/>: trading
/// stops until someone looks), and the cash of each side (a difference is a <see cref="Warnings"/> entry: reported, not
/// halted on, since a deposit, a dividend or a fee moves the venue's cash without an order).
/// </summary>
public sealed record ReconciliationReport(
    DateTimeOffset Time,
    bool InSync,
    IReadOnlyList<string> Discrepancies,
    IReadOnlyList<PositionComparison> Positions,
    IReadOnlyList<string> EngineOpenOrders,
    IReadOnlyList<string> VenueOpenOrders)
{
    public decimal EngineCash { get; init; }

    /// <summary>The venue's cash; null when the venue cannot tell.</summary>
    public decimal? VenueCash { get; init; }

    /// <summary>Differences reported without halting: the cash.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
