using Bulwark.Core.Journal;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Strategies;
using Bulwark.Core.Tests.TestSupport;
using static Bulwark.Core.Tests.Strategies.GridSteps;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// A replacement (the other half of a fill) that cannot be placed when it is due waits, journaled, at its level and is
/// placed once on a later bar when nothing stops it any more: not asked for on every bar meanwhile, not lost, not
/// placed twice across a restart.
/// </summary>
public sealed class GridDeferredReplacementTests
{
    private static GridStrategy NewGrid(GridOptions options) => new("grid", ["AAPL"], options);

    private static int PlacementsOf(KernelHarness h) =>
        h.EventsOf<OrderPlacementRequested>().Count + h.EventsOf<OrderPlacementDenied>().Count;

    /// <summary>Builds around 100 (buys 99, 98; sells 101, 102), turns reduce-only, and fills the buy at 99.</summary>
    private static async Task<KernelHarness> DeferredSellAtTheCenterAsync()
    {
        var h = await KernelHarness.StartAsync(strategies: [NewGrid(TwoLevels)]);
        await BarAsync(h, 100m);
        await h.SendAsync(new SetTradingState(TradingState.Reducing, "review"));
        await h.SettleAsync();
        await FillAsync(h, -1);
        return h;
    }

    [Fact]
    public async Task ReplacementDeniedWhileReduceOnly_WaitsWithoutAskingEveryBar_AndIsPlacedOnceTradingResumes()
    {
        await using var h = await DeferredSellAtTheCenterAsync();

        // Long 1 with the sells at 101 and 102 working: a sell at 100 could take the position short, so reduce-only denies it.
        var deferred = Assert.Single(h.EventsOf<GridLevelDeferred>());
        Assert.Equal((0, OrderSide.Sell, 1m, nameof(DenyReason.ReducingOnly)), (deferred.Level, deferred.Side, deferred.Quantity, deferred.Reason));
        Assert.Equal(new GridDeferral(0, OrderSide.Sell, 1m), Grid(h).Deferred[0]);
        Assert.False(Grid(h).Levels.ContainsKey(0));

        var asked = PlacementsOf(h);
        for (var i = 0; i < 5; i++) await BarAsync(h, 100.2m);
        Assert.Equal(asked, PlacementsOf(h));
        Assert.Single(Grid(h).Deferred);

        await h.SendAsync(new SetTradingState(TradingState.Active, "review done"));
        await BarAsync(h, 100.2m);

        var placed = Grid(h).Levels[0];
        Assert.Equal((OrderSide.Sell, 1m, 100m), (placed.Side, placed.Quantity, placed.Price));
        Assert.Empty(Grid(h).Deferred);
        Assert.Equal(OrderStatus.Accepted, h.Venue.Order(placed.ClientOrderId)!.Status);
        Assert.Equal(asked + 1, PlacementsOf(h));

        await BarAsync(h, 100.2m);
        Assert.Equal(asked + 1, PlacementsOf(h));

        // And the round trip goes on as usual: the sell at 100 fills, the buy goes back to 99.
        await FillAsync(h, 0);
        Assert.Equal((OrderSide.Buy, 99m), (Grid(h).Levels[-1].Side, Grid(h).Levels[-1].Price));
        Assert.Equal(0m, h.State.PositionQuantity("AAPL"));
    }

    [Fact]
    public async Task ReplacementOverTheInventoryLimit_WaitsUntilAnotherSourceReducesThePosition()
    {
        var options = new GridOptions { LevelsPerSide = 1, SpacingPercent = 1m, MaxInventory = 2m, DriftTolerance = 10m };
        await using var h = await KernelHarness.StartAsync(strategies: [NewGrid(options)]);
        await BarAsync(h, 100m); // buy 99, sell 101
        await h.OpenAsync("manual", "AAPL", SignalDirection.Long, 100m, target: 2m);
        await FillAsync(h, 1);

        // Long 1 with the buy at 99 working: a buy at 100 could make it 3, over the grid's limit of 2.
        var deferred = Assert.Single(h.EventsOf<GridLevelDeferred>());
        Assert.Equal((0, OrderSide.Buy, "inventory limit"), (deferred.Level, deferred.Side, deferred.Reason));
        var asked = PlacementsOf(h);
        await BarAsync(h, 100.5m);
        await BarAsync(h, 100.5m);
        Assert.Equal(asked, PlacementsOf(h));

        await h.SignalAsync("out", "AAPL", SignalDirection.Flat);
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("out"));
        h.Venue.PushFill(h.OrderOf("out"), 1m, 100.5m);
        await h.UntilAsync(() => h.State.PositionQuantity("AAPL") == 0m, "the manual sell");
        await BarAsync(h, 100.5m);

        Assert.Equal((OrderSide.Buy, 100m), (Grid(h).Levels[0].Side, Grid(h).Levels[0].Price));
        Assert.Empty(Grid(h).Deferred);
        Assert.Equal(asked + 1, PlacementsOf(h));
    }

    [Fact]
    public async Task Restart_WithAReplacementWaiting_KeepsItWaiting_AndPlacesItExactlyOnce()
    {
        await using var h = await DeferredSellAtTheCenterAsync();
        var sequence = h.State.OrderSequence;

        await h.RestartAsync(strategies: [NewGrid(TwoLevels)]);
        Assert.Equal(new GridDeferral(0, OrderSide.Sell, 1m), Grid(h).Deferred[0]);
        await BarAsync(h, 100.2m);
        Assert.Equal(sequence, h.State.OrderSequence); // still reduce-only: nothing asked for

        await h.SendAsync(new SetTradingState(TradingState.Active, "review done"));
        await BarAsync(h, 100.2m);
        Assert.Equal(sequence + 1, h.State.OrderSequence);
        var placed = Grid(h).Levels[0].ClientOrderId;

        await h.RestartAsync(strategies: [NewGrid(TwoLevels)]);
        await BarAsync(h, 100.2m);

        Assert.Equal(sequence + 1, h.State.OrderSequence);
        Assert.Empty(Grid(h).Deferred);
        Assert.Equal(placed, Grid(h).Levels[0].ClientOrderId);
        Assert.Equal(1, h.Venue.Submits.Count(s => s.LimitPrice == 100m && s.Side == OrderSide.Sell));
        Assert.Equal(Grid(h).Levels.Values.Select(l => l.ClientOrderId).Order(StringComparer.Ordinal),
            h.Venue.AllOrders.Where(o => o.Status.IsOpen()).Select(o => o.ClientOrderId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DeferredLevel_RoundTripsThroughTheSnapshotJson_AndItsEventThroughTheJournalCodec()
    {
        await using var h = await DeferredSellAtTheCenterAsync();

        var json = KernelStateJson.Serialize(h.State);
        var restored = KernelStateJson.Deserialize(json);
        Assert.Equal(json, KernelStateJson.Serialize(restored));
        Assert.Equal(new GridDeferral(0, OrderSide.Sell, 1m), restored.GridOf("grid", "AAPL")!.Deferred[0]);

        var deferred = Assert.Single(h.EventsOf<GridLevelDeferred>());
        Assert.Equal(nameof(GridLevelDeferred), EventCodec.TypeName(deferred));
        Assert.Equal(deferred, EventCodec.Decode(EventCodec.Encode(deferred)));
    }
}
