using System.Text.Json.Serialization;

namespace Bulwark.Core.Kernel;

/// <summary>
/// One grid strategy's journaled state for one symbol: part of <see cref="KernelState"/> (so in snapshots), changed
/// only by <see cref="StateProjector"/> from grid events, read by the strategy through <see cref="IGridView"/>.
/// </summary>
public sealed class GridBook : IGridView
{
    public string Source { get; set; } = "";
    public string Symbol { get; set; } = "";
    public bool Active { get; set; }
    public decimal Center { get; set; }
    public decimal Step { get; set; }
    public int LevelsPerSide { get; set; }
    public decimal BaseInventory { get; set; }
    public decimal FilledInventory { get; set; }
    public long Builds { get; set; }

    /// <summary>Resting orders by level, in level order.</summary>
    public SortedDictionary<int, GridSlot> Levels { get; set; } = [];

    /// <summary>Levels waiting for an order that could not be placed when it was due, in level order.</summary>
    public SortedDictionary<int, GridDeferral> DeferredLevels { get; set; } = [];

    [JsonIgnore]
    public decimal ImpliedInventory => BaseInventory + FilledInventory;

    [JsonIgnore]
    public IReadOnlyDictionary<int, GridSlot> Slots => Levels;

    [JsonIgnore]
    public IReadOnlyDictionary<int, GridDeferral> Deferred => DeferredLevels;

    public int? LevelOf(string clientOrderId)
    {
        foreach (var slot in Levels.Values)
            if (slot.ClientOrderId == clientOrderId) return slot.Level;
        return null;
    }

    /// <summary>The key of a grid in <see cref="KernelState.Grids"/>.</summary>
    public static string Key(string source, string symbol) => $"{source}|{symbol}";
}
