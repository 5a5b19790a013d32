using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Strategies;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>Limit orders a strategy places itself: the same pipeline stages as a signal's order, several per symbol.</summary>
public sealed class BotKernelStrategyOrderTests
{
    private static async Task<(KernelHarness H, ScriptedStrategy S)> StartAsync(Func<Core.Kernel.BotKernelOptions, Core.Kernel.BotKernelOptions>? configure = null)
    {
        var strategy = new ScriptedStrategy("placer", "AAPL");
        var h = await KernelHarness.StartAsync(configure, strategies: [strategy]);
        return (h, strategy);
    }

    /// <summary>Runs <paramref name="action"/> on the kernel thread at the next bar and waits until it settled.</summary>
    private static async Task OnBarAsync(KernelHarness h, ScriptedStrategy s, decimal close, Action<IStrategyContext> action)
    {
        s.OnNextBar(action);
        await h.BarAsync("AAPL", close);
        await h.SettleAsync();
    }

    private static void Place(ScriptedStrategy s, IStrategyContext c, OrderSide side, decimal quantity, decimal price, string tag = "t") =>
        s.Results.Add(c.PlaceLimit("placer", "AAPL", side, quantity, price, tag));

    [Fact]
    public async Task PlaceLimit_SeveralRestingOrdersInOneSymbol_AreAllJournaledAndSentAsTaggedLimits()
    {
        var (h, s) = await StartAsync();
        await using var _ = h;
        IReadOnlyList<StrategyOrderView> seen = [];

        await OnBarAsync(h, s, 100m, c =>
        {
            Place(s, c, OrderSide.Buy, 1m, 99m, "grid:-1");
            Place(s, c, OrderSide.Buy, 2m, 98m, "grid:-2");
            Place(s, c, OrderSide.Sell, 1m, 101m, "grid:1");
            seen = c.OpenOrders("placer", "AAPL");
        });

        Assert.All(s.Results, r => Assert.NotNull(r));
        Assert.Equal(3, seen.Count);
        var sent = h.Venue.Submits;
        Assert.Equal([(OrderSide.Buy, 1m, 99m), (OrderSide.Buy, 2m, 98m), (OrderSide.Sell, 1m, 101m)],
            sent.Select(r => (r.Side, r.Quantity, r.LimitPrice!.Value)));
        Assert.All(sent, r => Assert.Equal((OrderType.Limit, TimeInForce.Gtc), (r.Type, r.TimeInForce)));
        Assert.Equal(["grid:-1", "grid:-2", "grid:1"], h.EventsOf<OrderInitialized>().Select(i => i.Tag));
        Assert.Equal(3, h.EventsOf<OrderPlacementRequested>().Count);
        Assert.Equal(3, h.State.OpenOrderCount);
        // Resting placed orders are not "pending" for the signal path.
        Assert.False(h.State.HasOpenSignalOrder("AAPL"));
    }

    [Fact]
    public async Task Fill_ReachesTheStrategyAfterItIsApplied_AndCancelEndsWithACanceledUpdate()
    {
        var (h, s) = await StartAsync();
        await using var _ = h;
        await OnBarAsync(h, s, 100m, c =>
        {
            Place(s, c, OrderSide.Buy, 5m, 99m);
            Place(s, c, OrderSide.Sell, 5m, 101m);
        });
        var buy = (string)s.Results[0]!;
        var sell = (string)s.Results[1]!;

        h.Venue.PushFill(buy, 2m, 99m);
        await h.UntilAsync(() => s.Updates.Count == 1, "the partial fill update");
        h.Venue.PushFill(buy, 3m, 99m);
        await h.UntilAsync(() => s.Updates.Count == 2, "the final fill update");

        var (partial, positionAtPartial) = s.Updates[0];
        Assert.Equal((StrategyOrderUpdateKind.Filled, 2m, 99m, false), (partial.Kind, partial.FillQuantity, partial.FillPrice, partial.Final));
        Assert.Equal(2m, positionAtPartial); // applied before the strategy heard of it
        var (final, positionAtFinal) = s.Updates[1];
        Assert.Equal((StrategyOrderUpdateKind.Filled, 5m, true, "t"), (final.Kind, final.FilledQuantity, final.Final, final.Tag));
        Assert.Equal(5m, positionAtFinal);

        var canceled = false;
        var foreign = true;
        await OnBarAsync(h, s, 100m, c =>
        {
            canceled = c.Cancel("placer", sell, "test");
            foreign = c.Cancel("someone-else", sell, "not theirs");
        });
        await h.UntilAsync(() => s.Updates.Count == 3, "the cancel update");
        Assert.True(canceled);
        Assert.False(foreign);
        Assert.Equal((StrategyOrderUpdateKind.Canceled, sell, true), (s.Updates[2].Update.Kind, s.Updates[2].Update.ClientOrderId, s.Updates[2].Update.Final));
        Assert.Equal(OrderStatus.Canceled, h.State.Orders[sell].Status);
    }

