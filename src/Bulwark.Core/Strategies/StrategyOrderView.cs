using Bulwark.Core.Orders;

namespace Bulwark.Core.Strategies;

/// <summary>A working order a strategy placed itself, as the engine knows it now.</summary>
public sealed record StrategyOrderView(
    string ClientOrderId,
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    decimal FilledQuantity,
    decimal? LimitPrice,
    OrderStatus Status,
    string? Tag);
