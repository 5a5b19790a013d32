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
    DateTimeOffset Time);
