using Bulwark.Core.Kernel;
using Bulwark.Core.Strategies;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>Steps the grid tests share: a grid of source "grid" on AAPL in a <see cref="KernelHarness"/>.</summary>
internal static class GridSteps
{
    public static readonly GridOptions TwoLevels = new() { LevelsPerSide = 2, SpacingPercent = 1m };

    /// <summary>A kernel running one grid, source "grid", on AAPL.</summary>
    public static async Task<KernelHarness> StartAsync(GridOptions options) =>
        await KernelHarness.StartAsync(strategies: [new GridStrategy("grid", ["AAPL"], options)]);

    public static GridBook Grid(KernelHarness h) => h.State.GridOf("grid", "AAPL")!;

    /// <summary>Moves the clock <paramref name="minutes"/> on, then one AAPL bar closing at <paramref name="close"/>, settled.</summary>
    public static async Task BarAsync(KernelHarness h, decimal close, int minutes = 1)
    {
        h.Time.Advance(TimeSpan.FromMinutes(minutes));
        await h.BarAsync("AAPL", close);
        await h.SettleAsync();
    }

    /// <summary>The venue fills the whole order resting at <paramref name="level"/>, at its price.</summary>
    public static async Task FillAsync(KernelHarness h, int level)
    {
        var slot = Grid(h).Levels[level];
        h.Venue.PushFill(slot.ClientOrderId, slot.Quantity, slot.Price);
        await h.SettleAsync();
    }
}
