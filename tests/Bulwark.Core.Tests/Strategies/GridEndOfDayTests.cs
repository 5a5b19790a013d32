using Bulwark.Core.Calendar;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Orders;
using Bulwark.Core.Strategies;
using Bulwark.Core.Tests.TestSupport;
using static Bulwark.Core.Tests.Strategies.GridSteps;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// An intraday grid around the close: the end-of-day flatten cancels its resting orders even when it is flat, it does not
/// rebuild (or have its levels denied) on every bar until the close, and it trades again the next session.
/// </summary>
public sealed class GridEndOfDayTests
{
    /// <summary>March 2024 in New York (EST, UTC-5): Tuesday the 5th, Wednesday the 6th. The flatten starts at 15:55.</summary>
    private static DateTimeOffset NewYork(int day, int hour, int minute, int second = 0) =>
        new DateTimeOffset(2024, 3, day, hour, minute, second, TimeSpan.FromHours(-5)).ToUniversalTime();

    private static GridStrategy NewGrid() => new("grid", ["AAPL"], TwoLevels);

    private static Task<KernelHarness> StartAsync(params string[] swing) =>
        KernelHarness.StartAsync(o => o with
        {
            TradingHours = new TradingHoursOptions { Enforce = true, SwingSources = new HashSet<string>(swing, StringComparer.Ordinal) },
        }, NewYork(5, 15, 0), [NewGrid()]);

    private static async Task BarAtAsync(KernelHarness h, DateTimeOffset at, decimal close)
    {
        h.Time.Set(at);
        await h.BarAsync("AAPL", close);
        await h.SettleAsync();
    }

    /// <summary>A bar every 15 seconds from 15:55 to 15:59:45 (twenty bars); the flatten's own orders fill at once.</summary>
    private static async Task BarsThroughTheFlattenWindowAsync(KernelHarness h, decimal close)
    {
        for (var t = NewYork(5, 15, 55); t < NewYork(5, 16, 0); t += TimeSpan.FromSeconds(15))
        {
            await BarAtAsync(h, t, close);
            foreach (var flatten in h.State.Orders.Values.Where(o => o.Source == BotKernel.FlattenSource && o.Status == OrderStatus.Accepted).ToList())
            {
                h.Venue.PushFill(flatten.ClientOrderId, flatten.Quantity, close);
                await h.SettleAsync();
            }
        }
    }

    private static IEnumerable<string> OpenAtTheVenue(KernelHarness h) =>
        h.Venue.AllOrders.Where(o => o.Status.IsOpen()).Select(o => o.ClientOrderId).Order(StringComparer.Ordinal);

    private static IReadOnlyList<BotEvent> EventsAfter(KernelHarness h, long sequence) =>
        [.. h.Journal.Events.Where(e => e.Sequence > sequence).Select(e => e.Event)];

    [Fact]
    public async Task FlatIntradayGrid_IsCanceledAtTheFlatten_HasNothingWorkingAtTheClose_AndRebuildsNextSession()
    {
        await using var h = await StartAsync();
        await BarAtAsync(h, NewYork(5, 15, 0), 100m);
        var built = Grid(h).Levels.Values.Select(l => l.ClientOrderId).ToList();
        Assert.Equal(4, built.Count);
        Assert.Equal(0m, h.State.PositionQuantity("AAPL"));

        await BarsThroughTheFlattenWindowAsync(h, 100m);

        Assert.All(built, id => Assert.Equal(OrderStatus.Canceled, h.Venue.Order(id)!.Status));
        Assert.Empty(OpenAtTheVenue(h));
        Assert.Equal(0, h.State.OpenOrderCount);
        Assert.Empty(Grid(h).Levels);
        Assert.Equal(1L, Grid(h).Builds);
        Assert.DoesNotContain(h.EventsOf<OrderPlacementRequested>(), r => r.Time >= NewYork(5, 15, 55));
        Assert.Empty(h.EventsOf<OrderPlacementDenied>());

        // After the close and before the next open the grid waits: no build, no placement, no denial.
        var closed = h.Journal.LastSequence;
        await BarAtAsync(h, NewYork(5, 16, 30), 100.5m);
        await BarAtAsync(h, NewYork(6, 9, 0), 101m);
        Assert.DoesNotContain(EventsAfter(h, closed), e => e is GridEvent or OrderPlacementRequested or OrderPlacementDenied);

        await BarAtAsync(h, NewYork(6, 9, 31), 101m);

        var rebuilt = h.EventsOf<GridBuilt>()[^1];
        Assert.Equal((101m, 0m, "no order was resting", 2L), (rebuilt.Center, rebuilt.BaseInventory, rebuilt.Reason, Grid(h).Builds));
        Assert.Equal([-2, -1, 1, 2], Grid(h).Levels.Keys);
        Assert.Equal(Grid(h).Levels.Values.Select(l => l.ClientOrderId).Order(StringComparer.Ordinal), OpenAtTheVenue(h));
        Assert.All(Grid(h).Levels.Values, l => Assert.Equal(OrderStatus.Accepted, h.Venue.Order(l.ClientOrderId)!.Status));
    }

