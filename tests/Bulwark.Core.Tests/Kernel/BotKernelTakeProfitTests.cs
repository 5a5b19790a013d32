using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;
using Bulwark.Core.Venues;
using static Bulwark.Core.Tests.TestSupport.ProtectedKernel;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// The kernel's take-profit beside its protective stop, against a venue that answers when told: both for the whole
/// position in one one-cancels-other group, replaced and canceled together, and never a second order selling the shares.
/// (The venue's side of the group, canceling the one when the other fills, is the paper venue's; here the fake venue
/// cancels when the test says so.)
/// </summary>
public sealed class BotKernelTakeProfitTests
{
    private static readonly ProtectiveStop StopAndTarget = new(5m, null, 10m);

    /// <summary>Long 10 at 100 (signal "s1"), settled: the ids of its one stop and one take-profit.</summary>
    private static async Task<(string StopId, string TargetId)> OpenProtectedAsync(KernelHarness h)
    {
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();
        return (Assert.Single(Stops(h)).ClientOrderId, Assert.Single(Targets(h)).ClientOrderId);
    }

    /// <summary>Long 10 at 100 with its stop and take-profit; then, with the venue holding cancels, a signal to exit ("s2").</summary>
    private static async Task<(string StopId, string TargetId, string ExitId)> ExitWhileTheVenueHoldsCancelsAsync(KernelHarness h)
    {
        var (stopId, targetId) = await OpenProtectedAsync(h);
        h.Venue.OnCancel = CancelReply.Hold;
        await h.SignalAsync("s2", "AAPL", SignalDirection.Flat);
        await h.SettleAsync();
        return (stopId, targetId, h.OrderOf("s2"));
    }

    [Fact]
    public async Task AnEntryFill_PutsAStopAndATakeProfitForTheWholePosition_InOneOcoGroup()
    {
        await using var h = await StartAsync(StopAndTarget);
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();

        var stop = Assert.Single(Stops(h));
        var target = Assert.Single(Targets(h));
        Assert.Equal((OrderSide.Sell, 10m, 95m), (stop.Side, stop.Quantity, stop.StopPrice!.Value));
        Assert.Equal((OrderSide.Sell, 10m, 110m, TimeInForce.Gtc), (target.Side, target.Quantity, target.LimitPrice!.Value, target.TimeInForce));
        Assert.Equal(stop.ClientOrderId, stop.OcoGroup);
        Assert.Equal(stop.ClientOrderId, target.OcoGroup);
        var intent = h.EventsOf<OrderInitialized>().Single(i => i.ClientOrderId == target.ClientOrderId);
        Assert.Equal((BotKernel.TakeProfitTag, "test", stop.ClientOrderId), (intent.Tag, intent.Source, intent.OcoGroup));
        // Resting exits are not pending signal orders: the strategy may still signal its exit.
        Assert.False(h.State.HasOpenSignalOrder("AAPL"));
    }

    [Fact]
    public async Task ATakeProfitAlone_IsAPlainLimitWithNoGroup_AndAShortsIsABuyBelow()
    {
        await using var h = await StartAsync(new ProtectiveStop(null, null, 4m));
        await h.OpenAsync("s1", "AAPL", SignalDirection.Short, 50m);
        await h.SettleAsync();

        Assert.Empty(Stops(h));
        var target = Assert.Single(Targets(h));
        Assert.Equal((OrderSide.Buy, 10m, 48m, (string?)null), (target.Side, target.Quantity, target.LimitPrice!.Value, target.OcoGroup));
    }

    [Fact]
    public async Task WhenTheTakeProfitFills_AndTheVenueCancelsItsSibling_NothingIsPlacedAgain()
    {
        await using var h = await StartAsync(StopAndTarget);
        var (stopId, targetId) = await OpenProtectedAsync(h);

        h.Venue.PushFill(targetId, 10m, 110m);
        h.Venue.CompleteCancel(stopId); // the venue's one-cancels-other
        await h.BarAsync("AAPL", 111m);
        await h.SettleAsync();

        Assert.Equal(0m, h.State.PositionQuantity("AAPL"));
        Assert.Equal(0m, h.Venue.PositionOf("AAPL"));
        Assert.Equal(OrderStatus.Canceled, h.State.Orders[stopId].Status);
        Assert.Equal((1, 1), (Stops(h).Count, Targets(h).Count));
        Assert.Equal(0, OpenExitsAtVenue(h));
    }

