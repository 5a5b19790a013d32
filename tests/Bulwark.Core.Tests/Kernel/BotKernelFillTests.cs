using Bulwark.Core.Execution;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;
using Bulwark.Core.Venues;

namespace Bulwark.Core.Tests.Kernel;

public sealed class BotKernelFillTests
{
    private static async Task<(KernelHarness H, string Id)> WithAcceptedBuyAsync(decimal price = 100m)
    {
        var h = await KernelHarness.StartAsync();
        await h.BarAsync("AAPL", price);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.UntilEventAsync<OrderAccepted>();
        return (h, h.OrderOf("s1"));
    }

    [Fact]
    public async Task Fill_UpdatesOrderPositionAndCash()
    {
        var (h, id) = await WithAcceptedBuyAsync();
        await using var _ = h;

        h.Venue.PushFill(id, 4m, 100m, commission: 1m);
        h.Venue.PushFill(id, 6m, 101m, commission: 1m);
        await h.UntilAsync(() => h.EventsOf<OrderFilled>().Count == 2, "two fills");

        var order = h.State.Orders[id];
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(100.6m, order.AverageFillPrice); // (400 + 606) / 10
        Assert.Equal(10m, h.State.PositionQuantity("AAPL"));
        Assert.Equal(100.6m, h.State.Positions["AAPL"].AveragePrice);
        Assert.Equal(100_000m - 1_006m - 2m, h.State.Cash);
        Assert.Equal(-2m, h.State.DailyRealizedPnl); // commissions only: nothing closed yet
        Assert.Empty(h.EventsOf<AlertRaised>());
    }

    [Fact]
    public async Task Fill_JournalsWhatTheVenueSaysSlippageCost_WithoutChangingThePrice_AndCountsTheSourcesCosts()
    {
        var (h, id) = await WithAcceptedBuyAsync();
        await using var _ = h;

        h.Venue.PushRaw(new VenueFill("t-1", id, "v1", "AAPL", OrderSide.Buy, 4m, 100.05m, 1m, h.Time.GetUtcNow()) { Slippage = 0.2m });
        h.Venue.PushRaw(new VenueFill("t-2", id, "v1", "AAPL", OrderSide.Buy, 6m, 100.05m, 1.5m, h.Time.GetUtcNow()) { Slippage = 0.3m });
        await h.UntilAsync(() => h.EventsOf<OrderFilled>().Count == 2, "the fills");

        var fill = h.EventsOf<OrderFilled>()[0];
        Assert.Equal((100.05m, 0.2m), (fill.Price, fill.Slippage));
        Assert.Equal(100_000m - 1_000.5m - 2.5m, h.State.Cash); // the price holds the slippage already: it is not charged twice
        // The source's costs add up over its fills, and survive a snapshot.
        var stats = h.State.Feedback["test"];
        Assert.Equal((2.5m, 0.5m), (stats.Commission, stats.Slippage));
        var restored = Bulwark.Core.Kernel.KernelStateJson.Deserialize(Bulwark.Core.Kernel.KernelStateJson.Serialize(h.State)).Feedback["test"];
        Assert.Equal((2.5m, 0.5m), (restored.Commission, restored.Slippage));
    }

    [Fact]
    public async Task Fills_CountTheSourcesImplementationShortfall_AgainstThePriceEachOrderWasDecidedAt()
    {
        var (h, buy) = await WithAcceptedBuyAsync(price: 100m);
        await using var _ = h;

        // Decided at 100, filled 4 at 100.25 and 6 at 100.50: 1.00 + 3.00 worse.
        h.Venue.PushFill(buy, 4m, 100.25m);
        h.Venue.PushFill(buy, 6m, 100.50m);
        await h.UntilAsync(() => h.EventsOf<OrderFilled>().Count == 2, "the buy's fills");
        Assert.Equal(4m, h.State.Feedback["test"].ImplementationShortfall);

        // The exit is decided at the last price, 102, and sells better, at 102.30: 3.00 back.
        await h.BarAsync("AAPL", 102m);
        await h.SignalAsync("s2", "AAPL", SignalDirection.Flat);
        await h.UntilEventAsync<OrderAccepted>(e => h.OrderOf("s2") == e.ClientOrderId);
        var sell = h.OrderOf("s2");
        Assert.Equal(102m, h.State.Orders[sell].ExpectedPrice);
        h.Venue.PushFill(sell, 10m, 102.30m);
        await h.UntilAsync(() => h.EventsOf<OrderFilled>().Count == 3, "the sell's fill");

        var stats = h.State.Feedback["test"];
        Assert.Equal(1m, stats.ImplementationShortfall);
        Assert.Equal(0m, stats.Slippage); // the venue reported none: the shortfall needs only the fill's price
        var restored = Bulwark.Core.Kernel.KernelStateJson.Deserialize(Bulwark.Core.Kernel.KernelStateJson.Serialize(h.State)).Feedback["test"];
        Assert.Equal(1m, restored.ImplementationShortfall);
    }