    [Fact]
    public async Task SwingGrid_KeepsItsOrdersThroughTheFlatten()
    {
        await using var h = await StartAsync(swing: "grid");
        await BarAtAsync(h, NewYork(5, 15, 0), 100m);
        var built = Grid(h).Levels.Values.Select(l => l.ClientOrderId).Order(StringComparer.Ordinal).ToList();

        await BarsThroughTheFlattenWindowAsync(h, 100m);

        Assert.Single(h.EventsOf<EndOfDayFlattenStarted>());
        Assert.Empty(h.EventsOf<OrderCancelRequested>());
        Assert.Equal(built, OpenAtTheVenue(h));
        Assert.Equal(built, Grid(h).Levels.Values.Select(l => l.ClientOrderId).Order(StringComparer.Ordinal));
        Assert.Equal(1L, Grid(h).Builds);
    }

    [Fact]
    public async Task GridHoldingInventory_InTheFlattenWindow_MakesEventsBoundedByItsLevels_NotByTheBars()
    {
        await using var h = await StartAsync();
        await BarAtAsync(h, NewYork(5, 15, 0), 100m);
        h.Time.Set(NewYork(5, 15, 30));
        var buy = Grid(h).Levels[-1];
        h.Venue.PushFill(buy.ClientOrderId, buy.Quantity, buy.Price);
        await h.SettleAsync();
        Assert.Equal(1m, h.State.PositionQuantity("AAPL"));
        var working = Grid(h).Levels.Count; // -2, 0 (the sell replacing the filled buy), 1, 2
        Assert.Equal(4, working);
        var windowStart = h.Journal.LastSequence;

        await BarsThroughTheFlattenWindowAsync(h, 99.5m); // twenty bars

        var window = EventsAfter(h, windowStart);
        var levels = 2 * TwoLevels.LevelsPerSide;
        var cancels = window.OfType<OrderCancelRequested>().Select(c => c.ClientOrderId).ToList();
        Assert.Equal(working, cancels.Count);
        Assert.Equal(cancels.Count, cancels.Distinct(StringComparer.Ordinal).Count());
        Assert.InRange(window.OfType<OrderPlacementRequested>().Count(r => r.Source == "grid"), 0, levels);
        Assert.InRange(window.OfType<OrderPlacementDenied>().Count(), 0, levels);
        Assert.InRange(window.OfType<OrderDenied>().Count(), 0, levels);
        Assert.Empty(window.OfType<GridBuilt>());
        // The flatten sold the grid's unit; nothing of the grid works into the close.
        Assert.Equal(0m, h.State.PositionQuantity("AAPL"));
        Assert.Empty(OpenAtTheVenue(h));

        // The next session the grid's fills no longer match the (flat) position: it rebuilds around the last close.
        await BarAtAsync(h, NewYork(6, 9, 31), 99m);
        var rebuilt = h.EventsOf<GridBuilt>()[^1];
        Assert.StartsWith("drift: position 0", rebuilt.Reason, StringComparison.Ordinal);
        Assert.Equal((99m, 0m, 4), (rebuilt.Center, rebuilt.BaseInventory, OpenAtTheVenue(h).Count()));
    }

    [Fact]
    public async Task Restart_InTheFlattenWindow_AndInTheNextSession_PlacesNothingTwice()
    {
        await using var h = await StartAsync();
        await BarAtAsync(h, NewYork(5, 15, 0), 100m);
        await BarAtAsync(h, NewYork(5, 15, 55), 100m);
        await h.UntilAsync(() => Grid(h).Levels.Count == 0, "the grid's orders canceled by the flatten");

        await h.RestartAsync(strategies: [NewGrid()]);
        var afterRestart = h.Journal.LastSequence;
        await BarAtAsync(h, NewYork(5, 15, 57), 100m);
        await BarAtAsync(h, NewYork(5, 15, 59), 100m);
        Assert.DoesNotContain(EventsAfter(h, afterRestart), e => e is GridEvent or OrderPlacementRequested or OrderCancelRequested);
        Assert.Single(h.EventsOf<EndOfDayFlattenStarted>());

        await BarAtAsync(h, NewYork(6, 9, 31), 100m);
        Assert.Equal(2L, Grid(h).Builds);
        var sequence = h.State.OrderSequence;
        var resting = Grid(h).Levels.Values.Select(l => l.ClientOrderId).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(8, h.Venue.Submits.Count);

        await h.RestartAsync(strategies: [NewGrid()]);
        await BarAtAsync(h, NewYork(6, 9, 32), 100.2m);

        Assert.Equal((2L, sequence), (Grid(h).Builds, h.State.OrderSequence));
        Assert.Equal(8, h.Venue.Submits.Count);
        Assert.Equal(resting, Grid(h).Levels.Values.Select(l => l.ClientOrderId).Order(StringComparer.Ordinal));
        Assert.Equal(resting, OpenAtTheVenue(h));
    }
}