    [Fact]
    public async Task AStopPartlyFilled_LeavesTheRestProtected_ByANewPairForWhatIsLeft()
    {
        await using var h = await StartAsync(StopAndTarget);
        var (stopId, targetId) = await OpenProtectedAsync(h);

        h.Venue.PushFill(stopId, 4m, 95m);
        h.Venue.CompleteCancel(targetId); // the venue's one-cancels-other, on the first fill
        await h.UntilAsync(() => Stops(h).Count == 2 && Targets(h).Count == 2, "a new stop and take-profit for the 6 left");
        await h.SettleAsync();

        var (stop, target) = (Stops(h)[1], Targets(h)[1]);
        Assert.Equal((6m, 95m, 6m, 110m), (stop.Quantity, stop.StopPrice!.Value, target.Quantity, target.LimitPrice!.Value));
        Assert.Equal(stop.ClientOrderId, target.OcoGroup);
        Assert.Equal(OrderStatus.Canceled, h.State.Orders[stopId].Status); // the kernel canceled the rest of the old stop first
        Assert.Equal(2, OpenExitsAtVenue(h));
    }

    [Fact]
    public async Task AnExit_WaitsUntilBothAreCanceled_ThenGoesOut()
    {
        await using var h = await StartAsync(StopAndTarget);
        var (stopId, targetId, exitId) = await ExitWhileTheVenueHoldsCancelsAsync(h);
        Assert.Equal((1, 1, 0), (h.Venue.CancelsOf(stopId), h.Venue.CancelsOf(targetId), h.Venue.SubmitsOf(exitId)));

        Assert.True(h.Venue.CompleteCancel(stopId));
        await h.SettleAsync();
        Assert.Equal(0, h.Venue.SubmitsOf(exitId)); // the take-profit still works: it could sell the same shares

        Assert.True(h.Venue.CompleteCancel(targetId));
        await h.UntilAsync(() => h.Venue.SubmitsOf(exitId) == 1, "the exit, sent once both are canceled");
        h.Venue.PushFill(exitId, 10m, 101m);
        await h.SettleAsync();
        Assert.Equal(0m, h.Venue.PositionOf("AAPL"));
        Assert.Equal((1, 1), (Stops(h).Count, Targets(h).Count));
    }

    [Fact]
    public async Task ATakeProfitThatFillsWhileTheExitWaits_DeniesTheExit()
    {
        await using var h = await StartAsync(StopAndTarget);
        var (stopId, targetId, exitId) = await ExitWhileTheVenueHoldsCancelsAsync(h);

        // The market reaches the target before the venue gets to the cancels; the fill cancels the stop, its sibling.
        h.Venue.PushFill(targetId, 10m, 110m);
        await h.SettleAsync();
        Assert.Equal(0, h.Venue.SubmitsOf(exitId)); // the stop still works until the venue says it is canceled
        h.Venue.CompleteCancel(stopId);
        await h.UntilEventAsync<OrderDenied>(d => d.ClientOrderId == exitId);

        Assert.Equal(DenyReason.PositionChanged, h.EventsOf<OrderDenied>().Single(d => d.ClientOrderId == exitId).Reason);
        Assert.Equal(0, h.Venue.SubmitsOf(exitId));
        Assert.Equal(0m, h.Venue.PositionOf("AAPL")); // flat, not short
    }

    [Fact]
    public async Task ATrailMove_ReplacesTheStopAndTheTakeProfit_InANewGroup_AtTheSameTarget()
    {
        await using var h = await StartAsync(new ProtectiveStop(null, 10m, 20m));
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();
        await h.BarAsync("AAPL", 110m);
        await h.SettleAsync();

        Assert.Equal([90m, 99m], Stops(h).Select(s => s.StopPrice!.Value));
        Assert.Equal([120m, 120m], Targets(h).Select(t => t.LimitPrice!.Value)); // from the entry, not the close
        Assert.Equal(Stops(h)[1].ClientOrderId, Targets(h)[1].OcoGroup);
        Assert.Equal(2, OpenExitsAtVenue(h));
    }