    [Fact]
    public async Task PlaceLimit_WhenHalted_IsDeniedByTheKillSwitch_AndNothingIsSent()
    {
        var (h, s) = await StartAsync();
        await using var _ = h;
        await h.SendAsync(new SetTradingState(TradingState.Halted, "operator"));

        await OnBarAsync(h, s, 100m, c => Place(s, c, OrderSide.Buy, 1m, 99m));

        Assert.Null(Assert.Single(s.Results));
        var denied = Assert.Single(h.EventsOf<OrderPlacementDenied>());
        Assert.Equal((DenyReason.TradingHalted, "placer"), (denied.Reason, denied.Source));
        Assert.Empty(h.EventsOf<OrderPlacementRequested>()); // the kill switch comes before the audit record
        Assert.Empty(h.EventsOf<OrderInitialized>());
        Assert.Empty(h.Venue.Submits);
    }

    [Fact]
    public async Task PlaceLimit_WhenReduceOnly_LetsOnlyOrdersThatCannotGrowOrFlipThePositionThrough()
    {
        var (h, s) = await StartAsync();
        await using var _ = h;
        await h.OpenAsync("open", "AAPL", SignalDirection.Long, 100m); // long 10
        await h.SendAsync(new SetTradingState(TradingState.Reducing, "review"));

        await OnBarAsync(h, s, 100m, c =>
        {
            Place(s, c, OrderSide.Buy, 1m, 99m);   // grows: denied
            Place(s, c, OrderSide.Sell, 6m, 101m); // reduces: allowed
            Place(s, c, OrderSide.Sell, 6m, 102m); // with the first sell it would flip short: denied
        });

        Assert.Equal([false, true, false], s.Results.Select(r => r is not null));
        Assert.Equal([DenyReason.ReducingOnly, DenyReason.ReducingOnly], h.EventsOf<OrderPlacementDenied>().Select(d => d.Reason));
        Assert.Equal(6m, h.Venue.Submits.Single(r => r.Type == OrderType.Limit).Quantity);
    }

    [Fact]
    public async Task PlaceLimit_OverTheOrderNotionalLimit_IsDeniedAfterTheIntent_AndBadRequestsBeforeIt()
    {
        var (h, s) = await StartAsync(o => o with { Risk = o.Risk with { MaxOrderNotional = 1_000m } });
        await using var _ = h;

        await OnBarAsync(h, s, 100m, c =>
        {
            Place(s, c, OrderSide.Buy, 20m, 99m);    // 1980 notional
            Place(s, c, OrderSide.Buy, 1m, 99.005m); // off the tick
            Place(s, c, OrderSide.Buy, 0m, 99m);     // no quantity
        });

        Assert.All(s.Results, Assert.Null);
        var denied = Assert.Single(h.EventsOf<OrderDenied>());
        Assert.Equal(DenyReason.MaxOrderNotionalExceeded, denied.Reason);
        Assert.Equal(OrderStatus.Denied, h.State.Orders[denied.ClientOrderId].Status);
        Assert.Equal([DenyReason.InvalidOrder, DenyReason.InvalidOrder], h.EventsOf<OrderPlacementDenied>().Select(d => d.Reason));
        Assert.Empty(h.Venue.Submits);
    }

