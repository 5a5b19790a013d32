using Bulwark.Core.Orders;
using Bulwark.Core.Venues;

namespace Bulwark.Venues.Tests.Paper;

public sealed class PaperVenueSubmitTests
{
    [Fact]
    public async Task Submit_WhenValid_AcceptsWithVenueOrderIdAndPushesAccepted()
    {
        await using var h = await PaperHarness.OpenAsync();

        var result = await h.SubmitAsync("c-1", OrderSide.Buy, OrderType.Limit, 10m, limit: 99.5m);

        Assert.Equal(SubmitOutcome.Accepted, result.Outcome);
        Assert.Matches("^P[0-9]{6}$", result.VenueOrderId);
        var order = await h.OrderAsync("c-1");
        Assert.Equal(OrderStatus.Accepted, order.Status);
        Assert.Equal(result.VenueOrderId, order.VenueOrderId);
        Assert.Equal(99.5m, order.LimitPrice);
        Assert.Equal(h.Time.GetUtcNow(), order.CreatedAt);
        var update = Assert.Single(h.Sink.Updates);
        Assert.Equal(new VenueOrderUpdate("c-1", result.VenueOrderId, VenueOrderUpdateKind.Accepted, h.Time.GetUtcNow()), update);
    }

    [Fact]
    public async Task Submit_GivesEachOrderItsOwnVenueOrderId()
    {
        await using var h = await PaperHarness.OpenAsync();

        var first = await h.BuyAsync("c-1", 1m);
        var second = await h.BuyAsync("c-2", 1m);

        Assert.Equal("P000001", first.VenueOrderId);
        Assert.Equal("P000002", second.VenueOrderId);
    }

    public static TheoryData<string, OrderType, decimal, decimal?, decimal?, VenueRejectCode> Invalid => new()
    {
        { "AAPL", OrderType.Market, 0m, null, null, VenueRejectCode.InvalidQuantity },
        { "AAPL", OrderType.Market, -5m, null, null, VenueRejectCode.InvalidQuantity },
        { "AAPL", OrderType.Market, 1.5m, null, null, VenueRejectCode.InvalidQuantity },
        { "BTC", OrderType.Market, 0.0015m, null, null, VenueRejectCode.InvalidQuantity },
        { "AAPL", OrderType.Limit, 1m, null, null, VenueRejectCode.InvalidPrice },
        { "AAPL", OrderType.Limit, 1m, 0m, null, VenueRejectCode.InvalidPrice },
        { "AAPL", OrderType.Limit, 1m, -1m, null, VenueRejectCode.InvalidPrice },
        { "AAPL", OrderType.Limit, 1m, 100.005m, null, VenueRejectCode.InvalidPrice },
        { "BTC", OrderType.Limit, 0.001m, 100.25m, null, VenueRejectCode.InvalidPrice },
        { "AAPL", OrderType.Stop, 1m, null, null, VenueRejectCode.InvalidPrice },
        { "AAPL", OrderType.Stop, 1m, null, 0m, VenueRejectCode.InvalidPrice },
        { "AAPL", OrderType.Stop, 1m, null, 100.001m, VenueRejectCode.InvalidPrice },
        { "AAPL", OrderType.StopLimit, 1m, 101m, null, VenueRejectCode.InvalidPrice },
        { "AAPL", OrderType.StopLimit, 1m, null, 100m, VenueRejectCode.InvalidPrice },
        { "AAPL", OrderType.StopLimit, 1m, 101.001m, 100m, VenueRejectCode.InvalidPrice },
        { "NOPE", OrderType.Market, 1m, null, null, VenueRejectCode.UnknownSymbol },
        { "AAPL", (OrderType)42, 1m, null, null, VenueRejectCode.UnsupportedOrderType },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Submit_WhenInvalid_RejectsWithReasonRecordsItAndPushesRejected(string symbol, OrderType type,
        decimal quantity, decimal? limit, decimal? stop, VenueRejectCode expected)
    {
        await using var h = await PaperHarness.OpenAsync();

        var result = await h.SubmitAsync("bad-1", OrderSide.Buy, type, quantity, limit, stop, symbol: symbol);

        Assert.Equal(SubmitOutcome.Rejected, result.Outcome);
        Assert.Equal(expected, result.RejectCode);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
        var order = await h.OrderAsync("bad-1");
        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Equal(expected, order.RejectCode);
        var update = Assert.Single(h.Sink.Updates);
        Assert.Equal(VenueOrderUpdateKind.Rejected, update.Kind);
        Assert.Equal(expected, update.RejectCode);
        Assert.Equal("bad-1", update.ClientOrderId);
        Assert.Empty(await h.Venue.GetOrdersAsync(openOnly: true, CancellationToken.None));
    }

    [Fact]
    public async Task Submit_WhenRejected_NeverFills()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.SubmitAsync("bad-1", OrderSide.Buy, OrderType.Market, 1.5m);

        await h.BarAtAsync(100m);

        Assert.Empty(await h.FillsAsync());
    }

