using Bulwark.Core.Orders;

namespace Bulwark.Core.Strategies;

/// <summary>
/// The grid's arithmetic, free of state: where the center and the levels are, how much each level holds, and whether
/// an order keeps the inventory within its limit. Level k (negative below the center) is at center + k * step.
/// </summary>
public static class GridLevels
{
    /// <summary>
    /// The center: <paramref name="anchor"/> (the last close or the configured center) moved by
    /// <paramref name="biasStrength"/> times the EMA's latest change <paramref name="emaChange"/>, on the tick.
    /// </summary>
    public static decimal Center(decimal anchor, decimal emaChange, decimal biasStrength, decimal tick) =>
        Math.Max(tick, RoundToTick(anchor + (biasStrength * emaChange), tick));

    /// <summary>The distance between levels: a percentage of the center or a multiple of the ATR, at least one tick, rounded up to it.</summary>
    public static decimal Step(GridOptions options, decimal center, decimal atr, decimal tick)
    {
        var raw = options.EffectiveSpacingPercent is { } percent ? center * percent / 100m : options.AtrMultiple!.Value * atr;
        return Math.Max(tick, Math.Ceiling(raw / tick) * tick);
    }

    public static decimal PriceAt(decimal center, decimal step, int level) => center + (level * step);

    /// <summary>Quantity of a level <paramref name="distance"/> levels from the center (1 = next to it), rounded down to lots.</summary>
    public static decimal QuantityAt(GridOptions options, int distance, decimal lotSize)
    {
        var quantity = options.Size;
        for (var d = 1; d < distance; d++) quantity *= options.SizeScale;
        return decimal.Truncate(quantity / lotSize) * lotSize;
    }

    /// <summary>True when <paramref name="price"/> is within the grid's bounds (inclusive).</summary>
    public static bool InBounds(GridOptions options, decimal price) =>
        price > 0m && (options.LowerBound is not { } lower || price >= lower) && (options.UpperBound is not { } upper || price <= upper);

    /// <summary>
    /// Whether another order of <paramref name="quantity"/> keeps the position within the limit even if it and every
    /// working grid order on its side (<paramref name="openSameSide"/>) fill: long at most <paramref name="maxInventory"/>,
    /// short at most as much when shorting is allowed, never short otherwise.
    /// </summary>
    public static bool MayAdd(GridOptions options, decimal maxInventory, OrderSide side, decimal position, decimal openSameSide, decimal quantity) =>
        side == OrderSide.Buy
            ? position + openSameSide + quantity <= maxInventory
            : position - openSameSide - quantity >= (options.AllowShort ? -maxInventory : 0m);

    private static decimal RoundToTick(decimal price, decimal tick) => Math.Round(price / tick, MidpointRounding.AwayFromZero) * tick;
}
