using Bulwark.Core.Orders;

namespace Bulwark.Core.Kernel;

/// <summary>
/// A grid level waiting for its order: a replacement (the other half of a fill) that could not be placed when it was
/// due. The grid places it on a later bar once nothing stops it. Immutable: the projector replaces it.
/// </summary>
public sealed record GridDeferral(int Level, OrderSide Side, decimal Quantity);
