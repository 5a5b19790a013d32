using System.Collections.Concurrent;
using Bulwark.Core.Orders;
using Bulwark.Core.Venues;
using Bulwark.Venues.Paper;
using Bulwark.Venues.Tests.Fakes;
using Microsoft.Data.Sqlite;

namespace Bulwark.Venues.Tests.Paper;

public sealed class PaperVenueEventTests
{
    [Fact]
    public async Task Fills_ArePushedInOrderOnlyAfterTheyAreCommitted()
    {
        string? dbPath = null;
        var seenInFile = new ConcurrentQueue<bool>();
        void Probe(object e)
        {
            if (e is VenueFill fill) seenInFile.Enqueue(CommittedTradeIds(dbPath!).Contains(fill.VenueTradeId));
        }

        await using var h = await PaperHarness.OpenAsync(probe: Probe);
        dbPath = h.DbPath;
        await h.BuyAsync("b-1", 10m);
        await h.SubmitAsync("l-1", OrderSide.Sell, OrderType.Limit, 4m, limit: 100m);
        await h.BuyAsync("b-2", 3m);

        await h.BarAtAsync(100m);

        Assert.Equal(["b-1", "l-1", "b-2"], h.Sink.Fills.Select(f => f.ClientOrderId));
        Assert.Equal(["T000000001", "T000000002", "T000000003"], h.Sink.Fills.Select(f => f.VenueTradeId));
        Assert.Equal(await h.FillsAsync(), h.Sink.Fills);
        Assert.Equal([true, true, true], seenInFile);
    }

    [Fact]
    public async Task Updates_ArePushedOnlyAfterTheyAreCommitted()
    {
        string? dbPath = null;
        var statusesSeen = new ConcurrentQueue<string>();
        void Probe(object e)
        {
            if (e is VenueOrderUpdate u) statusesSeen.Enqueue(CommittedStatus(dbPath!, u.ClientOrderId));
        }

        await using var h = await PaperHarness.OpenAsync(probe: Probe);
        dbPath = h.DbPath;

        await h.SubmitAsync("l-1", OrderSide.Buy, OrderType.Limit, 4m, limit: 90m);
        await h.BuyAsync("bad", 0m);
        await h.Venue.CancelAsync("l-1", CancellationToken.None);

        Assert.Equal(["Accepted", "Rejected", "Canceled"], statusesSeen);
    }

    [Fact]
    public async Task WithoutASink_NothingIsPushedAndSubscribingLaterDoesNotReplay()
    {
        using var dir = new TempDirectory();
        await using var venue = await PaperVenue.OpenAsync(dir.File("paper.db"), PaperHarness.Plain,
            PaperHarness.Instruments, new FakeTimeProvider(), CancellationToken.None);
        await venue.SubmitAsync(new OrderRequest("b-1", "AAPL", OrderSide.Buy, OrderType.Market, TimeInForce.Gtc, 1m),
            CancellationToken.None);
        await venue.OnBarAsync(new Bulwark.Core.Model.Bar("AAPL", DateTimeOffset.UnixEpoch, 10m, 10m, 10m, 10m, 100m,
            TimeSpan.FromMinutes(1)), CancellationToken.None);

        var sink = new RecordingSink();
        venue.Subscribe(sink);
        await venue.CancelAsync("b-1", CancellationToken.None);

        Assert.Empty(sink.Events);
        Assert.Single(await venue.GetFillsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Subscribe_ASecondSink_Throws()
    {
        await using var h = await PaperHarness.OpenAsync();

        h.Venue.Subscribe(h.Sink); // the same sink again is harmless
        Assert.Throws<InvalidOperationException>(() => h.Venue.Subscribe(new RecordingSink()));
    }

    [Fact]
    public async Task Submit_FromManyThreadsAtOnce_AcceptsEachOnceWithUniqueIds()
    {
        await using var h = await PaperHarness.OpenAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => h.BuyAsync($"c-{i % 20}", 1m))));

        Assert.Equal(20, results.Count(r => r.Outcome == SubmitOutcome.Accepted));
        Assert.Equal(20, results.Count(r => r.RejectCode == VenueRejectCode.DuplicateClientOrderId));
        Assert.Equal(20, results.Where(r => r.VenueOrderId is not null).Select(r => r.VenueOrderId).Distinct().Count());
        Assert.Equal(20, h.Sink.Updates.Count);
    }

    [Fact]
    public async Task OnBar_WithAnInvalidBar_Throws()
    {
        await using var h = await PaperHarness.OpenAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => h.BarAsync(100m, 99m, 101m, 100m));
    }

    private static HashSet<string> CommittedTradeIds(string path)
    {
        using var raw = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        raw.Open();
        using var command = raw.CreateCommand();
        command.CommandText = "SELECT trade_id FROM fills;";
        using var reader = command.ExecuteReader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    private static string CommittedStatus(string path, string clientOrderId)
    {
        using var raw = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        raw.Open();
        using var command = raw.CreateCommand();
        command.CommandText = "SELECT status FROM orders WHERE client_order_id = $id;";
        command.Parameters.AddWithValue("$id", clientOrderId);
        return command.ExecuteScalar() as string ?? "(absent)";
    }
}
