using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Venues;
using Bulwark.Venues.Paper;
using Bulwark.Venues.Tests.Fakes;

namespace Bulwark.Venues.Tests.Paper;

public sealed class PaperVenueInMemoryTests
{
    private static readonly PaperVenueOptions Costs = new() { SlippageBps = 5m, PerFill = 1m, AllowShort = false };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SameOperations_InMemoryAndOnSqlite_GiveTheSameEventsIdsFillsCashAndPositions(bool singleCaller)
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider();
        await using var sqlite = await PaperVenue.OpenAsync(dir.File("paper.db"), Costs, PaperHarness.Instruments, time, CancellationToken.None);
        await using var memory = PaperVenue.InMemory(Costs, PaperHarness.Instruments, time, singleCaller: singleCaller);
        var sqliteSink = new RecordingSink();
        var memorySink = new RecordingSink();
        sqlite.Subscribe(sqliteSink);
        memory.Subscribe(memorySink);

        foreach (var venue in new[] { sqlite, memory })
        {
            await venue.OnBarAsync(Bar(100m), CancellationToken.None);
            await venue.SubmitAsync(new OrderRequest("a", "AAPL", OrderSide.Buy, OrderType.Market, TimeInForce.Gtc, 10m), CancellationToken.None);
            await venue.SubmitAsync(new OrderRequest("b", "AAPL", OrderSide.Sell, OrderType.Limit, TimeInForce.Gtc, 5m, LimitPrice: 130m), CancellationToken.None);
            await venue.SubmitAsync(new OrderRequest("a", "AAPL", OrderSide.Buy, OrderType.Market, TimeInForce.Gtc, 1m), CancellationToken.None);
            await venue.SubmitAsync(new OrderRequest("c", "AAPL", OrderSide.Sell, OrderType.Market, TimeInForce.Gtc, 50m), CancellationToken.None);
            await venue.OnBarAsync(Bar(110m), CancellationToken.None);
            await venue.OnBarAsync(Bar(130m), CancellationToken.None);
            await venue.CancelAsync("b", CancellationToken.None);
        }

