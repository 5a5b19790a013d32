using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Strategies;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>The grid running in a real kernel against the fake venue: what it places, replaces, stops and rebuilds.</summary>
public sealed class GridStrategyTests
{
    private static Task<KernelHarness> StartAsync(GridOptions options) => GridSteps.StartAsync(options);

    private static GridBook Grid(KernelHarness h) => h.State.GridOf("grid", "AAPL")!;

    private static (OrderSide, decimal, decimal)[] Resting(KernelHarness h) =>
        [.. Grid(h).Levels.Values.OrderBy(l => l.Price).Select(l => (l.Side, l.Quantity, l.Price))];

    private static async Task BarAsync(KernelHarness h, decimal close)
    {
        await h.BarAsync("AAPL", close);
        await h.SettleAsync();
    }

    private static async Task FillAsync(KernelHarness h, int level, decimal? quantity = null)
    {
        var slot = Grid(h).Levels[level];
        h.Venue.PushFill(slot.ClientOrderId, quantity ?? slot.Quantity, slot.Price);
        await h.SettleAsync();
    }

    [Fact]
    public async Task FirstBar_PlacesBuysBelowAndSellsAboveTheClose_ScaledOutwards()
    {
        await using var h = await StartAsync(new GridOptions { LevelsPerSide = 2, SpacingPercent = 1m, SizeScale = 2m });

        await BarAsync(h, 100m);

        var grid = Grid(h);
        Assert.Equal((true, 100m, 1m, 0m, 1L), (grid.Active, grid.Center, grid.Step, grid.ImpliedInventory, grid.Builds));
        Assert.Equal([(OrderSide.Buy, 2m, 98m), (OrderSide.Buy, 1m, 99m), (OrderSide.Sell, 1m, 101m), (OrderSide.Sell, 2m, 102m)], Resting(h));
        Assert.Equal(4, h.Venue.AllOrders.Count(o => o.Status == OrderStatus.Accepted));

        // A second bar inside the grid changes nothing: nothing is re-placed.
        await BarAsync(h, 100.5m);
        Assert.Equal(4, h.Venue.Submits.Count);
    }

    [Fact]
    public async Task FilledBuy_IsReplacedBySellOneLevelAbove_AndThatSellByTheBuyAgain()
    {
        await using var h = await StartAsync(new GridOptions { LevelsPerSide = 2, SpacingPercent = 1m });
        await BarAsync(h, 100m);

        await FillAsync(h, -1);

        Assert.Equal(1m, Grid(h).ImpliedInventory);
        Assert.False(Grid(h).Levels.ContainsKey(-1));
        var replacement = Grid(h).Levels[0];
        Assert.Equal((OrderSide.Sell, 1m, 100m), (replacement.Side, replacement.Quantity, replacement.Price));

        await FillAsync(h, 0);

        Assert.Equal(0m, Grid(h).ImpliedInventory);
        Assert.Equal((OrderSide.Buy, 99m), (Grid(h).Levels[-1].Side, Grid(h).Levels[-1].Price));
        Assert.Equal([-2, -1, 1, 2], Grid(h).Levels.Keys);
        Assert.Equal(h.State.PositionQuantity("AAPL"), Grid(h).ImpliedInventory);
    }

    [Fact]
    public async Task MaxInventory_LimitsWhatRests_CountingWorkingOrders()
    {
        await using var h = await StartAsync(new GridOptions { LevelsPerSide = 3, SpacingPercent = 1m, MaxInventory = 2m });
        await BarAsync(h, 100m);

        // Two units each way at most: the third level on each side is not placed.
        Assert.Equal([-2, -1, 1, 2], Grid(h).Levels.Keys);

        await FillAsync(h, -1);
        await FillAsync(h, -2);
        // Long 2 = the limit: no buy may rest; the two replacement sells reduce.
        Assert.Equal(2m, h.State.PositionQuantity("AAPL"));
        Assert.DoesNotContain(Grid(h).Levels.Values, l => l.Side == OrderSide.Buy);
    }

    [Fact]
    public async Task LongOnly_PlacesNoSellWithoutInventory()
    {
        await using var h = await StartAsync(new GridOptions { LevelsPerSide = 2, SpacingPercent = 1m, AllowShort = false });
        await BarAsync(h, 100m);

        Assert.Equal([-2, -1], Grid(h).Levels.Keys);
        await FillAsync(h, -1);
        Assert.Equal(OrderSide.Sell, Grid(h).Levels[0].Side);
    }

