using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

public sealed class BotKernelSignalTests
{
    [Fact]
    public async Task Signal_WithAPrice_JournalsTheIntentThenSendsExactlyOneOrder()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.BarAsync("AAPL", 187.5m);

        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.UntilEventAsync<OrderAccepted>();

        var received = Assert.Single(h.EventsOf<SignalReceived>());
        Assert.Equal("s1", received.Signal.SignalId);
        var init = Assert.Single(h.EventsOf<OrderInitialized>());
        Assert.Equal("bot-20240305-000001", init.ClientOrderId);
        Assert.Equal(OrderSide.Buy, init.Side);
        Assert.Equal(10m, init.Quantity);
        Assert.Equal(187.5m, init.ExpectedPrice);
        var submitted = Assert.Single(h.EventsOf<OrderSubmitted>());
        Assert.Equal(init.ClientOrderId, submitted.ClientOrderId);

        // The intent is journaled before the order leaves: initialized, then submitted, then the venue's answer.
        var seq = h.Journal.Events;
        var initSeq = seq.Single(e => e.Event is OrderInitialized).Sequence;
        var subSeq = seq.Single(e => e.Event is OrderSubmitted).Sequence;
        var accSeq = seq.Single(e => e.Event is OrderAccepted).Sequence;
        Assert.True(initSeq < subSeq && subSeq < accSeq);