    [Fact]
    public async Task Submit_BuyCostingMoreThanCashAtLastPrice_IsRejectedForFunds()
    {
        await using var h = await PaperHarness.OpenAsync(PaperHarness.Plain with { InitialCash = 1_000m });
        await h.BarAtAsync(100m);

        var tooBig = await h.BuyAsync("c-1", 11m);
        var fits = await h.BuyAsync("c-2", 10m);

        Assert.Equal(VenueRejectCode.InsufficientFunds, tooBig.RejectCode);
        Assert.Equal(SubmitOutcome.Accepted, fits.Outcome);
    }

    [Fact]
    public async Task Submit_LimitBuy_IsCheckedAtItsLimitPriceIncludingCommission()
    {
        var options = PaperHarness.Plain with { InitialCash = 1_000m, PerFill = 1m };
        await using var h = await PaperHarness.OpenAsync(options);

        var withCommission = await h.SubmitAsync("c-1", OrderSide.Buy, OrderType.Limit, 10m, limit: 100m);
        var fits = await h.SubmitAsync("c-2", OrderSide.Buy, OrderType.Limit, 10m, limit: 99.9m);

        Assert.Equal(VenueRejectCode.InsufficientFunds, withCommission.RejectCode);
        Assert.Equal(SubmitOutcome.Accepted, fits.Outcome);
    }

    [Fact]
    public async Task Submit_MarketBuyBeforeAnyPriceIsKnown_IsAccepted()
    {
        await using var h = await PaperHarness.OpenAsync(PaperHarness.Plain with { InitialCash = 1m });

        var result = await h.BuyAsync("c-1", 1_000m);

        Assert.Equal(SubmitOutcome.Accepted, result.Outcome);
    }

    [Fact]
    public async Task Submit_SellBeyondLongPositionWhenShortingIsOff_IsRejected()
    {
        await using var h = await PaperHarness.OpenAsync(PaperHarness.Plain with { AllowShort = false });
        await h.BuyAsync("b-1", 10m);
        await h.BarAtAsync(100m);
        await h.SubmitAsync("s-1", OrderSide.Sell, OrderType.Limit, 6m, limit: 200m);

        var beyond = await h.SellAsync("s-2", 5m);
        var within = await h.SellAsync("s-3", 4m);

        Assert.Equal(VenueRejectCode.Other, beyond.RejectCode);
        Assert.Equal(SubmitOutcome.Accepted, within.Outcome);
    }

    [Fact]
    public async Task Submit_SellFromFlatWhenShortingIsOn_IsAccepted()
    {
        await using var h = await PaperHarness.OpenAsync();

        var result = await h.SellAsync("s-1", 5m);

        Assert.Equal(SubmitOutcome.Accepted, result.Outcome);
    }

    [Fact]
    public async Task Submit_WithEmptyClientOrderId_Throws()
    {
        await using var h = await PaperHarness.OpenAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => h.BuyAsync(" ", 1m));
    }
}