    [Fact]
    public async Task CloseOutsideTheBounds_CancelsEveryOrderAndStops_KeepsTheInventory_ThenRebuildsInside()
    {
        await using var h = await StartAsync(new GridOptions { LevelsPerSide = 2, SpacingPercent = 1m, LowerBound = 95m, UpperBound = 110m });
        await BarAsync(h, 100m);
        await FillAsync(h, -1);

        await BarAsync(h, 94m);

        Assert.False(Grid(h).Active);
        Assert.Empty(Grid(h).Levels);
        Assert.Equal("close 94 is below the lower bound 95", Assert.Single(h.EventsOf<GridStopped>()).Reason);
        Assert.DoesNotContain(h.Venue.AllOrders, o => o.Status.IsOpen());
        Assert.Equal(1m, h.State.PositionQuantity("AAPL")); // not liquidated

        await BarAsync(h, 93m);
        Assert.Single(h.EventsOf<GridStopped>());

        await BarAsync(h, 96m);
        var rebuilt = h.EventsOf<GridBuilt>()[^1];
        Assert.Equal((96m, 1m, "the close is back inside the bounds"), (rebuilt.Center, rebuilt.BaseInventory, rebuilt.Reason));
        // Levels beyond the bounds are not placed: 94.08 is below 95.
        Assert.Equal([(OrderSide.Buy, 1m, 95.04m), (OrderSide.Sell, 1m, 96.96m), (OrderSide.Sell, 1m, 97.92m)], Resting(h));
    }

    [Fact]
    public async Task FirstClosesOutsideTheBounds_AreNotedOnce_ThenTheGridIsBuiltAtTheFirstCloseInside()
    {
        await using var h = await StartAsync(new GridOptions { LevelsPerSide = 1, SpacingPercent = 1m, UpperBound = 110m });

        await BarAsync(h, 120m);
        await BarAsync(h, 115m);

        Assert.Null(h.State.GridOf("grid", "AAPL"));
        Assert.Empty(h.Venue.Submits);
        var waiting = Assert.Single(h.EventsOf<AlertRaised>(), a => a.Code == "GridWaiting");
        Assert.Equal((AlertSeverity.Info, "grid: AAPL: close 120 is above the upper bound 110; the grid is built at the first close inside its bounds"),
            (waiting.Severity, waiting.Message));

        await BarAsync(h, 105m);
        Assert.Equal((105m, "first build"), (Grid(h).Center, h.EventsOf<GridBuilt>().Single().Reason));
        Assert.Single(h.EventsOf<AlertRaised>(), a => a.Code == "GridWaiting");
    }

    [Fact]
    public async Task PositionDriftingFromTheGridsFills_RebuildsAroundTheLastClose()
    {
        await using var h = await StartAsync(new GridOptions { LevelsPerSide = 1, SpacingPercent = 1m, DriftTolerance = 2m, MaxInventory = 20m });
        await BarAsync(h, 100m);
        var first = h.Venue.Submits.Select(s => s.ClientOrderId).ToList();

        // Another source buys 10 outside the grid: the position no longer is what the grid's fills imply.
        await h.OpenAsync("manual", "AAPL", SignalDirection.Long, 102m);
        await BarAsync(h, 102m);

        var rebuilt = h.EventsOf<GridBuilt>()[^1];
        Assert.StartsWith("drift: position 10", rebuilt.Reason, StringComparison.Ordinal);
        Assert.Equal((102m, 10m, 2L), (rebuilt.Center, rebuilt.BaseInventory, Grid(h).Builds));
        Assert.All(first, id => Assert.Equal(OrderStatus.Canceled, h.Venue.Order(id)!.Status));
        Assert.Equal([(OrderSide.Buy, 1m, 100.98m), (OrderSide.Sell, 1m, 103.02m)], Resting(h));
        Assert.Equal(0m, h.State.PositionQuantity("AAPL") - Grid(h).ImpliedInventory);
    }

    [Fact]
    public async Task AtrSpacing_WaitsForTheAtr_AndBiasMovesTheCenterWithTheEmaSlope()
    {
        await using var h = await StartAsync(new GridOptions
        {
            LevelsPerSide = 1, AtrMultiple = 2m, AtrPeriod = 2, BiasPeriod = 2, BiasStrength = 3m,
        });
        await h.BarAsync("AAPL", high: 101m, low: 99m, close: 100m);
        await h.BarAsync("AAPL", high: 103m, low: 101m, close: 102m);
        await h.SettleAsync();
        Assert.Null(h.State.GridOf("grid", "AAPL")); // EMA(2) seeded at the second bar: no slope yet

        await h.BarAsync("AAPL", high: 105m, low: 103m, close: 104m);
        await h.SettleAsync();

        // EMA(2): seeded at 101 on the second bar, then 101 + 2/3 * (104 - 101) = 103: a change of 2, times strength 3.
        var grid = Grid(h);
        Assert.Equal(104m + (3m * 2m), grid.Center);
        // True ranges 2, 3, 3: ATR(2) = (2 + 3) / 2 = 2.5, then (2.5 * 1 + 3) / 2 = 2.75; times the multiple 2.
        Assert.Equal(2m * 2.75m, grid.Step);
    }
}