    [Fact]
    public async Task Signal_WhileAPlacedOrderRests_IsNotDeniedAsPending()
    {
        var (h, s) = await StartAsync();
        await using var _ = h;
        await OnBarAsync(h, s, 100m, c => Place(s, c, OrderSide.Buy, 1m, 90m));

        await h.SignalAsync("sig", "AAPL", SignalDirection.Long);
        await h.SettleAsync();

        Assert.Empty(h.EventsOf<SignalDenied>());
        Assert.Equal(2, h.Venue.Submits.Count);
        Assert.Equal(OrderType.Market, h.Venue.Submits[1].Type);
    }

    [Fact]
    public async Task Cancel_OfAnOrderAlreadyPendingCancel_IsNotAskedForAgain()
    {
        var (h, s) = await StartAsync();
        await using var _ = h;
        await OnBarAsync(h, s, 100m, c => Place(s, c, OrderSide.Buy, 1m, 99m));
        var id = (string)s.Results[0]!;
        h.Venue.OnCancel = CancelReply.Hold; // taken, not yet carried out

        var answers = new List<bool>();
        await OnBarAsync(h, s, 100m, c => answers.Add(c.Cancel("placer", id, "first")));
        await OnBarAsync(h, s, 100m, c => answers.Add(c.Cancel("placer", id, "again")));

        Assert.Equal([true, false], answers);
        Assert.Equal(OrderStatus.PendingCancel, h.State.Orders[id].Status);
        Assert.Single(h.EventsOf<OrderCancelRequested>());
        Assert.Equal(1, h.Venue.CancelsOf(id));
    }

    [Fact]
    public async Task PlacementDenial_AnswersAsPlaceLimitWould_AndJournalsNothing()
    {
        var (h, s) = await StartAsync(o => o with { Risk = o.Risk with { MaxOrderNotional = 1_000m } });
        await using var _ = h;
        await h.OpenAsync("open", "AAPL", SignalDirection.Long, 100m); // long 10
        await h.SendAsync(new SetTradingState(TradingState.Reducing, "review"));
        await h.SettleAsync();

        var answers = new List<DenyReason?>();
        await OnBarAsync(h, s, 100m, c =>
        {
            answers.Add(c.PlacementDenial("placer", "AAPL", OrderSide.Buy, 1m, 99m));   // grows: reduce-only
            answers.Add(c.PlacementDenial("placer", "AAPL", OrderSide.Sell, 6m, 101m)); // reduces: would pass
            answers.Add(c.PlacementDenial("placer", "AAPL", OrderSide.Sell, 1m, 0.005m)); // off the tick
            answers.Add(c.NewExposureDenial("placer", "AAPL"));
            answers.Add(c.PlacementDenial("placer", "NOPE", OrderSide.Buy, 1m, 99m));
        });
        Assert.Equal([DenyReason.ReducingOnly, null, DenyReason.InvalidOrder, DenyReason.ReducingOnly, DenyReason.UnknownInstrument], answers);
        Assert.Empty(h.EventsOf<OrderPlacementRequested>());
        Assert.Empty(h.EventsOf<OrderPlacementDenied>());

        await h.SendAsync(new SetTradingState(TradingState.Active, "done"));
        await OnBarAsync(h, s, 100m, c =>
        {
            answers.Add(c.PlacementDenial("placer", "AAPL", OrderSide.Buy, 20m, 99m)); // 1980 notional over 1000
            answers.Add(c.NewExposureDenial("placer", "AAPL"));                        // size is not its business
        });
        Assert.Equal([DenyReason.MaxOrderNotionalExceeded, null], answers.Skip(5));
        Assert.DoesNotContain(h.EventsOf<OrderInitialized>(), o => o.Source == "placer");
    }
}
