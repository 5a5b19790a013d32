using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Venues;
using Bulwark.Venues.Paper;
using Bulwark.Venues.Tests.Fakes;

namespace Bulwark.Venues.Tests.Paper;

/// <summary>
/// Financing at the paper venue: a position held into a new day pays its side's yearly rate on its value at the last
/// close, for the calendar days since, booked as a cash activity and pushed.
/// </summary>
public sealed class PaperVenueFinancingTests
{
    /// <summary>3.65 % a year long is 0.01 % a day; 36.5 % a year short is 0.1 % a day.</summary>
    private static readonly PaperVenueOptions Rates = PaperHarness.Plain with { FinancingLongPercent = 3.65m, FinancingShortPercent = 36.5m };

    [Fact]
    public async Task ALongHeldOverAWeekend_PaysThreeDaysOnItsValueAtTheLastClose_Once()
    {
        await using var h = await PaperHarness.OpenAsync(Rates);
        await h.BuyAsync("f-1", 10m);
        await h.BarAtAsync(100m); // fills at 100, closes at 100: 1,000 held

        h.Time.Advance(TimeSpan.FromDays(3));
        await h.BarAtAsync(110m);
        await h.BarAtAsync(111m); // the same day: nothing more

        var activity = Assert.Single(h.Sink.CashActivities);
        Assert.Equal(-0.30m, activity.Amount); // 1,000 x 0.01 % x 3
        Assert.Equal((CashActivityKind.Financing, "AAPL", 1L), (activity.Kind, activity.Symbol, activity.Sequence));
        Assert.Contains("long 10 AAPL worth 1000 held 3 day(s) at 3.65% a year", activity.Description, StringComparison.Ordinal);
        Assert.Equal(100_000m - 1_000m - 0.30m, await h.CashAsync());
    }

    [Fact]
    public async Task AShortPaysTheShortRate_ANegativeRateEarns()
    {
        await using var h = await PaperHarness.OpenAsync(PaperHarness.Plain with { FinancingLongPercent = 1m, FinancingShortPercent = -36.5m });
        await h.SellAsync("f-1", 10m);
        await h.BarAtAsync(100m);

        h.Time.Advance(TimeSpan.FromDays(1));
        await h.BarAtAsync(100m);

        Assert.Equal(1.00m, Assert.Single(h.Sink.CashActivities).Amount); // 1,000 x 0.1 %, earned
        Assert.Equal(100_000m + 1_000m + 1.00m, await h.CashAsync());
    }

    [Fact]
    public async Task APositionOpenedAndClosedWithinTheDay_PaysNothing_NorDoesAFlatAccount()
    {
        await using var h = await PaperHarness.OpenAsync(Rates);
        await h.BuyAsync("f-1", 10m);
        await h.BarAtAsync(100m);
        await h.SellAsync("f-2", 10m);
        await h.BarAtAsync(101m);

        h.Time.Advance(TimeSpan.FromDays(2));
        await h.BarAtAsync(102m);

        Assert.Empty(h.Sink.CashActivities);
        Assert.Equal(100_000m + 10m, await h.CashAsync());
    }

    [Fact]
    public async Task ACharge_SurvivesARestart_AndIsListedAfterASequence()
    {
        await using var h = await PaperHarness.OpenAsync(Rates);
        await h.BuyAsync("f-1", 10m);
        await h.BarAtAsync(100m);
        h.Time.Advance(TimeSpan.FromDays(1));
        await h.BarAtAsync(100m);
        h.Time.Advance(TimeSpan.FromDays(1));
        await h.BarAtAsync(100m);
        var pushed = h.Sink.CashActivities;

        await h.ReopenAsync();

        var listed = await h.Venue.GetCashActivitiesAsync(0, CancellationToken.None);
        Assert.Equal(pushed, listed);
        Assert.Equal([2L], (await h.Venue.GetCashActivitiesAsync(1, CancellationToken.None)).Select(a => a.Sequence));
        Assert.Equal(100_000m - 1_000m - 0.20m, await h.CashAsync());
    }

