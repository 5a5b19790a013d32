using Bulwark.Core.Orders;

namespace Bulwark.Core.Kernel.Events;

/// <summary>The grid's order <paramref name="ClientOrderId"/> now rests at <paramref name="Level"/>.</summary>
public sealed record GridLevelPlaced(string Source, string Symbol, int Level, string ClientOrderId, OrderSide Side,
    decimal Price, decimal Quantity) : GridEvent(Source, Symbol);
