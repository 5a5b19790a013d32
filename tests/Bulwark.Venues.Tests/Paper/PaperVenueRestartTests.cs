using Bulwark.Core.Orders;
using Bulwark.Core.Venues;
using Bulwark.Venues.Paper;
using Bulwark.Venues.Tests.Fakes;
using Microsoft.Data.Sqlite;

namespace Bulwark.Venues.Tests.Paper;

public sealed class PaperVenueRestartTests
{
    [Fact]
    public async Task Reopen_OnTheSameFile_SeesOrdersFillsPositionsCashMarksAndDuplicates()
    {
        await using var h = await PaperHarness.OpenAsync(PaperHarness.Plain with { PerFill = 1m });
        await h.BuyAsync("b-1", 10m);
        await h.SubmitAsync("l-1", OrderSide.Buy, OrderType.Limit, 5m, limit: 90m);
        await h.BarAtAsync(100m);
        await h.BuyAsync("b-1", 99m);
        var orders = await h.Venue.GetOrdersAsync(openOnly: false, CancellationToken.None);
        var fills = await h.FillsAsync();
        var positions = await h.Venue.GetPositionsAsync(CancellationToken.None);
        var cash = await h.CashAsync();
        var marks = await h.Venue.GetMarksAsync(CancellationToken.None);
        var lastBars = await h.Venue.GetLastBarTimesAsync(CancellationToken.None);

        await h.ReopenAsync(h.Options with { InitialCash = 5m });

        Assert.Equal(lastBars, await h.Venue.GetLastBarTimesAsync(CancellationToken.None)); // where a replayed feed resumes
        Assert.Single(lastBars);

        Assert.Equal(orders, await h.Venue.GetOrdersAsync(openOnly: false, CancellationToken.None));
        Assert.Equal(fills, await h.FillsAsync());
        Assert.Equal(positions, await h.Venue.GetPositionsAsync(CancellationToken.None));
        Assert.Equal(100_000m - 1_000m - 1m, await h.CashAsync());
        Assert.Equal(cash, await h.CashAsync());
        Assert.Equal(marks, await h.Venue.GetMarksAsync(CancellationToken.None));
        Assert.Equal(VenueRejectCode.DuplicateClientOrderId, (await h.BuyAsync("l-1", 1m)).RejectCode);
        Assert.Equal(2, (await h.Venue.GetOrdersAsync(openOnly: false, CancellationToken.None))
            .Count(o => o.RejectCode == VenueRejectCode.DuplicateClientOrderId));
    }

    [Fact]
    public async Task Reopen_OpenOrderFillsOnTheNextBar()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.SubmitAsync("l-1", OrderSide.Buy, OrderType.Limit, 5m, limit: 90m);
        await h.BarAtAsync(100m);

        await h.ReopenAsync();
        await h.BarAsync(92m, 93m, 89m, 90m);

