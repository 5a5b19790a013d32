using Bulwark.Core.Kernel.Events;

namespace Bulwark.Core.Kernel;

/// <summary>The part of <see cref="StateProjector"/> that applies grid events to <see cref="KernelState.Grids"/>.</summary>
internal static class GridProjection
{
    public static void Apply(KernelState s, GridEvent e)
    {
        var key = GridBook.Key(e.Source, e.Symbol);
        if (e is GridBuilt b)
        {
            if (!s.Grids.TryGetValue(key, out var grid)) s.Grids[key] = grid = new GridBook { Source = b.Source, Symbol = b.Symbol };
            grid.Active = true;
            grid.Center = b.Center;
            grid.Step = b.Step;
            grid.LevelsPerSide = b.LevelsPerSide;
            grid.BaseInventory = b.BaseInventory;
            grid.FilledInventory = 0m;
            grid.Builds++;
            grid.Levels.Clear();
            grid.DeferredLevels.Clear();
            return;
        }
        if (!s.Grids.TryGetValue(key, out var g))
            throw new InvalidOperationException($"{e.GetType().Name} for grid {key}, which was never built.");
        switch (e)
        {
            case GridLevelPlaced p:
                if (!g.Active) throw new InvalidOperationException($"Order {p.ClientOrderId} placed on stopped grid {key}.");
                if (!g.Levels.TryAdd(p.Level, new GridSlot(p.Level, p.ClientOrderId, p.Side, p.Price, p.Quantity)))
                    throw new InvalidOperationException($"Level {p.Level} of grid {key} already holds {g.Levels[p.Level].ClientOrderId}.");
                g.DeferredLevels.Remove(p.Level); // the order the level waited for, if it did
                break;
            case GridLevelDeferred d:
                if (!g.Active) throw new InvalidOperationException($"Level {d.Level} deferred on stopped grid {key}.");
                if (g.Levels.ContainsKey(d.Level) || !g.DeferredLevels.TryAdd(d.Level,
                        new GridDeferral(d.Level, d.Side, d.Quantity) { RetryAfterFills = d.RetryAfterFills, RetryAt = d.RetryAt }))
                    throw new InvalidOperationException($"Level {d.Level} of grid {key} already holds or awaits an order.");
                break;
            case GridFillRecorded f:
                g.FilledInventory += f.SignedQuantity;
                break;
            case GridLevelCleared c:
                if (!g.Levels.TryGetValue(c.Level, out var slot) || slot.ClientOrderId != c.ClientOrderId)
                    throw new InvalidOperationException($"Level {c.Level} of grid {key} does not hold {c.ClientOrderId}.");
                g.Levels.Remove(c.Level);
                break;
            case GridStopped:
                g.Active = false;
                g.Levels.Clear();
                g.DeferredLevels.Clear();
                break;
            default:
                throw new InvalidOperationException($"No projection for grid event {e.GetType().Name}.");
        }
    }
}