    [Fact]
    public async Task Fill_WithTooMuchSlippage_IsStillApplied_AndRaisesAWarning()
    {
        var (h, id) = await WithAcceptedBuyAsync(price: 100m);
        await using var _ = h;

        h.Venue.PushFill(id, 10m, 103m); // 3% worse than expected, limit is 2%
        await h.UntilEventAsync<AlertRaised>();

        var fill = Assert.Single(h.EventsOf<OrderFilled>());
        Assert.Equal(FillIssues.Slippage, fill.Issues);
        var alert = Assert.Single(h.EventsOf<AlertRaised>());
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        // By how much, against what and which limit: on bars, a gap to the next open reads as slippage.
        Assert.Contains("failed: Slippage (3% worse than the expected 100; fillValidation.maxSlippagePercent 2", alert.Message, StringComparison.Ordinal);
        Assert.Equal(10m, h.State.PositionQuantity("AAPL"));
        Assert.Equal(103m, h.State.Positions["AAPL"].AveragePrice);
        Assert.Equal(TradingState.Active, h.State.TradingState); // not critical
    }

    [Fact]
    public async Task Fill_BeyondTheOrderQuantity_IsApplied_RaisesCritical_AndSwitchesToReducing()
    {
        var (h, id) = await WithAcceptedBuyAsync();
        await using var _ = h;

        h.Venue.PushFill(id, 10m, 100m);
        h.Venue.PushRaw(new VenueFill("t-extra", id, "v1", "AAPL", OrderSide.Buy, 5m, 100m, 0m, h.Time.GetUtcNow()));
        await h.UntilEventAsync<TradingStateChanged>();

        var extra = h.EventsOf<OrderFilled>().Single(f => f.VenueTradeId == "t-extra");
        Assert.True(extra.Issues.HasFlag(FillIssues.Overfill));
        Assert.Equal(15m, h.State.PositionQuantity("AAPL")); // the broker is truth
        Assert.Equal(AlertSeverity.Critical, Assert.Single(h.EventsOf<AlertRaised>()).Severity);
        Assert.Equal(TradingState.Reducing, h.State.TradingState);

        await h.SignalAsync("more", "AAPL", SignalDirection.Long, target: 20m);
        await h.SettleAsync();
        Assert.Equal(DenyReason.ReducingOnly, Assert.Single(h.EventsOf<SignalDenied>()).Reason);
    }

    [Fact]
    public async Task Fill_ForAnOrderOfOursTheEngineDoesNotKnow_IsApplied_AndSwitchesToReducing()
    {
        await using var h = await KernelHarness.StartAsync();

        h.Venue.PushRaw(new VenueFill("t-ghost", "bot-20240301-000042", "v9", "MSFT", OrderSide.Sell, 3m, 300m, 0m, h.Time.GetUtcNow()));
        await h.UntilEventAsync<TradingStateChanged>();

        Assert.Equal(FillIssues.UnknownOrder, Assert.Single(h.EventsOf<OrderFilled>()).Issues);
        Assert.Equal(-3m, h.State.PositionQuantity("MSFT"));
        Assert.Equal(TradingState.Reducing, h.State.TradingState);
    }

    [Fact]
    public async Task Fill_ForAnotherBotsOrder_IsNotApplied_AndRaisesAWarning()
    {
        await using var h = await KernelHarness.StartAsync();

        h.Venue.PushRaw(new VenueFill("t-other", "otherbot-20240305-000001", "v9", "AAPL", OrderSide.Buy, 3m, 100m, 0m, h.Time.GetUtcNow()));
        await h.UntilEventAsync<AlertRaised>();

        Assert.Empty(h.EventsOf<OrderFilled>());
        Assert.Equal(0m, h.State.PositionQuantity("AAPL"));
        Assert.Equal(AlertSeverity.Warning, Assert.Single(h.EventsOf<AlertRaised>()).Severity);
        Assert.Equal(TradingState.Active, h.State.TradingState);
    }

