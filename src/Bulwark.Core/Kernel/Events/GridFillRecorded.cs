namespace Bulwark.Core.Kernel.Events;

/// <summary>
/// A fill of one of the grid's orders (of this build or an earlier one) moved the inventory the grid implies by
/// <paramref name="SignedQuantity"/> (+ bought, - sold).
/// </summary>
public sealed record GridFillRecorded(string Source, string Symbol, string ClientOrderId, decimal SignedQuantity)
    : GridEvent(Source, Symbol);
