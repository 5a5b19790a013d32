namespace Bulwark.Core.Reconciliation;

public sealed record PositionComparison(string Symbol, decimal EngineQuantity, decimal VenueQuantity)
{
    public bool Matches => EngineQuantity == VenueQuantity;
}
