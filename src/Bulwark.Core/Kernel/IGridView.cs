namespace Bulwark.Core.Kernel;

/// <summary>What a strategy may read of its journaled grid (it changes it only by recording grid events).</summary>
public interface IGridView
{
    string Source { get; }
    string Symbol { get; }

    /// <summary>False once stopped (outside the bounds): nothing rests and nothing is placed until a rebuild.</summary>
    bool Active { get; }

    decimal Center { get; }

    /// <summary>Distance between two adjacent levels; level k is at Center + k * Step.</summary>
    decimal Step { get; }

    int LevelsPerSide { get; }

    /// <summary>The symbol's position when the grid was last built.</summary>
    decimal BaseInventory { get; }

    /// <summary>Signed quantity the grid's own orders filled since it was last built.</summary>
    decimal FilledInventory { get; }

    /// <summary>The position the grid's fills imply: <see cref="BaseInventory"/> + <see cref="FilledInventory"/>.</summary>
    decimal ImpliedInventory { get; }

    /// <summary>Times the grid was built (1 after the first build).</summary>
    long Builds { get; }

    /// <summary>Resting orders by level (negative below the center).</summary>
    IReadOnlyDictionary<int, GridSlot> Slots { get; }

    /// <summary>Levels waiting for an order that could not be placed when it was due (never a level in <see cref="Slots"/>).</summary>
    IReadOnlyDictionary<int, GridDeferral> Deferred { get; }

    /// <summary>The level an order of the current build rests at, or null.</summary>
    int? LevelOf(string clientOrderId);
}
