using Bulwark.Core.Venues;
using Bulwark.Venues.Paper;
using Bulwark.Venues.Tests.Fakes;

namespace Bulwark.Venues.Tests.Paper;

/// <summary>
/// Dividends at the paper venue: a position held at the close before an ex-date receives (a long) or pays (a short) the
/// dividend at its first bar after, once; a position bought on the ex-date and a future receive none.
/// </summary>
public sealed class PaperVenueDividendTests
{
    /// <summary>The harness's first day (its clock's start) and the next, AAPL's ex-date for 0.5 a share, FUT's too.</summary>
    private static readonly DateOnly Day0 = DateOnly.FromDateTime(new FakeTimeProvider().GetUtcNow().UtcDateTime);

    private static readonly PaperVenueOptions Options = PaperHarness.Plain with
    {
        Dividends = new Dictionary<string, IReadOnlyList<Dividend>>(StringComparer.Ordinal)
        {
            ["AAPL"] = [new Dividend(Day0.AddDays(1), 0.5m)],
            ["FUT"] = [new Dividend(Day0.AddDays(1), 0.5m)],
        },
    };

    [Theory]
    [InlineData(true, 5.0)]
    [InlineData(false, -5.0)]
    public async Task APositionHeldIntoTheExDate_ReceivesOrPaysTheDividendOnce(bool buy, decimal amount)
    {
        await using var h = await PaperHarness.OpenAsync(Options);
        if (buy) await h.BuyAsync("o-1", 10m);
        else await h.SellAsync("o-1", 10m);
        await h.BarAtAsync(100m); // day 0: fills at 100

        h.Time.Advance(TimeSpan.FromDays(1));
        await h.BarAtAsync(99.5m); // the ex-date's first bar
        await h.BarAtAsync(99.5m);
        h.Time.Advance(TimeSpan.FromDays(1));
        await h.BarAtAsync(99.5m);

        var activity = Assert.Single(h.Sink.CashActivities);
        Assert.Equal((CashActivityKind.Dividend, "AAPL", amount), (activity.Kind, activity.Symbol, activity.Amount));
        Assert.Contains($"dividend of 0.5 a share on {(buy ? 10 : -10)} AAPL held into its ex-date {Day0.AddDays(1):yyyy-MM-dd}", activity.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APositionBoughtOnTheExDate_AndAFuture_ReceiveNothing()
    {
        await using var h = await PaperHarness.OpenAsync(Options);
        await h.BuyAsync("f-1", 1m, symbol: "FUT");
        await h.BarAtAsync(100m, symbol: "FUT");
        await h.BarAtAsync(100m); // AAPL has a last close on day 0, and no position
        h.Time.Advance(TimeSpan.FromDays(1));
        await h.BuyAsync("o-1", 10m);
        await h.BarAtAsync(100m); // bought at this bar's open: not held at the close before
        await h.BarAtAsync(100m, symbol: "FUT");

        Assert.Empty(h.Sink.CashActivities);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task InMemory_PaysWhatTheFilePays_QuietBarsIncluded(bool singleCaller)
    {
        await using var file = await PaperHarness.OpenAsync(Options);
        var memorySink = new RecordingSink();
        await using var memory = file.MemoryTwin(memorySink, singleCaller);

        foreach (var venue in new[] { file.Venue, memory })
            await venue.SubmitAsync(new OrderRequest("o-1", "AAPL", Core.Orders.OrderSide.Buy, Core.Orders.OrderType.Market,
                Core.Orders.TimeInForce.Gtc, 10m), CancellationToken.None);
        for (var bar = 0; bar < 6; bar++)
        {
            var b = new Core.Model.Bar("AAPL", file.Time.GetUtcNow(), 100m, 100m, 100m, 100m, 1_000m, TimeSpan.FromHours(4));
            await file.Venue.OnBarAsync(b, CancellationToken.None);
            await memory.OnBarAsync(b, CancellationToken.None);
            file.Time.Advance(TimeSpan.FromHours(8)); // three bars a day: once filled, the bars are quiet in memory
        }

        Assert.Equal([5m], memorySink.CashActivities.Select(a => a.Amount));
        Assert.Equal(file.Sink.CashActivities, memorySink.CashActivities);
        Assert.Equal(await file.CashAsync(), await memory.GetCashAsync(CancellationToken.None));
    }

    [Fact]
    public void ADividendOfNothing_OrOutOfOrder_IsRefusedNamingTheSymbol()
    {
        var options = new PaperVenueOptions
        {
            Dividends = new Dictionary<string, IReadOnlyList<Dividend>>(StringComparer.Ordinal)
            {
                ["X"] = [new Dividend(new DateOnly(2024, 3, 1), 0m), new Dividend(new DateOnly(2024, 2, 1), 1m)],
            },
        };

        Assert.Equal([
            "Dividends[X] on 2024-03-01 must pay more than 0 a share (was 0).",
            "Dividends[X] must be in ascending ex-date order, once each (2024-02-01 follows 2024-03-01).",
        ], options.Problems());
    }
}
