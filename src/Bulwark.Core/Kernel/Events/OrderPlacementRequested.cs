using Bulwark.Core.Orders;

namespace Bulwark.Core.Kernel.Events;

/// <summary>
/// The audit record of a strategy asking for a resting limit order of its own (not a signal): journaled before the
/// order checks, so a refused request is on the record too. <paramref name="Tag"/> is the strategy's label (e.g. a grid level).
/// </summary>
public sealed record OrderPlacementRequested(
    string RequestId,
    string Source,
    string Symbol,
    OrderSide Side,
    decimal Quantity,
    decimal LimitPrice,
    string Tag) : BotEvent;