    [Fact]
    public async Task ATakeProfitTheVenueRefuses_IsWarnedOnce_AndTheStopStaysAlone()
    {
        await using var h = await StartAsync(StopAndTarget);
        h.Venue.OnSubmit = (r, _) => r.Type == OrderType.Limit ? SubmitReply.Reject : SubmitReply.Accept;
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();
        await h.BarAsync("AAPL", 101m);
        await h.BarAsync("AAPL", 102m);
        await h.SettleAsync();

        var stopId = Assert.Single(Stops(h)).ClientOrderId;
        Assert.Single(Targets(h));
        Assert.Equal(0, h.Venue.CancelsOf(stopId)); // the stop is not replaced for want of its sibling
        var alert = Assert.Single(h.EventsOf<AlertRaised>(), a => a.Code == "TakeProfitRefused");
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        Assert.Contains("has no take-profit", alert.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(h.EventsOf<AlertRaised>(), a => a.Code == "ProtectiveStopRefused");
    }

    /// <param name="cancel">How the venue answers the cancels: refused at once for the order it does not have (the
    /// engine's order goes back to not acknowledged), or never (the engine's order stays pending cancel).</param>
    [Theory]
    [InlineData(CancelReply.Cancel, OrderStatus.Submitted)]
    [InlineData(CancelReply.Hang, OrderStatus.PendingCancel)]
    public async Task ATakeProfitTheVenueNeverGot_WithACancelAskedMeanwhile_EndsAsNeverArrived_AtTheRestart(CancelReply cancel,
        OrderStatus beforeRestart)
    {
        var h = await StartAsync(StopAndTarget);
        await using var _ = h;
        // The take-profit's submit never reaches the venue and never answers.
        h.Venue.OnSubmit = (r, _) => r.Type == OrderType.Limit ? SubmitReply.HangAndLose : SubmitReply.Accept;
        h.Venue.OnCancel = cancel;
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.UntilAsync(() => Targets(h).Count == 1, "the take-profit's submit");
        await h.SettleAsync();
        var targetId = Targets(h)[0].ClientOrderId;
        // An exit asks both canceled; the venue refuses to cancel a take-profit it does not have, or never answers.
        await h.SignalAsync("s2", "AAPL", SignalDirection.Flat);
        await h.UntilAsync(() => h.Venue.CancelsOf(targetId) == 1, "the take-profit's cancel");
        await h.UntilAsync(() => h.State.Orders[targetId].Status == beforeRestart, $"the take-profit {beforeRestart}");

        await h.RestartAsync(strategies: [new ScriptedStrategy("test", "AAPL") { Protection = StopAndTarget }]);

        // The venue never had it: it ended, and the engine and the venue agree.
        Assert.Equal(OrderStatus.Rejected, h.State.Orders[targetId].Status);
        Assert.Equal(VenueRejectCode.OrderNotFound, h.EventsOf<OrderRejected>().Single(r => r.ClientOrderId == targetId).Code);
        Assert.True(h.State.LastReconciliationInSync);
    }

    [Fact]
    public async Task ACancelAskedWhileTheTakeProfitsSubmitIsUnanswered_WaitsForTheAnswer_ThenCancelsIt()
    {
        await using var h = await StartAsync(StopAndTarget);
        // The take-profit reaches the venue only when the test says so, as a slow broker's would.
        h.Venue.OnSubmit = (r, _) => r.Type == OrderType.Limit ? SubmitReply.AcceptWhenReleased : SubmitReply.Accept;
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();
        var targetId = h.EventsOf<OrderInitialized>().Single(i => i.Tag == BotKernel.TakeProfitTag).ClientOrderId;

        await h.SignalAsync("s2", "AAPL", SignalDirection.Flat);
        await h.SettleAsync();
        Assert.Equal(OrderStatus.PendingCancel, h.State.Orders[targetId].Status);
        Assert.Equal(0, h.Venue.CancelsOf(targetId)); // not sent ahead of the order it cancels, where it would be refused

        h.Venue.ReleaseSubmits();
        await h.UntilAsync(() => h.Venue.SubmitsOf(h.OrderOf("s2")) == 1, "the exit, once the take-profit landed and was canceled");
        Assert.Equal(1, h.Venue.CancelsOf(targetId));
        Assert.Equal(OrderStatus.Canceled, h.State.Orders[targetId].Status);
        Assert.DoesNotContain(h.EventsOf<OrderCancelRejected>(), r => r.ClientOrderId == targetId);
    }
}
