using Bulwark.Core.Calendar;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;
using static Bulwark.Core.Tests.TestSupport.ProtectedKernel;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// The kernel's protective stops against a venue that answers when told: one resting stop per position, kept in step
/// with it, and never a second order selling the same shares.
/// </summary>
public sealed class BotKernelProtectiveStopTests
{
    private static int OpenStopsAtVenue(KernelHarness h) =>
        h.Venue.AllOrders.Count(o => o.Type == OrderType.Stop && o.Status.IsOpen());

    /// <summary>
    /// Long 10 at 100 with its 95 stop; then, with the venue holding cancels, a bar closing at <paramref name="close"/> and
    /// a signal to exit (signal "s2"). Returns the stop's and the exit's ids.
    /// </summary>
    private static async Task<(string StopId, string ExitId)> ExitWhileTheVenueHoldsCancelsAsync(KernelHarness h, decimal close)
    {
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();
        var stopId = Assert.Single(Stops(h)).ClientOrderId;
        h.Venue.OnCancel = CancelReply.Hold;
        await h.BarAsync("AAPL", close);
        await h.SignalAsync("s2", "AAPL", SignalDirection.Flat);
        await h.SettleAsync();
        return (stopId, h.OrderOf("s2"));
    }

    [Fact]
    public async Task AnEntryFill_PutsOneTaggedStopForTheWholePositionAtTheVenue()
    {
        await using var h = await StartAsync(new ProtectiveStop(5m, null));
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();

        var stop = Assert.Single(Stops(h));
        Assert.Equal((OrderSide.Sell, 10m, 95m, TimeInForce.Gtc), (stop.Side, stop.Quantity, stop.StopPrice!.Value, stop.TimeInForce));
        var intent = h.EventsOf<OrderInitialized>().Single(i => i.ClientOrderId == stop.ClientOrderId);
        Assert.Equal((BotKernel.ProtectiveStopTag, "test"), (intent.Tag, intent.Source));
        // It follows from the fill it protects.
        var fill = h.Journal.Events.Single(e => e.Event is OrderFilled);
        Assert.Equal(fill.Sequence, intent.CausedBy);
        // A resting stop is not a pending signal order: the strategy may still signal its exit.
        Assert.False(h.State.HasOpenSignalOrder("AAPL"));
    }

    [Fact]
    public async Task AnExit_WaitsUnsentUntilTheVenueConfirmsTheStopCanceled_ThenGoesOut()
    {
        await using var h = await StartAsync(new ProtectiveStop(5m, null));
        var (stopId, exitId) = await ExitWhileTheVenueHoldsCancelsAsync(h, 101m);
        Assert.Equal(OrderStatus.Initialized, h.State.Orders[exitId].Status);
        Assert.Equal(0, h.Venue.SubmitsOf(exitId));
        Assert.Equal(1, h.Venue.CancelsOf(stopId));
        // While it waits, another signal in the symbol is pending, as behind any working order.
        await h.SignalAsync("s3", "AAPL", SignalDirection.Flat);
        await h.UntilEventAsync<SignalDenied>(d => d.SignalId == "s3" && d.Reason == DenyReason.OrderPending);

        Assert.True(h.Venue.CompleteCancel(stopId));
        await h.UntilAsync(() => h.Venue.SubmitsOf(exitId) == 1, "the exit, sent once the stop is canceled");
        Assert.Equal(0, OpenStopsAtVenue(h));
        h.Venue.PushFill(exitId, 10m, 101m);
        await h.SettleAsync();

        Assert.Equal(0m, h.State.PositionQuantity("AAPL"));
        Assert.Equal(0m, h.Venue.PositionOf("AAPL"));
        Assert.Single(Stops(h)); // nothing left to protect, so no new stop
    }

    [Fact]
    public async Task AStopThatFillsWhileTheExitWaits_ClosesThePosition_AndTheExitIsDeniedNotSent()
    {
        await using var h = await StartAsync(new ProtectiveStop(5m, null));
        var (stopId, exitId) = await ExitWhileTheVenueHoldsCancelsAsync(h, 96m);

        // The market falls through the stop before the venue gets to the cancel.
        h.Venue.PushFill(stopId, 10m, 94.90m);
        await h.UntilEventAsync<OrderDenied>(d => d.ClientOrderId == exitId);

        var denied = h.EventsOf<OrderDenied>().Single(d => d.ClientOrderId == exitId);
        Assert.Equal(DenyReason.PositionChanged, denied.Reason);
        Assert.Contains("a protective exit (stop or take-profit) filled first", denied.Detail, StringComparison.Ordinal);
        Assert.Equal(0, h.Venue.SubmitsOf(exitId));
        Assert.Equal(0m, h.State.PositionQuantity("AAPL"));
        Assert.Equal(0m, h.Venue.PositionOf("AAPL")); // flat, not short: the shares were sold once
    }