    [Fact]
    public async Task Fill_DeliveredTwice_IsAppliedOnce()
    {
        var (h, id) = await WithAcceptedBuyAsync();
        await using var _ = h;

        var fill = h.Venue.PushFill(id, 4m, 100m);
        h.Venue.PushRaw(fill);
        h.Venue.PushRaw(fill with { Quantity = 6m }); // same trade id: still the same execution
        await h.UntilAsync(() => h.EventsOf<FillDuplicateIgnored>().Count == 2, "two duplicates");

        Assert.Single(h.EventsOf<OrderFilled>());
        Assert.All(h.EventsOf<FillDuplicateIgnored>(), d => Assert.Equal(fill.VenueTradeId, d.VenueTradeId));
        Assert.Equal(4m, h.State.PositionQuantity("AAPL"));
        Assert.Equal(4m, h.State.Orders[id].FilledQuantity);
        Assert.Equal(2, h.State.DuplicateFills);
    }

    [Fact]
    public async Task Fill_AfterTheOrderWasCanceled_IsApplied_AndTheOrderStaysCanceled()
    {
        var (h, id) = await WithAcceptedBuyAsync();
        await using var _ = h;
        h.Venue.PushFill(id, 6m, 100m);
        await h.SendAsync(new CancelOrder(id, "test"));
        await h.UntilEventAsync<OrderCanceled>();

        // The venue executed the rest before it processed the cancel, and reports it late.
        h.Venue.PushRaw(new VenueFill("t-late", id, "v1", "AAPL", OrderSide.Buy, 4m, 100m, 0m, h.Time.GetUtcNow()));
        await h.UntilEventAsync<OrderFilled>(f => f.VenueTradeId == "t-late");

        var late = h.EventsOf<OrderFilled>().Single(f => f.VenueTradeId == "t-late");
        Assert.Equal(FillIssues.OrderNotFillable, late.Issues);
        Assert.Equal(OrderStatus.Canceled, h.State.Orders[id].Status);
        Assert.Equal(10m, h.State.PositionQuantity("AAPL"));
        Assert.Equal(TradingState.Active, h.State.TradingState);
        Assert.Contains(h.EventsOf<AlertRaised>(), a => a.Severity == AlertSeverity.Warning);
    }

    [Fact]
    public async Task Cancel_OfAnOrderThatFilledTooLittle_RaisesSmallPartialAlert()
    {
        var (h, id) = await WithAcceptedBuyAsync();
        await using var _ = h;
        h.Venue.PushFill(id, 2m, 100m);

        await h.SendAsync(new CancelOrder(id, "test"));
        await h.UntilEventAsync<OrderCanceled>();

        Assert.Equal("SmallPartialFill", Assert.Single(h.EventsOf<AlertRaised>()).Code);
        Assert.Equal(2m, h.State.PositionQuantity("AAPL"));
    }

    [Fact]
    public async Task PartialFills_ThatOpenAPosition_AreNotARoundTrip()
    {
        await using var h = await KernelHarness.StartAsync(o => o with { Risk = new RiskLimits { MaxConsecutiveLosses = 1 } });
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.UntilEventAsync<OrderAccepted>();
        var id = h.OrderOf("s1");

        // Opening in three pieces, each paying commission: nothing has been closed, so nothing was lost.
        h.Venue.PushFill(id, 3m, 100m, commission: 1m);
        h.Venue.PushFill(id, 3m, 100m, commission: 1m);
        h.Venue.PushFill(id, 4m, 100m, commission: 1m);
        await h.UntilAsync(() => h.EventsOf<OrderFilled>().Count == 3, "three fills");

        Assert.Equal(0, h.State.ConsecutiveLosses);
        Assert.Equal(0, h.State.StatsFor("test").RoundTrips);
        Assert.Empty(h.EventsOf<CircuitBreakerTripped>());
        Assert.Equal(-3m, h.State.Positions["AAPL"].RoundTripPnl);

        // Closing at 101 makes 10 gross, 10 - 3 - 1 = 6 net over the round trip: one winning round trip.
        await h.BarAsync("AAPL", 101m);
        await h.SignalAsync("s2", "AAPL", SignalDirection.Flat);
        await h.UntilAsync(() => h.OrderOf("s2") is { Length: > 0 } c && h.Venue.Order(c) is not null, "the closing order");
        h.Venue.PushFill(h.OrderOf("s2"), 10m, 101m, commission: 1m);
        await h.UntilAsync(() => h.EventsOf<OrderFilled>().Count == 4, "the closing fill");

        var stats = h.State.StatsFor("test");
        Assert.Equal(1, stats.RoundTrips);
        Assert.Equal(1, stats.Wins);
        Assert.Equal(6m, stats.RealizedPnl);
        Assert.Equal(0, h.State.ConsecutiveLosses);
    }
}
