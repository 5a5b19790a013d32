using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;
using static Bulwark.Core.Tests.TestSupport.ProtectedKernel;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// Protection while an order from a signal is still working: the shares an entry has bought so far are protected before
/// it completes, and an exit order is never doubled by a stop.
/// </summary>
public sealed class BotKernelPartialEntryProtectionTests
{
    /// <summary>A signal for <paramref name="direction"/> at 100, accepted by the venue and not filled yet; returns its order id.</summary>
    private static async Task<string> EnterAsync(KernelHarness h, string signalId, SignalDirection direction, decimal? target = null)
    {
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync(signalId, "AAPL", direction, target: target);
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf(signalId));
        return h.OrderOf(signalId);
    }

    [Fact]
    public async Task AnEntryFillingInParts_IsProtectedForTheSharesHeld_AndTheStopGrowsWithIt()
    {
        await using var h = await StartAsync(new ProtectiveStop(5m, null, 10m));
        var entry = await EnterAsync(h, "s1", SignalDirection.Long);

        h.Venue.PushFill(entry, 4m, 100m);
        await h.SettleAsync();
        Assert.Equal(OrderStatus.PartiallyFilled, h.State.Orders[entry].Status);
        var first = Assert.Single(Stops(h));
        Assert.Equal((OrderSide.Sell, 4m, 95m), (first.Side, first.Quantity, first.StopPrice!.Value));
        var target = Assert.Single(h.Venue.Submits, r => r.Type == OrderType.Limit);
        Assert.Equal((OrderSide.Sell, 4m, 110m, first.ClientOrderId), (target.Side, target.Quantity, target.LimitPrice!.Value, target.OcoGroup));

        // The rest fills higher: both exits are replaced for the whole position, from the new average (106).
        h.Venue.PushFill(entry, 6m, 110m);
        await h.SettleAsync();
        Assert.Equal(OrderStatus.Filled, h.State.Orders[entry].Status);
        Assert.Equal([4m, 10m], Stops(h).Select(s => s.Quantity));
        Assert.Equal(100.7m, Stops(h)[1].StopPrice);
        Assert.Equal(116.6m, h.Venue.Submits.Last(r => r.Type == OrderType.Limit).LimitPrice);
        Assert.Equal(2, OpenExitsAtVenue(h));
        Assert.DoesNotContain(h.EventsOf<OrderCancelRequested>(), c => c.ClientOrderId == entry);
    }

    [Fact]
    public async Task AStopThatFillsWhileTheEntryWorks_CancelsTheRestOfTheEntry_AndLeavesTheAccountFlat()
    {
        await using var h = await StartAsync(new ProtectiveStop(5m, null));
        var entry = await EnterAsync(h, "s1", SignalDirection.Long);
        h.Venue.PushFill(entry, 4m, 100m);
        await h.SettleAsync();
        var stop = Assert.Single(Stops(h)).ClientOrderId;

        h.Venue.PushFill(stop, 4m, 94.90m);
        await h.UntilEventAsync<OrderCanceled>(c => c.ClientOrderId == entry);
        await h.SettleAsync();

        var cancel = Assert.Single(h.EventsOf<OrderCancelRequested>(), c => c.ClientOrderId == entry);
        Assert.Contains("a protective exit filled while the entry worked", cancel.Reason, StringComparison.Ordinal);
        Assert.Contains("6 left unfilled", cancel.Reason, StringComparison.Ordinal);
        Assert.Equal(0m, h.State.PositionQuantity("AAPL"));
        Assert.Equal(0m, h.Venue.PositionOf("AAPL"));
        Assert.Single(Stops(h));
        Assert.Equal(0, OpenExitsAtVenue(h));
    }

    [Fact]
    public async Task AStopThatFilledWhileAnExitWaitedForItsCancel_DoesNotCancelALaterEntry()
    {
        await using var h = await StartAsync(new ProtectiveStop(5m, null));
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();
        var stop = Assert.Single(Stops(h)).ClientOrderId;
        h.Venue.OnCancel = CancelReply.Hold;
        await h.BarAsync("AAPL", 96m);
        await h.SignalAsync("s2", "AAPL", SignalDirection.Flat);
        await h.SettleAsync();
        h.Venue.PushFill(stop, 10m, 94.90m); // the stop fills while the exit waits, unsent, for its cancel
        await h.UntilEventAsync<OrderDenied>(d => d.ClientOrderId == h.OrderOf("s2"));
        h.Venue.OnCancel = CancelReply.Cancel;

        var entry = await EnterAsync(h, "s3", SignalDirection.Long);
        h.Venue.PushFill(entry, 4m, 100m);
        await h.SettleAsync();

        Assert.DoesNotContain(h.EventsOf<OrderCancelRequested>(), c => c.ClientOrderId == entry);
        Assert.Equal((4m, OrderStatus.PartiallyFilled), (Stops(h)[^1].Quantity, h.State.Orders[entry].Status));
    }

    [Fact]
    public async Task AnExitFillingInParts_IsNotDoubledByAStop_AndWhatItLeavesIsProtectedWhenItEnds()
    {
        await using var h = await StartAsync(new ProtectiveStop(5m, null));
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();
        var exit = await EnterAsync(h, "s2", SignalDirection.Flat);
        Assert.Equal(OrderStatus.Canceled, h.State.Orders[Assert.Single(Stops(h)).ClientOrderId].Status);

        h.Venue.PushFill(exit, 4m, 100m);
        await h.BarAsync("AAPL", 101m);
        await h.SettleAsync();
        Assert.Single(Stops(h)); // the exit sells what a stop would: none while it works
        Assert.Equal(6m, h.State.PositionQuantity("AAPL"));

        // The venue ends the exit with 6 unsold: those are protected again.
        Assert.True(h.Venue.Expire(exit));
        await h.UntilEventAsync<OrderExpired>(e => e.ClientOrderId == exit);
        await h.BarAsync("AAPL", 101m);
        await h.SettleAsync();
        Assert.Equal((OrderSide.Sell, 6m, 95m), (Stops(h)[^1].Side, Stops(h)[^1].Quantity, Stops(h)[^1].StopPrice!.Value));
    }

    [Fact]
    public async Task TheSecondHalfOfAReversal_IsProtectedAsItFills_TheFirstIsNot()
    {
        await using var h = await StartAsync(new ProtectiveStop(5m, null));
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();
        var reversal = await EnterAsync(h, "s2", SignalDirection.Short);
        Assert.Equal(20m, h.State.Orders[reversal].Quantity);

        h.Venue.PushFill(reversal, 10m, 100m); // the long is closed
        await h.SettleAsync();
        Assert.Single(Stops(h));

        h.Venue.PushFill(reversal, 4m, 100m); // short 4 so far, 6 still to sell
        await h.SettleAsync();
        var shortStop = Stops(h)[^1];
        Assert.Equal((OrderSide.Buy, 4m, 105m), (shortStop.Side, shortStop.Quantity, shortStop.StopPrice!.Value));
        Assert.Equal(OrderStatus.PartiallyFilled, h.State.Orders[reversal].Status);
        Assert.Equal(1, OpenExitsAtVenue(h));
    }
}
