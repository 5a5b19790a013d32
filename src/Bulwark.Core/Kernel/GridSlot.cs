using Bulwark.Core.Orders;

namespace Bulwark.Core.Kernel;

/// <summary>One grid level's resting order. Immutable: the projector replaces it.</summary>
public sealed record GridSlot(int Level, string ClientOrderId, OrderSide Side, decimal Price, decimal Quantity);
