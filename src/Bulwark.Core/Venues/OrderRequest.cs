using Bulwark.Core.Orders;

namespace Bulwark.Core.Venues;

/// <summary>What the engine asks a venue to do. Quantity is positive; the side gives the direction.</summary>
public sealed record OrderRequest(
    string ClientOrderId,
    string Symbol,
    OrderSide Side,
    OrderType Type,
    TimeInForce TimeInForce,
    decimal Quantity,
    decimal? LimitPrice = null,
    decimal? StopPrice = null);
