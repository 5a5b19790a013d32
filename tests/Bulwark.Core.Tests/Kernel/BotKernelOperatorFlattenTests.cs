using Bulwark.Core.Journal;
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
/// The operator's flatten: every working order canceled, then each position closed at market once nothing else works in
/// its symbol, journaled so a restart goes on with it, and nothing else sent meanwhile; reduce-only afterwards.
/// </summary>
public sealed class BotKernelOperatorFlattenTests
{
    private static async Task FlattenAsync(KernelHarness h, string reason = "panic")
    {
        await h.SendAsync(new FlattenAll(reason));
        await h.SettleAsync();
    }

    private static async Task TickAsync(KernelHarness h)
    {
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.SendAsync(new TimerTick());
        await h.SettleAsync();
    }

    /// <summary>The flatten's closing orders, by symbol.</summary>
    private static List<OrderInitialized> Closes(KernelHarness h) =>
        [.. h.EventsOf<OrderInitialized>().Where(i => i.Source == BotKernel.OperatorFlattenSource)];

    [Fact]
    public async Task EveryWorkingOrderIsCanceled_EachPositionClosedAtMarket_AndTheFlattenCompletesOnceFlat()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.OpenAsync("a1", "AAPL", SignalDirection.Long, 100m);
        await h.BarAsync("MSFT", 50m);
        await h.SignalAsync("m1", "MSFT", SignalDirection.Long, target: 10m); // an entry the venue has not filled
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("m1"));

        await FlattenAsync(h);

        Assert.Equal((TradingState.Reducing, "panic"), (h.State.TradingState, h.State.TradingStateReason));
        Assert.Equal("panic", Assert.Single(h.EventsOf<FlattenRequested>()).Reason);
        var cancel = Assert.Single(h.EventsOf<OrderCancelRequested>());
        Assert.Equal((h.OrderOf("m1"), "operator flatten"), (cancel.ClientOrderId, cancel.Reason));
        var close = Assert.Single(Closes(h));
        Assert.Equal(("AAPL", OrderSide.Sell, 10m, OrderType.Market), (close.Symbol, close.Side, close.Quantity, close.Type));
        Assert.Empty(h.EventsOf<FlattenCompleted>());

        h.Venue.PushFill(close.ClientOrderId, 10m, 99m);
        await h.UntilEventAsync<OrderFilled>(f => f.ClientOrderId == close.ClientOrderId);
        await TickAsync(h);

        Assert.Equal(0m, h.State.PositionQuantity("AAPL"));
        Assert.Equal("flat: no position held and no order working; reduce-only until the operator resumes",
            Assert.Single(h.EventsOf<FlattenCompleted>()).Summary);
        Assert.Null(h.State.FlattenReason);
        Assert.Equal(TradingState.Reducing, h.State.TradingState);
    }

    [Fact]
    public async Task AProtectedPosition_IsClosedOnlyOnceItsStopIsCanceled_AndTheStopIsNotPutBackMeanwhile()
    {
        await using var h = await StartAsync(new ProtectiveStop(5m, null));
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();
        var stopId = Assert.Single(Stops(h)).ClientOrderId;
        h.Venue.OnCancel = CancelReply.Hold;

        await FlattenAsync(h);
        await ClosesAsync(h, 99m, 98m);
        await TickAsync(h);

        Assert.Empty(Closes(h)); // the stop still works: a close now could sell the shares twice
        Assert.Equal(1, h.Venue.CancelsOf(stopId));
        Assert.True(h.Venue.CompleteCancel(stopId));
        await h.UntilAsync(() => h.State.Orders[stopId].Status == OrderStatus.Canceled, "the stop's cancel");
        await TickAsync(h);

        var close = Assert.Single(Closes(h));
        Assert.Equal(10m, close.Quantity);
        h.Venue.PushFill(close.ClientOrderId, 10m, 98m);
        await h.UntilEventAsync<OrderFilled>(f => f.ClientOrderId == close.ClientOrderId);
        await ClosesAsync(h, 97m);
        Assert.Single(Stops(h)); // none put back, before the close filled or after
        Assert.Single(h.EventsOf<FlattenCompleted>());
    }

    [Fact]
    public async Task WhileItRuns_OtherSignalsAreDeniedFlattening_AndAfterItEntriesStayDeniedReduceOnly()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.OpenAsync("a1", "AAPL", SignalDirection.Long, 100m);
        await FlattenAsync(h);
        await h.BarAsync("MSFT", 50m);
        await h.SignalAsync("m1", "MSFT", SignalDirection.Long, target: 10m);
        await h.SignalAsync("a2", "AAPL", SignalDirection.Flat); // even an exit: the flatten's own close is the one
        await h.SettleAsync();

        Assert.Equal([DenyReason.Flattening, DenyReason.Flattening], h.EventsOf<SignalDenied>().Select(d => d.Reason));
        var close = Assert.Single(Closes(h));
        h.Venue.PushFill(close.ClientOrderId, 10m, 100m);
        await h.UntilEventAsync<OrderFilled>(f => f.ClientOrderId == close.ClientOrderId);
        await TickAsync(h);
        Assert.Single(h.EventsOf<FlattenCompleted>());

        await h.SignalAsync("m2", "MSFT", SignalDirection.Long, target: 10m);
        await h.UntilEventAsync<SignalDenied>(d => d.SignalId == "m2");
        Assert.Equal(DenyReason.ReducingOnly, h.EventsOf<SignalDenied>()[^1].Reason);
    }

    [Fact]
    public async Task ARestartInTheMiddle_GoesOnWithTheFlatten()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.OpenAsync("a1", "AAPL", SignalDirection.Long, 100m);
        h.Venue.OnSubmit = (_, _) => SubmitReply.Reject; // the first close is rejected
        await FlattenAsync(h);
        Assert.Single(Closes(h));

        await h.RestartAsync(whileDown: () => h.Venue.OnSubmit = (_, _) => SubmitReply.Accept);
        Assert.Equal("panic", h.State.FlattenReason);
        await h.UntilAsync(() => Closes(h).Count == 2, "the second close, at start-up");

        var close = Closes(h)[^1];
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == close.ClientOrderId);
        h.Venue.PushFill(close.ClientOrderId, 10m, 100m);
        await h.UntilEventAsync<OrderFilled>(f => f.ClientOrderId == close.ClientOrderId);
        await TickAsync(h);
        Assert.Single(h.EventsOf<FlattenCompleted>());
        Assert.Equal(0m, h.State.PositionQuantity("AAPL"));
    }

    [Fact]
    public async Task AFlattenWrittenIntoAStoppedBotsJournal_StartsAtStartUp_BeforeAnyBarOrTick()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.OpenAsync("a1", "AAPL", SignalDirection.Long, 100m);
        await h.RestartAsync(whileDown: () =>
        {
            var next = h.Journal.Events[^1].Sequence + 1;
            h.Journal.AppendAsync([new JournaledEvent(next, new TradingStateChanged(TradingState.Reducing, "from the command line") { Time = h.Time.GetUtcNow() }),
                new JournaledEvent(next + 1, new FlattenRequested("from the command line") { Time = h.Time.GetUtcNow() })], CancellationToken.None)
                .AsTask().GetAwaiter().GetResult();
        });
        await h.UntilAsync(() => h.Venue.Submits.Count == 2, "the close, sent at start-up");

        var close = Assert.Single(Closes(h));
        Assert.Equal(("AAPL", OrderSide.Sell, 10m), (close.Symbol, close.Side, close.Quantity));
        Assert.Equal(close.ClientOrderId, h.Venue.Submits[1].ClientOrderId);
    }

    [Fact]
    public async Task AVenueThatKeepsRejectingTheClose_IsTriedThreeTimes_ThenTheOperatorIsAlerted()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.OpenAsync("a1", "AAPL", SignalDirection.Long, 100m);
        h.Venue.OnSubmit = (_, _) => SubmitReply.Reject;
        await FlattenAsync(h);
        for (var i = 0; i < 5; i++) await TickAsync(h);

        Assert.Equal(3, Closes(h).Count);
        var stuck = Assert.Single(h.EventsOf<AlertRaised>(), a => a.Code == "FlattenStuck");
        Assert.Equal("AAPL is still held after 3 closing orders of the operator's flatten; close it at the venue, or flatten again to retry", stuck.Message);
        Assert.Empty(h.EventsOf<FlattenCompleted>());
    }

    [Fact]
    public async Task TheOperatorsResume_EndsTheFlattenUnderWay_AndTradingGoesOn()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.OpenAsync("a1", "AAPL", SignalDirection.Long, 100m);
        h.Venue.OnSubmit = (_, _) => SubmitReply.Reject;
        await FlattenAsync(h);
        await h.SendAsync(new SetTradingState(TradingState.Active, "changed my mind"));
        await h.SettleAsync();
        h.Venue.OnSubmit = (_, _) => SubmitReply.Accept;
        await TickAsync(h);

        Assert.Null(h.State.FlattenReason);
        Assert.Single(Closes(h)); // the rejected one only
        await h.BarAsync("MSFT", 50m);
        await h.SignalAsync("m1", "MSFT", SignalDirection.Long, target: 10m);
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("m1"));
    }
}
