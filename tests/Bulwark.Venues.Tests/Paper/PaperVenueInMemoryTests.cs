using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Venues;
using Bulwark.Venues.Paper;
using Bulwark.Venues.Tests.Fakes;

namespace Bulwark.Venues.Tests.Paper;

public sealed class PaperVenueInMemoryTests
{
    private static readonly PaperVenueOptions Costs = new() { SlippageBps = 5m, PerFill = 1m, AllowShort = false };

    [Fact]
    public async Task SameOperations_InMemoryAndOnSqlite_GiveTheSameEventsIdsFillsCashAndPositions()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider();
        await using var sqlite = await PaperVenue.OpenAsync(dir.File("paper.db"), Costs, PaperHarness.Instruments, time, CancellationToken.None);
        await using var memory = PaperVenue.InMemory(Costs, PaperHarness.Instruments, time);
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
        Assert.NotEmpty(memorySink.Fills);
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

    private static Bar Bar(decimal price) =>
        new("AAPL", new DateTimeOffset(2024, 1, 2, 15, 0, 0, TimeSpan.Zero), price, price + 1m, price - 1m, price, 1_000m, TimeSpan.FromMinutes(1));
}