    [Fact]
    public async Task AddingToThePosition_ReplacesTheStop_CancelFirst_ForTheNewSizeFromTheNewAverage()
    {
        await using var h = await StartAsync(new ProtectiveStop(5m, null));
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();
        var first = Assert.Single(Stops(h)).ClientOrderId;
        h.Venue.OnCancel = CancelReply.Hold;

        // A buy adds to a long: it never sells what the stop sells, so it goes out at once.
        await h.OpenAsync("s2", "AAPL", SignalDirection.Long, 110m, target: 20m);
        await h.SettleAsync();
        Assert.Single(Stops(h)); // the new stop waits for the old one's cancel
        Assert.Equal(1, h.Venue.CancelsOf(first));

        Assert.True(h.Venue.CompleteCancel(first));
        await h.UntilAsync(() => Stops(h).Count == 2, "the replacement stop");
        var second = Stops(h)[1];
        Assert.Equal((OrderSide.Sell, 20m, 99.75m), (second.Side, second.Quantity, second.StopPrice!.Value)); // 5% under 105
        Assert.Equal(1, OpenStopsAtVenue(h));
    }

    [Fact]
    public async Task ATrailingStop_FollowsNewHighCloses_AndNeverMovesBack()
    {
        await using var h = await StartAsync(new ProtectiveStop(null, 10m));
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();

        await ClosesAsync(h, 110m, 105m, 120m, 90.5m);

        Assert.Equal([90m, 99m, 108m], Stops(h).Select(s => s.StopPrice!.Value));
        Assert.Equal(1, OpenStopsAtVenue(h));
        Assert.Equal(108m, h.Venue.AllOrders.Single(o => o.Type == OrderType.Stop && o.Status.IsOpen()).StopPrice);
    }

    [Fact]
    public async Task ATrailFromExtremes_FollowsTheBestHighOfTheBarsHeld_NotABarFromBeforeTheEntry()
    {
        await using var h = await StartAsync(new ProtectiveStop(null, 10m) { TrailFrom = TrailReference.Extreme });
        await h.BarAsync("AAPL", 150m, 99m, 100m); // flat at this bar's start: its high is not the position's
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();

        foreach (var (high, close) in new[] { (115m, 110m), (112m, 105m), (130m, 120m), (100m, 100m) })
        {
            await h.BarAsync("AAPL", high, close - 1m, close);
            await h.SettleAsync();
        }

        Assert.Equal([90m, 103.5m, 117m], Stops(h).Select(s => s.StopPrice!.Value)); // 10% under 100, 115, 130
        Assert.Equal(1, OpenStopsAtVenue(h));
    }

    [Fact]
    public async Task AShortsTrailFromExtremes_FollowsTheLowestLow()
    {
        await using var h = await StartAsync(new ProtectiveStop(null, 10m) { TrailFrom = TrailReference.Extreme });
        await h.OpenAsync("s1", "AAPL", SignalDirection.Short, 100m);
        await h.SettleAsync();

        foreach (var (low, close) in new[] { (80m, 90m), (85m, 95m) })
        {
            await h.BarAsync("AAPL", close + 1m, low, close);
            await h.SettleAsync();
        }

        Assert.Equal([110m, 88m], Stops(h).Select(s => s.StopPrice!.Value)); // 10% over 100, then over 80
    }

    [Fact]
    public async Task AShort_IsProtectedByABuyStopAbove()
    {
        await using var h = await StartAsync(new ProtectiveStop(2m, null));
        await h.OpenAsync("s1", "AAPL", SignalDirection.Short, 50m);
        await h.SettleAsync();

        var stop = Assert.Single(Stops(h));
        Assert.Equal((OrderSide.Buy, 10m, 51m), (stop.Side, stop.Quantity, stop.StopPrice!.Value));
    }

    [Fact]
    public async Task AfterARestart_TheStopStillWorkingAtTheVenue_IsKept_NotSentAgain()
    {
        var h = await StartAsync(new ProtectiveStop(5m, null));
        await using var _ = h;
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();
        var stopId = Assert.Single(Stops(h)).ClientOrderId;

        await h.RestartAsync(strategies: [new ScriptedStrategy("test", "AAPL") { Protection = new ProtectiveStop(5m, null) }]);
        await h.BarAsync("AAPL", 101m);
        await h.SettleAsync();

        Assert.Single(Stops(h));
        Assert.Equal(0, h.Venue.CancelsOf(stopId));
        Assert.True(h.State.Orders[stopId].Status.IsOpen());
    }