        var fill = Assert.Single(await h.FillsAsync());
        Assert.Equal(90m, fill.Price);
        Assert.Equal(fill, Assert.Single(h.Sink.Fills));
        Assert.Equal(OrderStatus.Filled, (await h.OrderAsync("l-1")).Status);
    }

    [Fact]
    public async Task Reopen_PartiallyFilledOrderContinuesAndIdsAreNeverReused()
    {
        await using var h = await PaperHarness.OpenAsync(PaperHarness.Plain with { MaxVolumeParticipation = 0.5m });
        var first = await h.BuyAsync("b-1", 10m);
        await h.BarAtAsync(10m, volume: 8m);

        await h.ReopenAsync();
        var second = await h.BuyAsync("b-2", 1m);
        await h.BarAtAsync(10m, volume: 8m);

        Assert.Equal(["T000000001", "T000000002", "T000000003"], (await h.FillsAsync()).Select(f => f.VenueTradeId));
        Assert.Equal("P000001", first.VenueOrderId);
        Assert.Equal("P000002", second.VenueOrderId);
        Assert.Equal(8m, (await h.OrderAsync("b-1")).FilledQuantity);
    }

    [Fact]
    public async Task Reopen_KeepsATriggeredStopLimitTriggered()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.SubmitAsync("sl-1", OrderSide.Buy, OrderType.StopLimit, 5m, limit: 106m, stop: 105m);
        await h.BarAsync(108m, 110m, 107m, 109m); // triggers above the limit, no fill

        await h.ReopenAsync();
        await h.BarAsync(104m, 104.5m, 103m, 104m); // under the stop: fills only if still triggered

        Assert.Equal(104m, Assert.Single(await h.FillsAsync()).Price);
    }

    [Fact]
    public async Task Open_FileFromANewerSchema_IsRefused()
    {
        using var dir = new TempDirectory();
        var path = dir.File("paper.db");
        await using (var venue = await PaperVenue.OpenAsync(path, PaperHarness.Plain, PaperHarness.Instruments,
            new FakeTimeProvider(), CancellationToken.None))
        {
            Assert.Equal("paper", venue.Name);
        }

        await using (var raw = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await raw.OpenAsync();
            await using var command = raw.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PaperVenue.OpenAsync(path,
            PaperHarness.Plain, PaperHarness.Instruments, new FakeTimeProvider(), CancellationToken.None));
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_FileFromSchemaVersion1_GainsTheSettlementPrice_AndKeepsItsPositions()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.BuyAsync("c-1", 3m);
        await h.BarAtAsync(50m);
        await h.Venue.DisposeAsync();
        await using (var raw = new SqliteConnection($"Data Source={h.DbPath};Pooling=False"))
        {
            await raw.OpenAsync();
            await using var command = raw.CreateCommand();
            command.CommandText = """
                ALTER TABLE positions DROP COLUMN settlement_price; ALTER TABLE orders DROP COLUMN oco_group;
                ALTER TABLE fills DROP COLUMN slippage; PRAGMA user_version = 1;
                """;
            await command.ExecuteNonQueryAsync();
        }

        await h.ReopenAsync();
        await h.BuyAsync("f-1", 1m, symbol: "FUT");
        await h.BarAtAsync(100m, symbol: "FUT");
        await h.BarAtAsync(101m, symbol: "FUT");

        Assert.Equal(3m, (await h.PositionAsync())!.Quantity);
        Assert.Equal(100_000m - 150m - 2_000m + 10m, await h.CashAsync());
    }

    [Fact]
    public async Task Open_FileFromSchemaVersion4_GainsTheFillsSlippage_ReadingOldFillsAsUnslipped()
    {
        await using var h = await PaperHarness.OpenAsync(new() { SlippageBps = 10m });
        await h.BuyAsync("c-1", 3m);
        await h.BarAtAsync(50m);
        Assert.Equal(0.15m, Assert.Single(await h.FillsAsync()).Slippage);
        await h.Venue.DisposeAsync();
        await using (var raw = new SqliteConnection($"Data Source={h.DbPath};Pooling=False"))
        {
            await raw.OpenAsync();
            await using var command = raw.CreateCommand();
            command.CommandText = "ALTER TABLE fills DROP COLUMN slippage; PRAGMA user_version = 4;";
            await command.ExecuteNonQueryAsync();
        }

        await h.ReopenAsync(new() { SlippageBps = 10m });
        await h.BuyAsync("c-2", 2m);
        await h.BarAtAsync(100m);

        Assert.Equal([("c-1", 0m), ("c-2", 0.2m)], (await h.FillsAsync()).Select(f => (f.ClientOrderId, f.Slippage)));
    }

    [Fact]
    public async Task Open_FileFromSchemaVersion2_GainsTheCashActivities_AndChargesFinancingAfterwards()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.BuyAsync("c-1", 10m);
        await h.BarAtAsync(100m);
        await h.Venue.DisposeAsync();
        await using (var raw = new SqliteConnection($"Data Source={h.DbPath};Pooling=False"))
        {
            await raw.OpenAsync();
            await using var command = raw.CreateCommand();
            command.CommandText = "DROP TABLE cash_activities; ALTER TABLE orders DROP COLUMN oco_group; ALTER TABLE fills DROP COLUMN slippage; PRAGMA user_version = 2;";
            await command.ExecuteNonQueryAsync();
        }

        await h.ReopenAsync(PaperHarness.Plain with { FinancingLongPercent = 3.65m });
        h.Time.Advance(TimeSpan.FromDays(1));
        await h.BarAtAsync(100m);

        Assert.Equal(-0.10m, Assert.Single(await h.Venue.GetCashActivitiesAsync(0, CancellationToken.None)).Amount);
        Assert.Equal(100_000m - 1_000m - 0.10m, await h.CashAsync());
    }

    [Fact]
    public async Task Open_UsesWalJournalAndFullSync()
    {
        await using var h = await PaperHarness.OpenAsync();

        await using var raw = new SqliteConnection($"Data Source={h.DbPath};Pooling=False");
        await raw.OpenAsync();
        await using var command = raw.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Open_WithInvalidOptions_ReportsEveryProblem()
    {
        using var dir = new TempDirectory();
        var options = new PaperVenueOptions { InitialCash = -1m, PerShare = -1m, MaxVolumeParticipation = 0m };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => PaperVenue.OpenAsync(dir.File("paper.db"),
            options, PaperHarness.Instruments, new FakeTimeProvider(), CancellationToken.None));

        Assert.Contains(nameof(PaperVenueOptions.InitialCash), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(PaperVenueOptions.PerShare), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(PaperVenueOptions.MaxVolumeParticipation), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_ReleasesTheFileAndLaterCallsThrow()
    {
        using var dir = new TempDirectory();
        var path = dir.File("paper.db");
        var venue = await PaperVenue.OpenAsync(path, PaperHarness.Plain, PaperHarness.Instruments,
            new FakeTimeProvider(), CancellationToken.None);

        await venue.DisposeAsync();
        await venue.DisposeAsync();

        File.Delete(path);
        Assert.False(File.Exists(path));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => venue.GetCashAsync(CancellationToken.None));
    }
}
