using System.Globalization;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Venues;
using Bulwark.Venues.Paper;
using Bulwark.Venues.Tests.Fakes;

namespace Bulwark.Venues.Tests.Paper;

/// <summary>
/// Interest on idle cash at the paper venue: cash held into a new day earns the yearly rate for the calendar days since
/// the latest bar of any symbol, once per day whatever the symbols, booked as a cash activity without a symbol.
/// </summary>
public sealed class PaperVenueCashInterestTests
{
    /// <summary>3.65 % a year is 0.01 % a day: 10 a day on 100,000.</summary>
    private static readonly PaperVenueOptions Rate = PaperHarness.Plain with { CashInterest = CashRates.Fixed(3.65m) };

    [Fact]
    public async Task CashHeldOverAWeekend_EarnsThreeDays_Once()
    {
        await using var h = await PaperHarness.OpenAsync(Rate);
        await h.BarAtAsync(100m); // the first bar: no day before it

        h.Time.Advance(TimeSpan.FromDays(3));
        await h.BarAtAsync(100m);
        await h.BarAtAsync(100m); // the same day: nothing more

        var activity = Assert.Single(h.Sink.CashActivities);
        Assert.Equal((CashActivityKind.Interest, (string?)null, 30.00m), (activity.Kind, activity.Symbol, activity.Amount));
        Assert.Equal("interest on idle cash 100000.00 held 3 day(s) at 3.65% a year", activity.Description);
        Assert.Equal(100_030m, await h.CashAsync());
    }

