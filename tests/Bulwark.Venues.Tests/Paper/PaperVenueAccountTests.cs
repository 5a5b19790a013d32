using Bulwark.Core.Venues;

namespace Bulwark.Venues.Tests.Paper;

public sealed class PaperVenueAccountTests
{
    [Fact]
    public async Task Buy_OpensALongPositionAndSpendsCash()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.BuyAsync("b-1", 100m);

        await h.BarAtAsync(50m);

        Assert.Equal(new VenuePosition("AAPL", 100m, 50m), await h.PositionAsync());
        Assert.Equal(95_000m, await h.CashAsync());
    }

    [Fact]
    public async Task SecondBuy_AveragesTheEntryPrice()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.BuyAsync("b-1", 100m);
        await h.BarAtAsync(50m);
        await h.BuyAsync("b-2", 300m);

        await h.BarAtAsync(60m);

        Assert.Equal(new VenuePosition("AAPL", 400m, 57.5m), await h.PositionAsync());
        Assert.Equal(100_000m - 5_000m - 18_000m, await h.CashAsync());
    }

    [Fact]
    public async Task PartialSell_ReducesThePositionKeepsItsAverageAndRealizesPnl()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.BuyAsync("b-1", 100m);
        await h.BarAtAsync(50m);
        await h.SellAsync("s-1", 40m);

        await h.BarAtAsync(70m);

        Assert.Equal(new VenuePosition("AAPL", 60m, 50m), await h.PositionAsync());
        Assert.Equal(100_000m - 5_000m + 2_800m, await h.CashAsync());
        Assert.Equal(800m, await h.Venue.GetRealizedPnlAsync("AAPL", CancellationToken.None));
    }

    [Fact]
    public async Task SellThroughZero_FlipsShortAtTheFillPrice()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.BuyAsync("b-1", 100m);
        await h.BarAtAsync(50m);
        await h.SellAsync("s-1", 150m);

        await h.BarAtAsync(40m);

        Assert.Equal(new VenuePosition("AAPL", -50m, 40m), await h.PositionAsync());
        Assert.Equal(100_000m - 5_000m + 6_000m, await h.CashAsync());
        Assert.Equal(-1_000m, await h.Venue.GetRealizedPnlAsync("AAPL", CancellationToken.None));
    }

    [Fact]
    public async Task CoveringAShortToZero_LeavesNoPositionAndRealizesTheGain()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.SellAsync("s-1", 50m);
        await h.BarAtAsync(40m);
        await h.BuyAsync("b-1", 50m);

        await h.BarAtAsync(30m);

        Assert.Empty(await h.Venue.GetPositionsAsync(CancellationToken.None));
        Assert.Equal(100_500m, await h.CashAsync());
        Assert.Equal(500m, await h.Venue.GetRealizedPnlAsync("AAPL", CancellationToken.None));
    }

    [Fact]
    public async Task ContractMultiplier_ScalesCashAndRealizedPnl()
    {
        await using var h = await PaperHarness.OpenAsync(PaperHarness.Plain with { InitialCash = 1_000_000m });
        await h.BuyAsync("b-1", 2m, symbol: "ES");
        await h.BarAtAsync(4_000m, symbol: "ES");
        await h.SellAsync("s-1", 2m, symbol: "ES");

        await h.BarAtAsync(4_010.25m, symbol: "ES");

        Assert.Equal(1_001_025m, await h.CashAsync());
        Assert.Equal(1_025m, await h.Venue.GetRealizedPnlAsync("ES", CancellationToken.None));
    }

    [Fact]
    public async Task Positions_AreListedPerSymbol()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.BuyAsync("b-1", 10m);
        await h.SellAsync("s-1", 0.5m, symbol: "BTC");

        await h.BarAtAsync(100m);
        await h.BarAtAsync(20_000m, symbol: "BTC");

        Assert.Equal(
            [new VenuePosition("AAPL", 10m, 100m), new VenuePosition("BTC", -0.5m, 20_000m)],
            await h.Venue.GetPositionsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Marks_AreTheCloseOfTheLastBarPerSymbol()
    {
        await using var h = await PaperHarness.OpenAsync();

        await h.BarAsync(100m, 102m, 99m, 101m);
        await h.BarAsync(101m, 103m, 100m, 102.5m);
        await h.BarAtAsync(20_000m, symbol: "BTC");

        var marks = await h.Venue.GetMarksAsync(CancellationToken.None);
        Assert.Equal(102.5m, marks["AAPL"]);
        Assert.Equal(20_000m, marks["BTC"]);
    }
}
