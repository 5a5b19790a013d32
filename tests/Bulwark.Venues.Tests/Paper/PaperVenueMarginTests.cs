using Bulwark.Core.Venues;

namespace Bulwark.Venues.Tests.Paper;

/// <summary>Futures-like accounting at the paper venue: FUT has multiplier 10 and initial margin 2,000 per contract.</summary>
public sealed class PaperVenueMarginTests
{
    private static readonly Bulwark.Venues.Paper.PaperVenueOptions PerFill2 = PaperHarness.Plain with { PerFill = 2m };

    [Fact]
    public async Task Buy_PostsMarginAndPaysCommission_NotTheNotional_ThenMarksToTheClose()
    {
        await using var h = await PaperHarness.OpenAsync(PerFill2);
        await h.BuyAsync("m-1", 2m, symbol: "FUT");

        await h.BarAsync(100m, 106m, 99m, 105m, symbol: "FUT"); // fills at the open, 100

        // Margin 2 x 2,000, commission 2, then (105 - 100) x 2 x 10 settled at the close.
        Assert.Equal(100_000m - 4_000m - 2m + 100m, await h.CashAsync());
        Assert.Equal(2m, (await h.PositionAsync("FUT"))!.Quantity);
    }

    [Fact]
    public async Task EveryCloseOfTheSymbol_SettlesTheMoveSinceTheLastClose_OtherSymbolsDoNot()
    {
        await using var h = await PaperHarness.OpenAsync(PerFill2);
        await h.BuyAsync("m-1", 2m, symbol: "FUT");
        await h.BarAsync(100m, 106m, 99m, 105m, symbol: "FUT");
        var afterFirst = await h.CashAsync();

        await h.BarAtAsync(103m, symbol: "FUT");
        Assert.Equal(afterFirst - 40m, await h.CashAsync());
        await h.BarAtAsync(50m); // AAPL
        Assert.Equal(afterFirst - 40m, await h.CashAsync());
        await h.BarAtAsync(103m, symbol: "FUT"); // no move, nothing settles
        Assert.Equal(afterFirst - 40m, await h.CashAsync());
    }

    [Fact]
    public async Task Sell_ReleasesTheMargin_AndTheRoundTripNetsWhatCashAccountingWould()
    {
        await using var h = await PaperHarness.OpenAsync(PerFill2);
        await h.BuyAsync("m-1", 2m, symbol: "FUT");
        await h.BarAsync(100m, 106m, 99m, 105m, symbol: "FUT");
        await h.BarAtAsync(103m, symbol: "FUT");
        await h.SellAsync("m-2", 2m, symbol: "FUT");

        await h.BarAtAsync(104m, symbol: "FUT");

        // (104 - 100) x 2 x 10 = 80 gained, 2 x 2 commission paid, all margin back.
        Assert.Equal(100_000m + 80m - 4m, await h.CashAsync());
        Assert.Null(await h.PositionAsync("FUT"));
    }

    [Fact]
    public async Task FlipLongToShort_SettlesTheLongToTheFillPrice_AndPostsMarginOnlyForTheExtraContract()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.BuyAsync("m-1", 1m, symbol: "FUT");
        await h.BarAtAsync(100m, symbol: "FUT");
        Assert.Equal(100_000m - 2_000m, await h.CashAsync());
        await h.SellAsync("m-2", 3m, symbol: "FUT");

        await h.BarAsync(110m, 121m, 109m, 120m, symbol: "FUT"); // fills at 110, closes at 120

        // +100 on the long to 110; |1| -> |-2| posts 2,000 more; the short loses (120 - 110) x 2 x 10 at the close.
        Assert.Equal(100_000m - 2_000m + 100m - 2_000m - 200m, await h.CashAsync());
        var position = (await h.PositionAsync("FUT"))!;
        Assert.Equal((-2m, 110m), (position.Quantity, position.AveragePrice));
        // Value = cash + margin held = 100,000 + 100 realized - 200 open.
        Assert.Equal(100_000m - 100m, await h.CashAsync() + (2 * 2_000m));
    }

    [Fact]
    public async Task BuyingPower_IsCheckedAgainstMarginAndCommission_NotNotional_OnEitherSide()
    {
        await using var h = await PaperHarness.OpenAsync(PerFill2 with { InitialCash = 5_000m });
        await h.BarAtAsync(1_000m, symbol: "FUT"); // a contract's notional is 10,000: twice the cash

        Assert.Equal(SubmitOutcome.Accepted, (await h.BuyAsync("m-1", 2m, symbol: "FUT")).Outcome); // 4,002 needed
        var tooLong = await h.BuyAsync("m-2", 3m, symbol: "FUT"); // 6,002 needed
        Assert.Equal((SubmitOutcome.Rejected, VenueRejectCode.InsufficientFunds), (tooLong.Outcome, tooLong.RejectCode));
        Assert.Contains("6002", tooLong.Message, StringComparison.Ordinal);
        var tooShort = await h.SellAsync("m-3", 3m, symbol: "FUT");
        Assert.Equal(VenueRejectCode.InsufficientFunds, tooShort.RejectCode);

        await h.BarAtAsync(1_000m, symbol: "FUT"); // m-1 fills: 5,000 - 4,002 = 998 left
        // Closing needs no margin, so it is never refused for want of cash.
        Assert.Equal(SubmitOutcome.Accepted, (await h.SellAsync("m-4", 2m, symbol: "FUT")).Outcome);
    }

    [Fact]
    public async Task Restart_KeepsTheSettlementPrice_SoTheNextCloseSettlesOnlyTheNewMove()
    {
        await using var h = await PaperHarness.OpenAsync();
        await h.BuyAsync("m-1", 1m, symbol: "FUT");
        await h.BarAsync(100m, 106m, 99m, 105m, symbol: "FUT");
        var before = await h.CashAsync();

        await h.ReopenAsync();
        await h.BarAtAsync(107m, symbol: "FUT");

        Assert.Equal(before + 20m, await h.CashAsync());
    }
}