    [Fact]
    public async Task AFreeBalance_EarnsNothing_TheCashAboveItEarnsTheRate()
    {
        await using var h = await PaperHarness.OpenAsync(Rate with { CashInterestFreeBalance = 40_000m });
        await using var above = await PaperHarness.OpenAsync(Rate with { CashInterestFreeBalance = 100_000m });
        await h.BarAtAsync(100m);
        await above.BarAtAsync(100m);

        h.Time.Advance(TimeSpan.FromDays(3));
        above.Time.Advance(TimeSpan.FromDays(3));
        await h.BarAtAsync(100m);
        await above.BarAtAsync(100m);

        // 0.01 % a day on the 60,000 above the first 40,000, for three days.
        var activity = Assert.Single(h.Sink.CashActivities);
        Assert.Equal(18.00m, activity.Amount);
        Assert.Equal("interest on idle cash 100000.00, above the first 40000.00, which earns none, held 3 day(s) at 3.65% a year", activity.Description);
        Assert.Empty(above.Sink.CashActivities); // all of it is the free balance
        Assert.Contains("CashInterestFreeBalance must be >= 0 (was -1)", Assert.Single((Rate with { CashInterestFreeBalance = -1m }).Problems()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PaperStoreKind.Sqlite)]
    [InlineData(PaperStoreKind.Memory)]
    public async Task AWeekendOverARateChange_EarnsEachDayAtItsOwnRate(PaperStoreKind kind)
    {
        // 3.65 % until the third day, 7.3 % from it: 10 + 10 + 20 on 100,000.
        var first = DateOnly.FromDateTime(new FakeTimeProvider().GetUtcNow().UtcDateTime); // the harness's clock starts there too
        var rates = CashRates.Steps([new CashRateStep(first, 3.65m), new CashRateStep(first.AddDays(2), 7.3m)]);
        await using var h = await PaperHarness.OpenInAsync(kind, PaperHarness.Plain with { CashInterest = rates });
        await h.BarAtAsync(100m);

        h.Time.Advance(TimeSpan.FromDays(3));
        await h.BarAtAsync(100m);

        var activity = Assert.Single(h.Sink.CashActivities);
        Assert.Equal(40.00m, activity.Amount);
        Assert.Equal("interest on idle cash 100000.00 held 3 day(s) at 3.65% to 7.3% a year", activity.Description);
    }

    [Theory]
    [InlineData(PaperStoreKind.Sqlite)]
    [InlineData(PaperStoreKind.Memory)]
    [InlineData(PaperStoreKind.MemoryWithoutHistory)]
    public async Task ANewDay_PaysOnce_WhicheverSymbolsBarComesFirst(PaperStoreKind kind)
    {
        await using var h = await PaperHarness.OpenInAsync(kind, Rate);
        for (var day = 0; day < 3; day++)
        {
            foreach (var symbol in new[] { "AAPL", "BTC", "FUT" })
                await h.BarAtAsync(100m, symbol: symbol);
            h.Time.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal([10.00m, 10.001m], h.Sink.CashActivities.Select(a => a.Amount)); // the second day's on 100,010
        Assert.All(h.Sink.CashActivities, a => Assert.Null(a.Symbol));
    }

    [Fact]
    public async Task AShortSalesProceeds_EarnNothing_ButMarginPostedStillEarns()
    {
        await using var h = await PaperHarness.OpenAsync(Rate);
        await h.SellAsync("s-1", 10m);
        await h.BarAtAsync(100m); // sells 10 at 100: cash 101,000, of which 1,000 backs the short
        await h.BuyAsync("f-1", 1m, symbol: "FUT");
        await h.BarAtAsync(100m, symbol: "FUT"); // posts 2,000 of margin: cash 99,000

        h.Time.Advance(TimeSpan.FromDays(1));
        await h.BarAtAsync(150m); // valued at the last close, 100, not this bar's

        var activity = Assert.Single(h.Sink.CashActivities);
        Assert.Equal(10.00m, activity.Amount); // 99,000 + 2,000 - 1,000 = 100,000
        Assert.Contains("idle cash 100000.00 (cash 99000.00 plus margin 2000.00 less short proceeds 1000.00)", activity.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AShortWorthMoreThanTheCash_LeavesNothingIdle_AndPaysNothing()
    {
        await using var h = await PaperHarness.OpenAsync(Rate with { InitialCash = 1_000m });
        await h.SellAsync("s-1", 10m);
        await h.BarAtAsync(100m); // cash 2,000
        await h.BarAtAsync(300m); // the short is now worth 3,000

        h.Time.Advance(TimeSpan.FromDays(1));
        await h.BarAtAsync(300m);

        Assert.Empty(h.Sink.CashActivities);
    }

    [Fact]
    public async Task ANegativeRate_Charges()
    {
        await using var h = await PaperHarness.OpenAsync(PaperHarness.Plain with { CashInterest = CashRates.Fixed(-0.73m) });
        await h.BarAtAsync(100m);
        h.Time.Advance(TimeSpan.FromDays(1));
        await h.BarAtAsync(100m);

        Assert.Equal(-2.00m, Assert.Single(h.Sink.CashActivities).Amount); // 100,000 x 0.002 %
        Assert.Equal(99_998m, await h.CashAsync());
    }

    [Fact]
    public async Task AfterARestart_TheDaysCountFromTheLastBarBeforeIt_AndNoneIsPaidTwice()
    {
        await using var h = await PaperHarness.OpenAsync(Rate);
        await h.BarAtAsync(100m);
        h.Time.Advance(TimeSpan.FromDays(1));
        await h.BarAtAsync(100m);

        await h.ReopenAsync();
        await h.BarAtAsync(100m, symbol: "BTC"); // the same day, another symbol: nothing
        h.Time.Advance(TimeSpan.FromDays(2));
        await h.BarAtAsync(100m, symbol: "BTC");

        var listed = await h.Venue.GetCashActivitiesAsync(0, CancellationToken.None);
        Assert.Equal([10.00m, 20.002m], listed.Select(a => a.Amount)); // two days on 100,010
        Assert.Equal([2L], h.Sink.CashActivities.Select(a => a.Sequence));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task InMemory_PaysWhatTheFilePays_QuietBarsIncluded(bool singleCaller)
    {
        await using var file = await PaperHarness.OpenAsync(Rate);
        var memorySink = new RecordingSink();
        await using var memory = file.MemoryTwin(memorySink, singleCaller);

        foreach (var venue in new[] { file.Venue, memory })
            await venue.SubmitAsync(new OrderRequest("s-1", "AAPL", OrderSide.Sell, OrderType.Market, TimeInForce.Gtc, 10m), CancellationToken.None);
        for (var day = 0; day < 5; day++)
        {
            // Several bars a day, of two symbols: once the sale filled, a bar has nothing to match and is quiet in memory.
            for (var minute = 0; minute < 3; minute++)
                foreach (var symbol in new[] { "AAPL", "BTC" })
                {
                    var bar = new Bar(symbol, file.Time.GetUtcNow(), 100m + day, 100m + day, 100m + day, 100m + day, 1_000m, TimeSpan.FromMinutes(1));
                    await file.Venue.OnBarAsync(bar, CancellationToken.None);
                    await memory.OnBarAsync(bar, CancellationToken.None);
                    file.Time.Advance(TimeSpan.FromMinutes(1));
                }
            file.Time.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(4, memorySink.CashActivities.Count);
        Assert.Equal(file.Sink.CashActivities, memorySink.CashActivities);
        Assert.Equal(await file.CashAsync(), await memory.GetCashAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(100.5)]
    [InlineData(-101)]
    public void ARateOutsideAHundredPercentAYear_IsRefused(decimal percent)
    {
        var problems = new PaperVenueOptions { CashInterest = CashRates.Fixed(percent) }.Problems();
        var stepped = new PaperVenueOptions
        {
            CashInterest = CashRates.Steps([new CashRateStep(new DateOnly(2020, 1, 1), 2m), new CashRateStep(new DateOnly(2021, 3, 1), percent)]),
        }.Problems();

        Assert.Contains(problems, p => p.StartsWith("CashInterest must be in [-100, 100] percent a year", StringComparison.Ordinal));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"CashInterest from 2021-03-01 must be in [-100, 100] percent a year (was {percent})."),
            Assert.Single(stepped));
    }
}
