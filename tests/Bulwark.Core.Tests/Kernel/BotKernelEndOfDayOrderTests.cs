using Bulwark.Core.Calendar;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Orders;
using Bulwark.Core.Strategies;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// The end-of-day flatten and working orders: resting orders a strategy placed in a flat symbol are canceled too (a GTC
/// limit left working would fill at the next open), each cancel is asked for once, and a refused one only a few times.
/// </summary>
public sealed class BotKernelEndOfDayOrderTests
{
    /// <summary>Tuesday 5 March 2024 in New York (EST, UTC-5); the NYSE closes at 16:00, the flatten starts at 15:55.</summary>
    private static DateTimeOffset NewYork(int hour, int minute, int second = 0) =>
        new DateTimeOffset(2024, 3, 5, hour, minute, second, TimeSpan.FromHours(-5)).ToUniversalTime();

    private static async Task<(KernelHarness H, ScriptedStrategy S)> StartAsync(params string[] swing)
    {
        var strategy = new ScriptedStrategy("placer", "AAPL");
        var h = await KernelHarness.StartAsync(o => o with
        {
            TradingHours = new TradingHoursOptions { Enforce = true, SwingSources = new HashSet<string>(swing, StringComparer.Ordinal) },
        }, NewYork(15, 0), [strategy]);
        return (h, strategy);
    }

    /// <summary>A buy limit below the price and a sell limit above it, placed at 15:00 with no position: the symbol stays flat.</summary>
    private static async Task<string[]> PlaceRestingAsync(KernelHarness h, ScriptedStrategy s)
    {
        s.OnNextBar(c =>
        {
            s.Results.Add(c.PlaceLimit("placer", "AAPL", OrderSide.Buy, 1m, 99m, "rest:buy"));
            s.Results.Add(c.PlaceLimit("placer", "AAPL", OrderSide.Sell, 1m, 101m, "rest:sell"));
        });
        await h.BarAsync("AAPL", 100m);
        await h.UntilAsync(() => h.EventsOf<OrderAccepted>().Count == 2, "both resting orders accepted");
        return [.. s.Results.Cast<string>()];
    }

    /// <summary>A bar every 30 seconds from <paramref name="from"/> to 15:59:30, each settled.</summary>
    private static async Task BarsUntilTheCloseAsync(KernelHarness h, DateTimeOffset from)
    {
        for (var t = from; t < NewYork(16, 0); t += TimeSpan.FromSeconds(30))
        {
            h.Time.Set(t);
            await h.BarAsync("AAPL", 100m);
            await h.SettleAsync();
        }
    }

    [Fact]
    public async Task FlattenWindow_CancelsRestingStrategyOrders_EvenWhenTheSymbolIsFlat()
    {
        var (h, s) = await StartAsync();
        await using var _ = h;
        var ids = await PlaceRestingAsync(h, s);

        h.Time.Set(NewYork(15, 54));
        await h.SendAsync(new TimerTick());
        await h.SettleAsync();
        Assert.Empty(h.EventsOf<OrderCancelRequested>());

        h.Time.Set(NewYork(15, 55));
        await h.SendAsync(new TimerTick());
        await h.UntilAsync(() => ids.All(id => h.State.Orders[id].Status == OrderStatus.Canceled), "the resting orders canceled");

        Assert.Equal(0m, h.State.PositionQuantity("AAPL"));
        Assert.All(ids, id => Assert.Equal(OrderStatus.Canceled, h.Venue.Order(id)!.Status));
        Assert.Equal(ids.Order(StringComparer.Ordinal), h.EventsOf<OrderCancelRequested>().Select(c => c.ClientOrderId).Order(StringComparer.Ordinal));
        Assert.Equal(0, h.State.OpenOrderCount);
        // The strategy hears of the cancels like of any other end of its orders.
        await h.UntilAsync(() => s.Updates.Count(u => u.Update.Kind == StrategyOrderUpdateKind.Canceled) == 2, "the canceled updates");
    }

    [Fact]
    public async Task FlattenWindow_LeavesASwingSourcesRestingOrdersWorking()
    {
        var (h, s) = await StartAsync(swing: "placer");
        await using var _ = h;
        var ids = await PlaceRestingAsync(h, s);

        await BarsUntilTheCloseAsync(h, NewYork(15, 55));

        Assert.Single(h.EventsOf<EndOfDayFlattenStarted>());
        Assert.Empty(h.EventsOf<OrderCancelRequested>());
        Assert.All(ids, id => Assert.Equal(OrderStatus.Accepted, h.State.Orders[id].Status));
    }

    [Fact]
    public async Task FlattenWindow_AsksOnceForAnOrderAlreadyPendingCancel_NotOnEveryBar()
    {
        var (h, s) = await StartAsync();
        await using var _ = h;
        var ids = await PlaceRestingAsync(h, s);
        h.Venue.OnCancel = CancelReply.Hold; // the venue takes the requests and is slow to carry them out

        await BarsUntilTheCloseAsync(h, NewYork(15, 55));

        Assert.All(ids, id => Assert.Equal(OrderStatus.PendingCancel, h.State.Orders[id].Status));
        Assert.Equal(2, h.EventsOf<OrderCancelRequested>().Count);
        Assert.All(ids, id => Assert.Equal(1, h.Venue.CancelsOf(id)));
    }

    [Fact]
    public async Task FlattenWindow_RefusedCancel_IsAskedAgainAFewTimes_ThenAlerted_NotOnEveryBar()
    {
        var (h, s) = await StartAsync();
        await using var _ = h;
        var ids = await PlaceRestingAsync(h, s);
        h.Venue.OnCancel = CancelReply.Refuse;

        await BarsUntilTheCloseAsync(h, NewYork(15, 55)); // ten bars

        Assert.All(ids, id => Assert.Equal(OrderStatus.Accepted, h.State.Orders[id].Status));
        Assert.All(ids, id => Assert.Equal(3, h.EventsOf<OrderCancelRequested>().Count(c => c.ClientOrderId == id)));
        Assert.Equal(ids.Order(StringComparer.Ordinal),
            h.EventsOf<AlertRaised>().Where(a => a.Code == "EndOfDayCancelRefused").Select(a => a.CorrelationId).Order(StringComparer.Ordinal));
    }
}
