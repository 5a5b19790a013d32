using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Tests.TestSupport;
using Bulwark.Core.Venues;

namespace Bulwark.Core.Tests.Kernel;

public sealed class BotKernelSubmitOutcomeTests
{
    private static async Task<KernelHarness> SignalWithVenueAsync(Func<OrderRequest, int, SubmitReply> reply)
    {
        var h = await KernelHarness.StartAsync();
        h.Venue.OnSubmit = reply;
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        return h;
    }

    [Fact]
    public async Task Submit_RefusedByTheVenue_IsRejectedWithItsCode()
    {
        await using var h = await SignalWithVenueAsync((_, _) => SubmitReply.Reject);

        await h.UntilEventAsync<OrderRejected>();

        var rejected = Assert.Single(h.EventsOf<OrderRejected>());
        Assert.Equal(VenueRejectCode.InsufficientFunds, rejected.Code);
        Assert.Equal(OrderStatus.Rejected, h.State.Orders[rejected.ClientOrderId].Status);
        Assert.Single(h.Venue.Submits);
        Assert.False(h.State.HasOpenOrder("AAPL"));
    }

    [Fact]
    public async Task Submit_ThatNeverReachedTheVenue_IsRetried_ThenRejected()
    {
        await using var h = await SignalWithVenueAsync((_, _) => SubmitReply.NotSent);

        await h.UntilEventAsync<OrderRejected>();

        var id = h.OrderOf("s1");
        Assert.Equal(3, h.Venue.SubmitsOf(id)); // MaxAttempts
        Assert.All(h.Venue.Submits, s => Assert.Equal(id, s.ClientOrderId)); // the same id every time
        var rejected = Assert.Single(h.EventsOf<OrderRejected>());
        Assert.Contains("3 attempts", rejected.Detail, StringComparison.Ordinal);
        Assert.False(h.State.HasOpenOrder("AAPL"));
    }

    [Fact]
    public async Task Submit_ThatFailsToSendOnce_IsRetried_AndAccepted()
    {
        await using var h = await SignalWithVenueAsync((_, attempt) => attempt == 1 ? SubmitReply.NotSent : SubmitReply.Accept);

        await h.UntilEventAsync<OrderAccepted>();

        Assert.Equal(2, h.Venue.SubmitsOf(h.OrderOf("s1")));
        Assert.Empty(h.EventsOf<OrderRejected>());
        Assert.Equal(OrderStatus.Accepted, h.State.Orders[h.OrderOf("s1")].Status);
    }

    [Theory]
    [InlineData(SubmitReply.UnknownButKept)]
    [InlineData(SubmitReply.ThrowAfterKeeping)]
    public async Task Submit_WithAnUnknownOutcome_IsQueried_AndAdoptsTheVenuesOrder_WithoutResending(SubmitReply reply)
    {
        await using var h = await SignalWithVenueAsync((_, _) => reply);

        await h.UntilEventAsync<OrderAccepted>();

        var id = h.OrderOf("s1");
        var events = h.Events.Where(e => e.CorrelationId == id).Select(e => e.GetType().Name).ToList();
        Assert.Equal(["OrderSubmitted", "OrderSubmitUnknown", "OrderAccepted"], events);
        Assert.Equal(1, h.Venue.SubmitsOf(id));
        Assert.Equal(1, h.Venue.QueriesOf(id));
        Assert.Equal(h.Venue.Order(id)!.VenueOrderId, h.State.Orders[id].VenueOrderId);
        Assert.Equal(OrderStatus.Accepted, h.State.Orders[id].Status);
    }

    [Fact]
    public async Task Submit_WithAnUnknownOutcome_TheVenueNeverGot_IsRejectedAsNotFound_AndNeverResent()
    {
        await using var h = await SignalWithVenueAsync((_, _) => SubmitReply.UnknownAndLost);

        await h.UntilEventAsync<OrderRejected>();

        var id = h.OrderOf("s1");
        Assert.Single(h.EventsOf<OrderSubmitUnknown>());
        Assert.Equal(VenueRejectCode.OrderNotFound, Assert.Single(h.EventsOf<OrderRejected>()).Code);
        Assert.Equal(1, h.Venue.SubmitsOf(id));
        Assert.Equal(1, h.Venue.QueriesOf(id));

        // A fresh signal makes a fresh order with a new id; the lost one is never reused.
        h.Venue.OnSubmit = (_, _) => SubmitReply.Accept;
        await h.SignalAsync("s2", "AAPL", SignalDirection.Long);
        await h.UntilEventAsync<OrderAccepted>();
        Assert.NotEqual(id, h.OrderOf("s2"));
        Assert.Equal(1, h.Venue.SubmitsOf(id));
    }

    [Fact]
    public async Task Fill_ThatOvertakesTheAck_FillsTheOrder_AndTheLateAckChangesNothing()
    {
        await using var h = await KernelHarness.StartAsync();
        h.Venue.FillOnSubmitAt = _ => 100m; // pushed before the submit call returns
        await h.BarAsync("AAPL", 100m);

        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.UntilEventAsync<OrderFilled>();
        await h.SettleAsync();

        var id = h.OrderOf("s1");
        Assert.Equal(OrderStatus.Filled, h.State.Orders[id].Status);
        Assert.Empty(h.EventsOf<OrderAccepted>());
        Assert.Empty(h.EventsOf<AlertRaised>());
        Assert.Equal(10m, h.State.PositionQuantity("AAPL"));
    }

    [Fact]
    public async Task Reject_ReportedAgainByTheVenuesPush_IsOneRejection_AndRaisesNoAlert()
    {
        await using var h = await SignalWithVenueAsync((_, _) => SubmitReply.Reject);
        await h.UntilEventAsync<OrderRejected>();
        var id = Assert.Single(h.EventsOf<OrderRejected>()).ClientOrderId;

        // Venues both answer the submit and push the order's end: the same refusal arrives twice.
        h.Venue.PushUpdate(new VenueOrderUpdate(id, null, VenueOrderUpdateKind.Rejected, h.Time.GetUtcNow(),
            VenueRejectCode.InsufficientFunds, "no money"));
        await h.SettleAsync();

        Assert.Single(h.EventsOf<OrderRejected>());
        Assert.Empty(h.EventsOf<AlertRaised>());
        Assert.Equal(OrderStatus.Rejected, h.State.Orders[id].Status);
    }

    [Fact]
    public async Task Reject_OfAnOrderThatFilled_ChangesNothing_AndWarns()
    {
        await using var h = await KernelHarness.StartAsync();
        var id = await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);

        h.Venue.PushUpdate(new VenueOrderUpdate(id, null, VenueOrderUpdateKind.Rejected, h.Time.GetUtcNow(),
            VenueRejectCode.Other, "too late"));
        await h.UntilEventAsync<AlertRaised>(a => a.Code == "LateReject");

        Assert.Empty(h.EventsOf<OrderRejected>());
        Assert.Equal(OrderStatus.Filled, h.State.Orders[id].Status);
        Assert.Equal(10m, h.State.PositionQuantity("AAPL"));
    }
}