        Assert.Equal(sqliteSink.Events, memorySink.Events);
        Assert.Equal(await sqlite.GetFillsAsync(CancellationToken.None), await memory.GetFillsAsync(CancellationToken.None));
        Assert.Equal(await sqlite.GetOrdersAsync(openOnly: false, CancellationToken.None), await memory.GetOrdersAsync(openOnly: false, CancellationToken.None));
        Assert.Equal(await sqlite.GetPositionsAsync(CancellationToken.None), await memory.GetPositionsAsync(CancellationToken.None));
        Assert.Equal(await sqlite.GetCashAsync(CancellationToken.None), await memory.GetCashAsync(CancellationToken.None));
        Assert.Equal(await sqlite.GetMarksAsync(CancellationToken.None), await memory.GetMarksAsync(CancellationToken.None));
        var lastBars = await memory.GetLastBarTimesAsync(CancellationToken.None);
        Assert.Equal(await sqlite.GetLastBarTimesAsync(CancellationToken.None), lastBars);
        Assert.Equal(Bar(130m).CloseTime, Assert.Single(lastBars).Value); // quiet or not, every bar sets it
        Assert.NotEmpty(memorySink.Fills);
    }

    [Fact]
    public async Task WithoutHistory_InMemory_SameEventsCashPositionsAndMarks_ButOnlyOpenOrdersAndNoFillsKept()
    {
        var time = new FakeTimeProvider();
        await using var full = PaperVenue.InMemory(Costs, PaperHarness.Instruments, time);
        await using var lean = PaperVenue.InMemory(Costs, PaperHarness.Instruments, time, retainHistory: false);
        var fullSink = new RecordingSink();
        var leanSink = new RecordingSink();
        full.Subscribe(fullSink);
        lean.Subscribe(leanSink);
        var duplicates = new List<SubmitResult>();

        foreach (var venue in new[] { full, lean })
        {
            await venue.OnBarAsync(Bar(100m), CancellationToken.None);
            await venue.OnBarAsync(Bar(100m, "FUT"), CancellationToken.None);
            await venue.SubmitAsync(new OrderRequest("a", "AAPL", OrderSide.Buy, OrderType.Market, TimeInForce.Gtc, 10m), CancellationToken.None);
            await venue.SubmitAsync(new OrderRequest("b", "AAPL", OrderSide.Buy, OrderType.Limit, TimeInForce.Gtc, 5m, LimitPrice: 90m), CancellationToken.None);
            await venue.SubmitAsync(new OrderRequest("f", "FUT", OrderSide.Buy, OrderType.Market, TimeInForce.Gtc, 2m), CancellationToken.None);
            await venue.SubmitAsync(new OrderRequest("c", "AAPL", OrderSide.Sell, OrderType.Market, TimeInForce.Gtc, 50m), CancellationToken.None);
            await venue.OnBarAsync(Bar(110m), CancellationToken.None);
            await venue.OnBarAsync(Bar(101m, "FUT"), CancellationToken.None);
            await venue.OnBarAsync(Bar(104m, "FUT"), CancellationToken.None); // no order left: the margined position still settles
            await venue.OnBarAsync(Bar(111m), CancellationToken.None);
            // "a" filled and "c" was rejected long ago: their ids are still used.
            duplicates.Add(await venue.SubmitAsync(new OrderRequest("a", "AAPL", OrderSide.Buy, OrderType.Market, TimeInForce.Gtc, 1m), CancellationToken.None));
            duplicates.Add(await venue.SubmitAsync(new OrderRequest("c", "AAPL", OrderSide.Buy, OrderType.Market, TimeInForce.Gtc, 1m), CancellationToken.None));
        }

        Assert.Equal(fullSink.Events, leanSink.Events);
        Assert.All(duplicates, d => Assert.Equal(VenueRejectCode.DuplicateClientOrderId, d.RejectCode));
        Assert.Equal(await full.GetPositionsAsync(CancellationToken.None), await lean.GetPositionsAsync(CancellationToken.None));
        Assert.Equal(await full.GetCashAsync(CancellationToken.None), await lean.GetCashAsync(CancellationToken.None));
        Assert.Equal(await full.GetMarksAsync(CancellationToken.None), await lean.GetMarksAsync(CancellationToken.None));
        Assert.Equal(await full.GetOrdersAsync(openOnly: true, CancellationToken.None), await lean.GetOrdersAsync(openOnly: true, CancellationToken.None));
        Assert.Equal(["b"], (await lean.GetOrdersAsync(openOnly: true, CancellationToken.None)).Select(o => o.ClientOrderId));
        Assert.Null(await lean.GetOrderAsync("a", CancellationToken.None));
        Assert.Empty(await lean.GetFillsAsync(CancellationToken.None));
        Assert.NotEmpty(await full.GetFillsAsync(CancellationToken.None));
    }

    [Fact]
    public void EveryCall_InMemory_CompletesSynchronously()
    {
        var memory = PaperVenue.InMemory(Costs, PaperHarness.Instruments, new FakeTimeProvider());

        Assert.True(memory.OnBarAsync(Bar(100m), CancellationToken.None).IsCompletedSuccessfully);
        Assert.True(memory.SubmitAsync(new OrderRequest("a", "AAPL", OrderSide.Buy, OrderType.Market, TimeInForce.Gtc, 1m), CancellationToken.None).IsCompletedSuccessfully);
        Assert.True(memory.OnBarAsync(Bar(101m), CancellationToken.None).IsCompletedSuccessfully);
        Assert.True(memory.GetFillsAsync(CancellationToken.None).IsCompletedSuccessfully);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ACallMadeWhileAnotherRuns_InMemory_IsRefused_AndTheVenueWorksOnAfterwards(bool singleCaller)
    {
        var memory = PaperVenue.InMemory(Costs, PaperHarness.Instruments, new FakeTimeProvider(), singleCaller: singleCaller);
        var sink = new CallingBackSink(memory);
        memory.Subscribe(sink);
        await memory.OnBarAsync(Bar(100m), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            memory.SubmitAsync(new OrderRequest("a", "AAPL", OrderSide.Buy, OrderType.Market, TimeInForce.Gtc, 1m), CancellationToken.None));

        Assert.Contains("while another was still running", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, sink.Calls);
        // The refused call changed nothing; the outer one is kept, and the venue takes the next call.
        sink.CallBack = false;
        Assert.Equal(["a"], (await memory.GetOrdersAsync(openOnly: true, CancellationToken.None)).Select(o => o.ClientOrderId));
        var next = await memory.SubmitAsync(new OrderRequest("b", "AAPL", OrderSide.Buy, OrderType.Market, TimeInForce.Gtc, 1m), CancellationToken.None);
        Assert.Equal(SubmitOutcome.Accepted, next.Outcome);
    }

    /// <summary>A sink that asks the venue for its cash while the venue pushes an event to it.</summary>
    private sealed class CallingBackSink(PaperVenue venue) : IVenueEventSink
    {
        public bool CallBack { get; set; } = true;

        public int Calls { get; private set; }

        public void OnFill(VenueFill fill)
        {
        }

        public void OnCashActivity(VenueCashActivity activity)
        {
        }

        public void OnOrderUpdate(VenueOrderUpdate update)
        {
            if (!CallBack) return;
            Calls++;
            _ = venue.GetCashAsync(CancellationToken.None);
        }
    }

    private static Bar Bar(decimal price, string symbol = "AAPL") =>
        new(symbol, new DateTimeOffset(2024, 1, 2, 15, 0, 0, TimeSpan.Zero), price, price + 1m, price - 1m, price, 1_000m, TimeSpan.FromMinutes(1));
}
