using Bulwark.Core.Orders;

namespace Bulwark.Venues.Tests.Paper.Property;

/// <summary>
/// One random step. Prices are in ticks away from the symbol's base price; quantities and volumes in lots.
/// Submit: Side, Type, Tif, Lots, A = limit offset, B = stop offset. Bar: A = open, B = close, C = up, D = down
/// offsets, Lots = volume. Cancel: Lots picks an earlier order.
/// </summary>
public sealed record ScenarioStep(StepKind Kind, int Symbol, OrderSide Side, OrderType Type, TimeInForce Tif, int Lots,
    int A, int B, int C, int D);