    [Fact]
    public async Task AFuturesPositionPaysOnItsContractValue()
    {
        await using var h = await PaperHarness.OpenAsync(Rates);
        await h.BuyAsync("f-1", 2m, symbol: "FUT");
        await h.BarAtAsync(100m, symbol: "FUT");
        h.Time.Advance(TimeSpan.FromDays(1));
        await h.BarAtAsync(100m, symbol: "FUT");

        Assert.Equal(-0.20m, Assert.Single(h.Sink.CashActivities).Amount); // 2 x 100 x 10 = 2,000 x 0.01 %
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task InMemory_ChargesWhatTheFileCharges_QuietBarsIncluded(bool singleCaller)
    {
        await using var file = await PaperHarness.OpenAsync(Rates);
        var memorySink = new RecordingSink();
        await using var memory = file.MemoryTwin(memorySink, singleCaller);

        foreach (var venue in new[] { file.Venue, memory })
            await venue.SubmitAsync(new OrderRequest("f-1", "AAPL", OrderSide.Buy, OrderType.Market, TimeInForce.Gtc, 10m), CancellationToken.None);
        for (var day = 0; day < 5; day++)
        {
            file.Time.Advance(TimeSpan.FromDays(1));
            var bar = new Bar("AAPL", file.Time.GetUtcNow(), 100m + day, 100m + day, 100m + day, 100m + day, 1_000m, TimeSpan.FromMinutes(1));
            await file.Venue.OnBarAsync(bar, CancellationToken.None);
            await memory.OnBarAsync(bar, CancellationToken.None);
        }

        Assert.Equal(4, memorySink.CashActivities.Count);
        Assert.Equal(file.Sink.CashActivities, memorySink.CashActivities);
        Assert.Equal(await file.CashAsync(), await memory.GetCashAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ASymbolsOwnRates_ReplaceTheVenues_ForThatSymbolOnly(bool inMemory)
    {
        // The venue charges nothing; AAPL alone is hard to borrow, at 36.5 % a year (0.1 % a day).
        var options = PaperHarness.Plain with
        {
            FinancingBySymbol = new Dictionary<string, FinancingRates>(StringComparer.Ordinal) { ["AAPL"] = new(0m, 36.5m) },
        };
        await using var file = await PaperHarness.OpenAsync(options);
        var sink = new RecordingSink();
        await using var memory = file.MemoryTwin(sink);
        var venue = inMemory ? memory : file.Venue;

        await venue.SubmitAsync(new OrderRequest("f-1", "AAPL", OrderSide.Sell, OrderType.Market, TimeInForce.Gtc, 10m), CancellationToken.None);
        await venue.SubmitAsync(new OrderRequest("f-2", "BTC", OrderSide.Sell, OrderType.Market, TimeInForce.Gtc, 1m), CancellationToken.None);
        await venue.SubmitAsync(new OrderRequest("f-3", "FUT", OrderSide.Buy, OrderType.Market, TimeInForce.Gtc, 1m), CancellationToken.None);
        for (var day = 0; day < 2; day++)
        {
            file.Time.Advance(TimeSpan.FromMinutes(1)); // bars after the orders: the first fills them
            foreach (var symbol in new[] { "AAPL", "BTC", "FUT" })
                await venue.OnBarAsync(new Bar(symbol, file.Time.GetUtcNow(), 100m, 100m, 100m, 100m, 1_000m, TimeSpan.FromMinutes(1)),
                    CancellationToken.None);
            file.Time.Advance(TimeSpan.FromDays(1));
        }

        var charge = Assert.Single(inMemory ? sink.CashActivities : file.Sink.CashActivities);
        Assert.Equal(("AAPL", -1.00m), (charge.Symbol, charge.Amount)); // 1,000 short x 0.1 %; BTC's short and FUT's long pay the venue's 0
        Assert.Contains("at 36.5% a year", charge.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ASymbolsRateOutsideAHundredPercentAYear_IsRefusedNamingTheSymbol()
    {
        var options = new PaperVenueOptions
        {
            FinancingBySymbol = new Dictionary<string, FinancingRates>(StringComparer.Ordinal) { ["GME"] = new(0m, 250m) },
        };

        Assert.Contains("FinancingBySymbol[GME].ShortPercent must be in [-100, 100] percent a year (was 250).", options.Problems());
        Assert.True(options.ChargesFinancing);
    }

    [Theory]
    [InlineData(150, 0)]
    [InlineData(0, -101)]
    public void RatesOutsideAHundredPercentAYear_AreRefused(decimal longPercent, decimal shortPercent)
    {
        var problems = new PaperVenueOptions { FinancingLongPercent = longPercent, FinancingShortPercent = shortPercent }.Problems();

        Assert.Contains(problems, p => p.Contains("Financing", StringComparison.Ordinal) && p.Contains("[-100, 100]", StringComparison.Ordinal));
    }
}
