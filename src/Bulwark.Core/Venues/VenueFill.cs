using Bulwark.Core.Orders;

namespace Bulwark.Core.Venues;

/// <summary>One execution as the venue reports it. (Venue, VenueTradeId) identifies it for ever.</summary>
public sealed record VenueFill(
    string VenueTradeId,
    string ClientOrderId,
    string VenueOrderId,
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    decimal Price,
    decimal Commission,
    DateTimeOffset Time)
{
    /// <summary>
    /// What slippage (and market impact) cost the fill against the price the venue matched it at before them — the bar's
    /// open or a stop's level for the paper venue — in money: the price difference, adverse positive, times the quantity
    /// and the contract multiplier. 0 when none was applied, and from a venue that does not know it (a broker's fill).
    /// </summary>
    public decimal Slippage { get; init; }
}