        var sent = Assert.Single(h.Venue.Submits);
        Assert.Equal("bot-20240305-000001", sent.ClientOrderId);
        Assert.Equal("AAPL", sent.Symbol);
        Assert.Equal(OrderSide.Buy, sent.Side);
        Assert.Equal(10m, sent.Quantity);
        Assert.Equal(OrderStatus.Accepted, h.State.Orders["bot-20240305-000001"].Status);
        Assert.Equal(0m, h.State.PositionQuantity("AAPL")); // positions come from fills, never from orders
    }

    [Fact]
    public async Task ClientOrderIds_CountUpAcrossSymbols()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.BarAsync("AAPL", 100m);
        await h.BarAsync("MSFT", 300m);

        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.SignalAsync("s2", "MSFT", SignalDirection.Short);
        await h.UntilAsync(() => h.EventsOf<OrderAccepted>().Count == 2, "two acks");

        Assert.Equal(["bot-20240305-000001", "bot-20240305-000002"], h.Venue.Submits.Select(s => s.ClientOrderId).Order());
        Assert.Equal(OrderSide.Sell, h.Venue.Submits.Single(s => s.Symbol == "MSFT").Side);
    }

    [Fact]
    public async Task ClientOrderId_CarriesTheNewYorkDate_NotTheUtcDate()
    {
        // 02:00 UTC on 6 March is still 21:00 on 5 March in New York.
        await using var h = await KernelHarness.StartAsync(start: new DateTimeOffset(2024, 3, 6, 2, 0, 0, TimeSpan.Zero));
        await h.BarAsync("AAPL", 100m);

        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.UntilAsync(() => h.Venue.Submits.Count == 1, "the submit");

        Assert.Equal("bot-20240305-000001", h.Venue.Submits[0].ClientOrderId);
    }

    [Fact]
    public async Task Signal_WhenHalted_IsDeniedBeforeItIsReceived_AndNothingIsSent()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.BarAsync("AAPL", 100m);
        await h.SendAsync(new SetTradingState(TradingState.Halted, "operator kill"));

        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.SignalAsync("s2", "AAPL", SignalDirection.Flat);
        await h.SettleAsync();

        Assert.Equal([DenyReason.TradingHalted, DenyReason.TradingHalted], h.EventsOf<SignalDenied>().Select(d => d.Reason));
        Assert.Empty(h.EventsOf<SignalReceived>());
        Assert.Empty(h.EventsOf<OrderInitialized>());
        Assert.Empty(h.Venue.Submits);
    }

    [Fact]
    public async Task Signal_ThatWouldGrowOrFlipAPosition_WhenReducing_IsDenied_ButClosingIsAllowed()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.OpenAsync("open", "AAPL", SignalDirection.Long, 100m);
        await h.SendAsync(new SetTradingState(TradingState.Reducing, "risk review"));

        await h.SignalAsync("grow", "AAPL", SignalDirection.Long, target: 20m);
        await h.SignalAsync("flip", "AAPL", SignalDirection.Short);
        await h.SignalAsync("other", "MSFT", SignalDirection.Long, target: 5m);
        await h.SettleAsync();

        Assert.Equal(DenyReason.ReducingOnly, h.EventsOf<SignalDenied>().Single(d => d.SignalId == "grow").Reason);
        Assert.Equal(DenyReason.ReducingOnly, h.EventsOf<SignalDenied>().Single(d => d.SignalId == "flip").Reason);
        Assert.Equal(DenyReason.ReducingOnly, h.EventsOf<SignalDenied>().Single(d => d.SignalId == "other").Reason);
        Assert.Single(h.Venue.Submits);

        await h.SignalAsync("halve", "AAPL", SignalDirection.Long, target: 5m);
        await h.UntilAsync(() => h.Venue.Submits.Count == 2, "the reducing order");
        var reduce = h.Venue.Submits[1];
        Assert.Equal(OrderSide.Sell, reduce.Side);
        Assert.Equal(5m, reduce.Quantity);
    }

    [Fact]
    public async Task Signal_ForAnInstrumentTheBotDoesNotTrade_IsDenied()
    {
        await using var h = await KernelHarness.StartAsync();

        await h.SignalAsync("s1", "TSLA", SignalDirection.Long);
        await h.SettleAsync();

        Assert.Equal(DenyReason.UnknownInstrument, Assert.Single(h.EventsOf<SignalDenied>()).Reason);
        Assert.Empty(h.EventsOf<SignalReceived>());
        Assert.Empty(h.Venue.Submits);
    }

    [Theory]
    [InlineData("s1", "test", 1.5)]
    [InlineData("s1", "test", -0.1)]
    [InlineData("", "test", 1.0)]
    [InlineData("s1", "", 1.0)]
    public async Task Signal_ThatIsMalformed_IsDenied(string id, string source, double strength)
    {
        await using var h = await KernelHarness.StartAsync();
        await h.BarAsync("AAPL", 100m);

        await h.SignalAsync(id, "AAPL", SignalDirection.Long, (decimal)strength, source: source);
        await h.SettleAsync();

        Assert.Equal(DenyReason.InvalidSignal, Assert.Single(h.EventsOf<SignalDenied>()).Reason);
        Assert.Empty(h.EventsOf<SignalReceived>());
        Assert.Empty(h.Venue.Submits);
    }

    [Fact]
    public async Task Signal_WhileAnOrderOfTheSymbolIsWorking_IsDeniedAsOrderPending()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.BarAsync("AAPL", 100m);
        await h.BarAsync("MSFT", 300m);

        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.UntilEventAsync<OrderAccepted>();
        await h.SignalAsync("s2", "AAPL", SignalDirection.Short);
        await h.SignalAsync("s3", "MSFT", SignalDirection.Long); // another symbol is not blocked
        await h.SettleAsync();

        var denied = Assert.Single(h.EventsOf<SignalDenied>());
        Assert.Equal("s2", denied.SignalId);
        Assert.Equal(DenyReason.OrderPending, denied.Reason);
        Assert.Equal(3, h.EventsOf<SignalReceived>().Count); // received (audited), then denied
        Assert.Equal(2, h.Venue.Submits.Count);
    }

    [Fact]
    public async Task Denials_AreCountedPerSourceByReason_WithTheLastOnesDetail_AndSurviveASnapshot()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long, source: "a");
        await h.UntilEventAsync<OrderAccepted>();
        await h.SignalAsync("s2", "AAPL", SignalDirection.Short, source: "a"); // an order works: OrderPending
        await h.SignalAsync("s3", "NOPE", SignalDirection.Long, source: "a"); // UnknownInstrument, the last
        await h.SignalAsync("s4", "AAPL", SignalDirection.Short, source: "b");
        await h.SettleAsync();

        var a = h.State.Feedback["a"];
        Assert.Equal(2, a.Denied);
        Assert.Equal([(DenyReason.UnknownInstrument, 1L), (DenyReason.OrderPending, 1L)], a.DeniedByReason.Select(d => (d.Key, d.Value))); // in the reasons' declared order
        Assert.Equal(("NOPE", DenyReason.UnknownInstrument, "no instrument NOPE in this bot"), (a.LastDenied!.Symbol, a.LastDenied.Reason, a.LastDenied.Detail));
        Assert.Equal(h.Time.GetUtcNow(), a.LastDenied.Time);
        Assert.Equal(DenyReason.OrderPending, h.State.Feedback["b"].LastDenied!.Reason);
        var restored = KernelStateJson.Deserialize(KernelStateJson.Serialize(h.State)).Feedback["a"];
        Assert.Equal(a.DeniedByReason, restored.DeniedByReason);
        Assert.Equal(a.LastDenied, restored.LastDenied);
    }

    [Fact]
    public async Task Signal_ForThePositionAlreadyHeld_IsDeniedAsAlreadyAtTarget()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.BarAsync("MSFT", 300m);
        await h.SignalAsync("flat", "MSFT", SignalDirection.Flat);
        await h.OpenAsync("open", "AAPL", SignalDirection.Long, 100m);

        await h.SignalAsync("again", "AAPL", SignalDirection.Long);
        await h.SettleAsync();

        Assert.Equal([("flat", DenyReason.AlreadyAtTarget), ("again", DenyReason.AlreadyAtTarget)],
            h.EventsOf<SignalDenied>().Select(d => (d.SignalId, d.Reason)));
        Assert.Single(h.Venue.Submits);
    }

    [Fact]
    public async Task Signal_ToBeSizedBeforeAnyBar_IsDeniedForNoMarketPrice()
    {
        await using var h = await KernelHarness.StartAsync();

        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.SettleAsync();

        Assert.Equal(DenyReason.NoMarketPrice, Assert.Single(h.EventsOf<SignalDenied>()).Reason);
        Assert.Empty(h.Venue.Submits);
    }

    [Fact]
    public async Task Signal_WithAnExactTargetBeforeAnyBar_IsDeniedForNoMarketPrice_SoLimitsCannotBeBypassed()
    {
        await using var h = await KernelHarness.StartAsync(o => o with { Risk = new RiskLimits { MaxPositionNotional = 50_000m } });

        // A million shares: with no price the notional limits cannot be checked, so the order must not go out.
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long, target: 1_000_000m);
        await h.SettleAsync();

        Assert.Equal(DenyReason.NoMarketPrice, Assert.Single(h.EventsOf<SignalDenied>()).Reason);
        Assert.Empty(h.Venue.Submits);
    }

    [Fact]
    public async Task Signal_SizedBelowOneLot_IsDeniedAsZeroQuantity()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.BarAsync("AAPL", 100m);

        await h.SignalAsync("s1", "AAPL", SignalDirection.Long, strength: 0.05m); // 10 * 0.05 = 0.5 share
        await h.SettleAsync();

        Assert.Equal(DenyReason.ZeroQuantity, Assert.Single(h.EventsOf<SignalDenied>()).Reason);
        Assert.Empty(h.Venue.Submits);
    }

    [Fact]
    public async Task Order_OverThePositionLimit_IsDeniedAsAnOrder_AndNeverSent()
    {
        await using var h = await KernelHarness.StartAsync(o => o with { Risk = new RiskLimits { MaxPositionNotional = 999m } });
        await h.BarAsync("AAPL", 100m);

        await h.SignalAsync("s1", "AAPL", SignalDirection.Long); // 10 * 100 = 1,000 > 999
        await h.SettleAsync();

        var init = Assert.Single(h.EventsOf<OrderInitialized>());
        var denied = Assert.Single(h.EventsOf<OrderDenied>());
        Assert.Equal(init.ClientOrderId, denied.ClientOrderId);
        Assert.Equal(DenyReason.MaxPositionExceeded, denied.Reason);
        Assert.Equal(OrderStatus.Denied, h.State.Orders[init.ClientOrderId].Status);
        Assert.Empty(h.EventsOf<OrderSubmitted>());
        Assert.Empty(h.Venue.Submits);
    }

    [Fact]
    public async Task Order_OverTheOrderLimit_IsDenied_WhileTheSamePositionReachedInStepsIsNot()
    {
        await using var h = await KernelHarness.StartAsync(o => o with
        {
            Risk = new RiskLimits { MaxPositionNotional = 10_000m, MaxOrderNotional = 1_500m },
        });
        await h.OpenAsync("open", "AAPL", SignalDirection.Long, 100m); // 1,000

        await h.SignalAsync("flip", "AAPL", SignalDirection.Short); // sells 20: 2,000 > 1,500
        await h.SettleAsync();

        Assert.Equal(DenyReason.MaxOrderNotionalExceeded, Assert.Single(h.EventsOf<OrderDenied>()).Reason);
        Assert.Single(h.Venue.Submits);

        await h.SignalAsync("close", "AAPL", SignalDirection.Flat);
        await h.UntilAsync(() => h.Venue.Submits.Count == 2, "the closing order");
        Assert.Equal(10m, h.Venue.Submits[1].Quantity);
    }

    [Fact]
    public async Task AnOrderDeniedByRisk_IsCountedForItsSource_ByReason_AndAsItsLastDenial_AcrossASnapshot()
    {
        await using var h = await KernelHarness.StartAsync(o => o with
        {
            Risk = new RiskLimits { MaxPositionNotional = 10_000m, MaxOrderNotional = 1_500m },
        });
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("big", "AAPL", SignalDirection.Long, target: 20m, source: "breakout"); // 2,000 > 1,500
        await h.SettleAsync();

        var stats = h.State.Feedback["breakout"];
        // The signal passed (received, not denied); its order did not.
        Assert.Equal((1L, 0L, 1L), (stats.Signals, stats.Denied, stats.OrdersDenied));
        Assert.Equal(1L, stats.OrdersDeniedByReason[DenyReason.MaxOrderNotionalExceeded]);
        Assert.Equal(("AAPL", DenyReason.MaxOrderNotionalExceeded), (stats.LastDenied!.Symbol, stats.LastDenied.Reason));
        Assert.Equal(Assert.Single(h.EventsOf<OrderDenied>()).Detail, stats.LastDenied.Detail);
        var restored = KernelStateJson.Deserialize(KernelStateJson.Serialize(h.State)).Feedback["breakout"];
        Assert.Equal((1L, 1L), (restored.OrdersDenied, restored.OrdersDeniedByReason[DenyReason.MaxOrderNotionalExceeded]));
    }

    [Fact]
    public async Task Order_ThatOnlyReduces_PassesTheSizeLimits()
    {
        await using var h = await KernelHarness.StartAsync(o => o with
        {
            Risk = new RiskLimits { MaxPositionNotional = 10_000m, MaxOrderNotional = 1_500m },
        });
        await h.OpenAsync("open", "AAPL", SignalDirection.Long, 100m);
        await h.BarAsync("AAPL", 500m); // the position is now worth 5,000, over the order limit

        await h.SendAsync(new ClosePosition("AAPL", "operator", "close-1"));
        await h.UntilAsync(() => h.Venue.Submits.Count == 2, "the closing order");

        Assert.Empty(h.EventsOf<OrderDenied>());
        Assert.Equal(OrderSide.Sell, h.Venue.Submits[1].Side);
    }
}