    [Fact]
    public async Task AStopTheVenueRefuses_IsAlertedOnce_AndNotAskedAgainOnEveryBar()
    {
        await using var h = await StartAsync(new ProtectiveStop(5m, null));
        h.Venue.OnSubmit = (r, _) => r.Type == OrderType.Stop ? SubmitReply.Reject : SubmitReply.Accept;
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();
        await h.BarAsync("AAPL", 101m);
        await h.BarAsync("AAPL", 102m);
        await h.SettleAsync();

        Assert.Single(Stops(h));
        var alert = Assert.Single(h.EventsOf<AlertRaised>(), a => a.Code == "ProtectiveStopRefused");
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Contains("has no protective stop", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStopLostOnTheWayToTheVenue_IsNotARefusal_AndIsSentAgain()
    {
        await using var h = await StartAsync(new ProtectiveStop(5m, null));
        var stopsSeen = 0;
        h.Venue.OnSubmit = (r, _) => r.Type == OrderType.Stop && ++stopsSeen == 1 ? SubmitReply.UnknownAndLost : SubmitReply.Accept;
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.UntilAsync(() => Stops(h).Count == 2, "the stop sent again once the venue says it never had the first");
        await h.SettleAsync();

        var first = h.State.Orders[Stops(h)[0].ClientOrderId];
        Assert.Equal(OrderStatus.Rejected, first.Status);
        Assert.Equal(1, OpenStopsAtVenue(h));
        Assert.DoesNotContain(h.EventsOf<AlertRaised>(), a => a.Code == "ProtectiveStopRefused");
    }

    [Fact]
    public async Task WhileHalted_NoStopGoesOut_AndItDoesAtTheFirstBarAfterResuming()
    {
        await using var h = await StartAsync(new ProtectiveStop(5m, null));
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.UntilEventAsync<OrderAccepted>();
        await h.SendAsync(new SetTradingState(TradingState.Halted, "operator"));
        await h.UntilAsync(() => h.State.TradingState == TradingState.Halted, "the halt");
        h.Venue.PushFill(h.OrderOf("s1"), 10m, 100m);
        await h.BarAsync("AAPL", 100m);
        await h.SettleAsync();
        Assert.Empty(Stops(h));

        await h.SendAsync(new SetTradingState(TradingState.Active, "resume"));
        await h.BarAsync("AAPL", 100m);
        await h.SettleAsync();
        Assert.Equal(95m, Assert.Single(Stops(h)).StopPrice);
    }

    [Fact]
    public async Task TheEndOfDayFlatten_CancelsTheStop_DoesNotPutItBack_AndClosesThePosition()
    {
        // Tuesday 5 March 2024 in New York; the NYSE closes at 16:00 and the flatten starts at 15:55.
        static DateTimeOffset NewYork(int hour, int minute) => new DateTimeOffset(2024, 3, 5, hour, minute, 0, TimeSpan.FromHours(-5)).ToUniversalTime();
        await using var h = await KernelHarness.StartAsync(o => o with { TradingHours = new TradingHoursOptions { Enforce = true } }, NewYork(15, 0),
            [new ScriptedStrategy("test", "AAPL") { Protection = new ProtectiveStop(5m, null) }]);
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.UntilAsync(() => Stops(h).Count == 1, "the protective stop");
        var stopId = Stops(h)[0].ClientOrderId;

        for (var minute = 55; minute < 60; minute++)
        {
            h.Time.Set(NewYork(15, minute));
            await h.BarAsync("AAPL", 100m);
            await h.SettleAsync();
            // The venue fills the market orders it holds (the flatten's) at the price; the stop is never reached.
            foreach (var o in h.Venue.AllOrders.Where(o => o.Type == OrderType.Market && o.Status == OrderStatus.Accepted))
                h.Venue.PushFill(o.ClientOrderId, o.Quantity, 100m);
            await h.SettleAsync();
        }

        Assert.Equal(OrderStatus.Canceled, h.State.Orders[stopId].Status);
        Assert.Single(Stops(h));
        Assert.Equal(0m, h.State.PositionQuantity("AAPL"));
        Assert.Equal(0m, h.Venue.PositionOf("AAPL"));
        Assert.Single(h.EventsOf<OrderInitialized>(), i => i.Source == BotKernel.FlattenSource);
    }

    [Fact]
    public async Task ASourceWithoutProtection_GetsNoStop()
    {
        await using var h = await StartAsync(new ProtectiveStop(5m, null));
        await h.BarAsync("MSFT", 100m);
        await h.SignalAsync("s1", "MSFT", SignalDirection.Long, source: "other");
        await h.UntilEventAsync<OrderAccepted>();
        h.Venue.PushFill(h.OrderOf("s1"), 10m, 100m);
        await h.BarAsync("MSFT", 101m);
        await h.SettleAsync();

        Assert.Empty(Stops(h));
    }
}
