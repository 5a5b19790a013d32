using Bulwark.Core.Orders;
using Bulwark.Core.Venues;
using Bulwark.Venues.Paper;
using Bulwark.Venues.Tests.Fakes;
using Microsoft.Data.Sqlite;

namespace Bulwark.Venues.Tests.Paper;

/// <summary>
/// One-cancels-other groups: 10 AAPL bought at 100 are guarded by a sell stop at 95 ("stop") and a take-profit sell
/// limit at 110 ("tp") in group "g"; whatever happens, the shares are sold at most once.
/// </summary>
public sealed class PaperVenueOcoTests
{
    public static readonly TheoryData<PaperStoreKind> Kinds =
        [PaperStoreKind.Sqlite, PaperStoreKind.Memory, PaperStoreKind.MemoryWithoutHistory];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task StopFill_CancelsTheTakeProfit_AndTheSharesAreSoldOnce(PaperStoreKind kind)
    {
        await using var h = await GuardedAsync(kind);
        await h.SubmitAsync("other", OrderSide.Sell, OrderType.Limit, 1m, limit: 130m); // no group: not touched

        await h.BarAsync(99m, 99m, 94m, 96m);     // down through the stop
        await h.BarAsync(105m, 111m, 104m, 110m); // then up through the take-profit, which is gone

        var sell = Assert.Single(h.Sink.Fills, f => f.Side == OrderSide.Sell);
        Assert.Equal(("stop", 10m, 95m), (sell.ClientOrderId, sell.Quantity, sell.Price));
        AssertCanceledBy(h, "tp", "stop");
        Assert.Null(await h.PositionAsync());
        Assert.Equal(100_000m - 1_000m + 950m, await h.CashAsync());
        Assert.Equal(["other"], await OpenIdsAsync(h));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task TakeProfitFill_CancelsTheStop_AndTheSharesAreSoldOnce(PaperStoreKind kind)
    {
        await using var h = await GuardedAsync(kind);

        await h.BarAsync(105m, 111m, 104m, 110m); // up through the take-profit
        await h.BarAsync(99m, 99m, 90m, 92m);     // then down through the stop, which is gone

        var sell = Assert.Single(h.Sink.Fills, f => f.Side == OrderSide.Sell);
        Assert.Equal(("tp", 10m, 110m), (sell.ClientOrderId, sell.Quantity, sell.Price));
        AssertCanceledBy(h, "stop", "tp");
        Assert.Null(await h.PositionAsync());
        Assert.Equal(100_000m - 1_000m + 1_100m, await h.CashAsync());
        Assert.Empty(await OpenIdsAsync(h));
    }

    public static readonly TheoryData<PaperStoreKind, decimal, decimal, decimal, string, decimal, bool> BarsReachingBoth =
        BothSubmissionOrders(
            (112m, 113m, 94m, "tp", 112m),  // opens through the take-profit: it filled at the open
            (93m, 111m, 92m, "stop", 93m),  // opens through the stop: it filled at the open
            (100m, 111m, 94m, "stop", 95m)); // both inside the bar, path unknown: the loss is taken to come first

    [Theory]
    [MemberData(nameof(BarsReachingBoth))]
    public async Task BarReachingBoth_FillsOnlyTheOrderItReachedFirst_WhicheverWasSubmittedFirst(PaperStoreKind kind,
        decimal open, decimal high, decimal low, string first, decimal price, bool takeProfitSubmittedFirst)
    {
        await using var h = await GuardedAsync(kind, takeProfitFirst: takeProfitSubmittedFirst);

        await h.BarAsync(open, high, low, (high + low) / 2m);

        var sell = Assert.Single(h.Sink.Fills, f => f.Side == OrderSide.Sell);
        Assert.Equal((first, 10m, price), (sell.ClientOrderId, sell.Quantity, sell.Price));
        AssertCanceledBy(h, first == "tp" ? "stop" : "tp", first);
        Assert.Null(await h.PositionAsync());
        Assert.Empty(await OpenIdsAsync(h));
    }

    [Theory]
    [InlineData(PaperStoreKind.Sqlite, true)]
    [InlineData(PaperStoreKind.Sqlite, false)]
    [InlineData(PaperStoreKind.MemoryWithoutHistory, true)]
    [InlineData(PaperStoreKind.MemoryWithoutHistory, false)]
    public async Task BarReachingTwoStopsInside_FillsTheEarlierSubmitted(PaperStoreKind kind, bool highStopFirst)
    {
        await using var h = await PaperHarness.OpenInAsync(kind);
        await h.BuyAsync("buy", 10m);
        await h.BarAtAsync(100m);
        string[] ids = highStopFirst ? ["s97", "s95"] : ["s95", "s97"];
        foreach (var id in ids)
            await h.SubmitAsync(id, OrderSide.Sell, OrderType.Stop, 10m, stop: id == "s97" ? 97m : 95m, oco: "g");

        await h.BarAsync(100m, 100m, 90m, 92m); // passes both stops inside the bar

        var sell = Assert.Single(h.Sink.Fills, f => f.Side == OrderSide.Sell);
        Assert.Equal((ids[0], ids[0] == "s97" ? 97m : 95m), (sell.ClientOrderId, sell.Price));
        AssertCanceledBy(h, ids[1], ids[0]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task SiblingTheSameBarOnlyTriggers_StaysCanceled(PaperStoreKind kind)
    {
        await using var h = await PaperHarness.OpenInAsync(kind);
        await h.BuyAsync("buy", 10m);
        await h.BarAtAsync(100m);
        await h.SubmitAsync("tp", OrderSide.Sell, OrderType.Limit, 10m, limit: 110m, oco: "g");
        await h.SubmitAsync("stop-limit", OrderSide.Sell, OrderType.StopLimit, 10m, limit: 120m, stop: 95m, oco: "g");

        // The take-profit fills at the open; later the bar triggers the stop-limit, whose limit it never reaches.
        await h.BarAsync(112m, 113m, 94m, 100m);
        await h.BarAsync(121m, 125m, 120m, 122m); // would fill the stop-limit, were it still working

        Assert.Equal("tp", Assert.Single(h.Sink.Fills, f => f.Side == OrderSide.Sell).ClientOrderId);
        AssertCanceledBy(h, "stop-limit", "tp");
        Assert.Empty(await OpenIdsAsync(h));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task PartialFill_CancelsTheSibling_AndThePartlyFilledOrderFillsOn(PaperStoreKind kind)
    {
        await using var h = await GuardedAsync(kind, PaperHarness.Plain with { MaxVolumeParticipation = 0.1m });

        await h.BarAsync(99m, 99m, 94m, 96m, volume: 40m); // the stop fills 4 of 10
        var stop = await h.OrderAsync("stop");
        await h.BarAsync(105m, 111m, 104m, 110m, volume: 1_000m); // the take-profit is gone
        await h.BarAsync(95m, 95m, 90m, 92m, volume: 1_000m);     // the stop's rest

        Assert.Equal((OrderStatus.PartiallyFilled, 4m), (stop.Status, stop.FilledQuantity));
        AssertCanceledBy(h, "tp", "stop");
        Assert.Equal([("stop", 4m), ("stop", 6m)],
            h.Sink.Fills.Where(f => f.Side == OrderSide.Sell).Select(f => (f.ClientOrderId, f.Quantity)));
        Assert.Null(await h.PositionAsync());
        Assert.Equal(VenueRejectCode.OcoGroupFilled,
            (await h.SubmitAsync("tp-2", OrderSide.Sell, OrderType.Limit, 1m, limit: 120m, oco: "g")).RejectCode);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task JoiningAFilledGroup_IsRejectedAndRecorded_LikeAnyRejection(PaperStoreKind kind)
    {
        await using var h = await GuardedAsync(kind);
        await h.BarAsync(99m, 99m, 94m, 96m); // the stop fills: both orders of "g" are now closed

        var result = await h.SubmitAsync("tp-2", OrderSide.Sell, OrderType.Limit, 10m, limit: 120m, oco: "g");

        Assert.Equal(SubmitOutcome.Rejected, result.Outcome);
        Assert.Equal(VenueRejectCode.OcoGroupFilled, result.RejectCode);
        Assert.Contains("'g'", result.Message, StringComparison.Ordinal);
        var update = h.Sink.Updates[^1];
        Assert.Equal(("tp-2", VenueOrderUpdateKind.Rejected, VenueRejectCode.OcoGroupFilled, result.Message),
            (update.ClientOrderId, update.Kind, update.RejectCode, update.Message));
        if (kind != PaperStoreKind.MemoryWithoutHistory) // which keeps no closed order
            Assert.Equal(OrderStatus.Rejected, (await h.OrderAsync("tp-2")).Status);
        Assert.Equal(VenueRejectCode.DuplicateClientOrderId, (await h.SellAsync("tp-2", 1m)).RejectCode);
        Assert.Equal(SubmitOutcome.Accepted,
            (await h.SubmitAsync("tp-3", OrderSide.Sell, OrderType.Limit, 10m, limit: 120m, oco: "g2")).Outcome);
    }

    [Fact]
    public async Task Restart_KeepsTheGroupsOfOpenOrders_AndWhichGroupsFilled()
    {
        await using var h = await GuardedAsync(PaperStoreKind.Sqlite);

        await h.ReopenAsync();
        await h.BarAsync(105m, 111m, 104m, 110m); // the take-profit fills after the restart
        var heard = h.Sink;
        await h.ReopenAsync();
        var late = await h.SubmitAsync("late", OrderSide.Sell, OrderType.Stop, 10m, stop: 90m, oco: "g");

        AssertCanceledBy(heard, "stop", "tp");
        Assert.Equal(OrderStatus.Canceled, (await h.OrderAsync("stop")).Status);
        Assert.Equal(VenueRejectCode.OcoGroupFilled, late.RejectCode);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task SameGroupName_InTwoSymbols_IsTwoGroups(PaperStoreKind kind)
    {
        await using var h = await GuardedAsync(kind);
        await h.BuyAsync("btc", 1m, symbol: "BTC");
        await h.BarAtAsync(20_000m, symbol: "BTC");
        await h.SubmitAsync("btc-stop", OrderSide.Sell, OrderType.Stop, 1m, stop: 19_000m, symbol: "BTC", oco: "g");
        await h.SubmitAsync("btc-tp", OrderSide.Sell, OrderType.Limit, 1m, limit: 21_000m, symbol: "BTC", oco: "g");

        await h.BarAsync(99m, 99m, 94m, 96m); // AAPL's stop fills
        var btcStillOpen = await OpenIdsAsync(h);
        var joinBtc = await h.SubmitAsync("btc-tp-2", OrderSide.Sell, OrderType.Limit, 1m, limit: 22_000m, symbol: "BTC", oco: "g");
        await h.BarAsync(20_500m, 21_500m, 20_400m, 21_200m, symbol: "BTC");

        Assert.Equal(["btc-stop", "btc-tp"], btcStillOpen);
        Assert.Equal(SubmitOutcome.Accepted, joinBtc.Outcome);
        Assert.Equal("btc-tp", Assert.Single(h.Sink.Fills, f => f.Symbol == "BTC" && f.Side == OrderSide.Sell).ClientOrderId);
        AssertCanceledBy(h, "btc-stop", "btc-tp");
        AssertCanceledBy(h, "btc-tp-2", "btc-tp");
        Assert.Empty(await OpenIdsAsync(h));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task CancelingOneOrder_LeavesTheOtherWorking(PaperStoreKind kind)
    {
        await using var h = await GuardedAsync(kind);

        var canceled = await h.Venue.CancelAsync("tp", CancellationToken.None);
        var open = await OpenIdsAsync(h);
        await h.BarAsync(99m, 99m, 94m, 96m);

        Assert.True(canceled.Accepted);
        Assert.Equal(["stop"], open);
        var sell = Assert.Single(h.Sink.Fills, f => f.Side == OrderSide.Sell);
        Assert.Equal(("stop", 10m), (sell.ClientOrderId, sell.Quantity));
        var update = Assert.Single(h.Sink.Updates, u => u.Kind == VenueOrderUpdateKind.Canceled);
        Assert.Equal("tp", update.ClientOrderId);
        Assert.Null(update.Message); // a plain cancel, of this order only
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task GroupWhoseOrdersWereAllCanceled_MayBeJoined(PaperStoreKind kind)
    {
        await using var h = await GuardedAsync(kind);
        await h.Venue.CancelAsync("tp", CancellationToken.None);
        await h.Venue.CancelAsync("stop", CancellationToken.None);

        var again = await h.SubmitAsync("stop-2", OrderSide.Sell, OrderType.Stop, 10m, stop: 96m, oco: "g");

        Assert.Equal(SubmitOutcome.Accepted, again.Outcome);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task MarketOrderFilledAtTheLastPrice_CancelsItsGroup(PaperStoreKind kind)
    {
        await using var h = await GuardedAsync(kind, PaperHarness.Plain with { MarketFill = PaperMarketFill.LastPrice });

        await h.SubmitAsync("exit", OrderSide.Sell, OrderType.Market, 10m, oco: "g");

        var sell = Assert.Single(h.Sink.Fills, f => f.Side == OrderSide.Sell);
        Assert.Equal(("exit", 100m), (sell.ClientOrderId, sell.Price));
        AssertCanceledBy(h, "stop", "exit");
        AssertCanceledBy(h, "tp", "exit");
        Assert.Empty(await OpenIdsAsync(h));
        await h.BarAsync(99m, 111m, 90m, 100m);
        Assert.Single(h.Sink.Fills, f => f.Side == OrderSide.Sell);
        Assert.Null(await h.PositionAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \t")]
    public async Task BlankGroupName_IsRejected(string group)
    {
        await using var h = await PaperHarness.OpenAsync();

        var result = await h.SubmitAsync("c-1", OrderSide.Buy, OrderType.Limit, 1m, limit: 90m, oco: group);

        Assert.Equal((VenueRejectCode.Other, "One-cancels-other group name is blank."), (result.RejectCode, result.Message));
        Assert.Equal(VenueOrderUpdateKind.Rejected, Assert.Single(h.Sink.Updates).Kind);
    }

    [Fact]
    public async Task GroupName_OfAtMost64Characters_IsAccepted_AndLongerRejected()
    {
        await using var h = await PaperHarness.OpenAsync();

        var fits = await h.SubmitAsync("c-1", OrderSide.Buy, OrderType.Limit, 1m, limit: 90m, oco: new string('g', 64));
        var tooLong = await h.SubmitAsync("c-2", OrderSide.Buy, OrderType.Limit, 1m, limit: 90m, oco: new string('g', 65));

        Assert.Equal(SubmitOutcome.Accepted, fits.Outcome);
        Assert.Equal(VenueRejectCode.Other, tooLong.RejectCode);
        Assert.Equal("One-cancels-other group name is 65 characters long; at most 64 are allowed.", tooLong.Message);
    }

    [Fact]
    public async Task Open_FileFromSchemaVersion3_GainsTheGroupColumn_AndKeepsItsOrders()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.BuyAsync("buy", 10m);
        await h.SubmitAsync("rest", OrderSide.Sell, OrderType.Limit, 10m, limit: 150m);
        await h.BarAtAsync(100m);
        var orders = await h.Venue.GetOrdersAsync(openOnly: false, CancellationToken.None);
        await h.Venue.DisposeAsync();
        await ExecuteAsync(h.DbPath, "ALTER TABLE orders DROP COLUMN oco_group; DROP TABLE oco_filled; ALTER TABLE fills DROP COLUMN slippage; PRAGMA user_version = 3;");
        Assert.DoesNotContain("oco_group", await ColumnAsync(h.DbPath, OrderColumns));

        await h.ReopenAsync();
        var migrated = await h.Venue.GetOrdersAsync(openOnly: false, CancellationToken.None);
        await h.SubmitAsync("stop", OrderSide.Sell, OrderType.Stop, 10m, stop: 95m, oco: "g");
        await h.SubmitAsync("tp", OrderSide.Sell, OrderType.Limit, 10m, limit: 110m, oco: "g");
        await h.BarAsync(99m, 99m, 94m, 96m);

        Assert.Equal(orders, migrated);
        Assert.Equal(2, migrated.Count);
        Assert.Equal([5L], await ColumnAsync(h.DbPath, "PRAGMA user_version;"));
        Assert.Contains("oco_group", await ColumnAsync(h.DbPath, OrderColumns));
        AssertCanceledBy(h, "tp", "stop");
        Assert.Equal(OrderStatus.Accepted, (await h.OrderAsync("rest")).Status); // no group: untouched
        Assert.Equal(VenueRejectCode.OcoGroupFilled,
            (await h.SubmitAsync("late", OrderSide.Sell, OrderType.Limit, 10m, limit: 120m, oco: "g")).RejectCode);
    }

    private const string OrderColumns = "SELECT name FROM pragma_table_info('orders');";

    /// <summary>10 AAPL bought at 100, then the stop at 95 and the take-profit at 110 in group "g".</summary>
    private static async Task<PaperHarness> GuardedAsync(PaperStoreKind kind, PaperVenueOptions? options = null,
        bool takeProfitFirst = false)
    {
        var h = await PaperHarness.OpenInAsync(kind, options);
        await h.BuyAsync("buy", 10m);
        await h.BarAtAsync(100m);
        var takeProfit = new OrderRequest("tp", "AAPL", OrderSide.Sell, OrderType.Limit, TimeInForce.Gtc, 10m,
            LimitPrice: 110m, OcoGroup: "g");
        var stop = new OrderRequest("stop", "AAPL", OrderSide.Sell, OrderType.Stop, TimeInForce.Gtc, 10m,
            StopPrice: 95m, OcoGroup: "g");
        foreach (var request in takeProfitFirst ? new[] { takeProfit, stop } : [stop, takeProfit])
            await h.Venue.SubmitAsync(request, CancellationToken.None);
        return h;
    }

    /// <summary>Asserts <paramref name="id"/> was canceled once, for the fill of <paramref name="filled"/>, after that fill.</summary>
    private static void AssertCanceledBy(PaperHarness h, string id, string filled) => AssertCanceledBy(h.Sink, id, filled);

    private static void AssertCanceledBy(RecordingSink sink, string id, string filled)
    {
        var events = sink.Events.ToList();
        var cancel = Assert.Single(events.OfType<VenueOrderUpdate>(),
            u => u.ClientOrderId == id && u.Kind == VenueOrderUpdateKind.Canceled);
        Assert.Equal($"One-cancels-other: {filled} filled in group g.", cancel.Message);
        var fill = events.OfType<VenueFill>().First(f => f.ClientOrderId == filled);
        Assert.True(events.IndexOf(fill) < events.IndexOf(cancel), "the cancel follows the fill");
        Assert.Equal(fill.Time, cancel.Time);
    }

    private static async Task<List<string>> OpenIdsAsync(PaperHarness h) =>
        [.. (await h.Venue.GetOrdersAsync(openOnly: true, CancellationToken.None)).Select(o => o.ClientOrderId)];

    private static TheoryData<PaperStoreKind, decimal, decimal, decimal, string, decimal, bool> BothSubmissionOrders(
        params (decimal Open, decimal High, decimal Low, string First, decimal Price)[] bars)
    {
        var data = new TheoryData<PaperStoreKind, decimal, decimal, decimal, string, decimal, bool>();
        foreach (var kind in Enum.GetValues<PaperStoreKind>())
            foreach (var (open, high, low, first, price) in bars)
                foreach (var takeProfitFirst in new[] { false, true })
                    data.Add(kind, open, high, low, first, price, takeProfitFirst);
        return data;
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var raw = new SqliteConnection($"Data Source={path};Pooling=False");
        await raw.OpenAsync();
        await using var command = raw.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of every row <paramref name="sql"/> returns from the file at <paramref name="path"/>.</summary>
    private static async Task<List<object>> ColumnAsync(string path, string sql)
    {
        await using var raw = new SqliteConnection($"Data Source={path};Pooling=False;Mode=ReadOnly");
        await raw.OpenAsync();
        await using var command = raw.CreateCommand();
        command.CommandText = sql;
        var values = new List<object>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(reader.GetValue(0));
        return values;
    }
}
