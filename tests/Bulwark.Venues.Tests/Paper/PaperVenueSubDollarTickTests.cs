using System.Collections.Frozen;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Venues;
using Bulwark.Venues.Paper;
using Bulwark.Venues.Tests.Fakes;

namespace Bulwark.Venues.Tests.Paper;

/// <summary>A US share under a dollar trades in hundredths of a cent at the paper venue, and in cents from a dollar up.</summary>
public sealed class PaperVenueSubDollarTickTests
{
    private static readonly FrozenDictionary<string, Instrument> Penny = new[]
    {
        new Instrument("PNY", AssetClass.Equity, subDollarTickSize: Instrument.UsSubDollarTickSize),
    }.ToFrozenDictionary(i => i.Symbol, StringComparer.Ordinal);

    [Fact]
    public async Task AMarketOrder_FillsAtASubPennyOpen_UnderADollar_AndRoundsToTheCentAbove()
    {
        await using var venue = PaperVenue.InMemory(PaperHarness.Plain, Penny, new FakeTimeProvider());
        var time = DateTimeOffset.UnixEpoch;

        await venue.SubmitAsync(Market("b-1", OrderSide.Buy), CancellationToken.None);
        await venue.OnBarAsync(new Bar("PNY", time, 0.4537m, 0.46m, 0.45m, 0.4561m, 1_000m, TimeSpan.FromDays(1)), CancellationToken.None);
        await venue.SubmitAsync(Market("s-1", OrderSide.Sell), CancellationToken.None);
        await venue.OnBarAsync(new Bar("PNY", time.AddDays(1), 1.0037m, 1.02m, 1.00m, 1.01m, 1_000m, TimeSpan.FromDays(1)), CancellationToken.None);

        Assert.Equal([0.4537m, 1.00m], (await venue.GetFillsAsync(CancellationToken.None)).Select(f => f.Price));
    }

    [Fact]
    public async Task SlippageInTicks_IsAHundredthOfACentUnderADollar()
    {
        await using var venue = PaperVenue.InMemory(PaperHarness.Plain with { SlippageTicks = 2m }, Penny, new FakeTimeProvider());

        await venue.SubmitAsync(Market("b-1", OrderSide.Buy), CancellationToken.None);
        await venue.OnBarAsync(new Bar("PNY", DateTimeOffset.UnixEpoch, 0.4537m, 0.46m, 0.45m, 0.4561m, 1_000m, TimeSpan.FromDays(1)), CancellationToken.None);

        Assert.Equal(0.4539m, Assert.Single(await venue.GetFillsAsync(CancellationToken.None)).Price);
    }

    [Fact]
    public async Task ALimitPrice_IsCheckedAgainstTheTickAtThatPrice()
    {
        await using var venue = PaperVenue.InMemory(PaperHarness.Plain, Penny, new FakeTimeProvider());

        var under = await venue.SubmitAsync(Limit("l-1", 0.4537m), CancellationToken.None);
        var over = await venue.SubmitAsync(Limit("l-2", 1.0037m), CancellationToken.None);

        Assert.Equal(SubmitOutcome.Accepted, under.Outcome);
        Assert.Equal(SubmitOutcome.Rejected, over.Outcome);
        Assert.Contains("not on the tick size 0.01", over.Message, StringComparison.Ordinal);
    }

    private static OrderRequest Market(string id, OrderSide side) =>
        new(id, "PNY", side, OrderType.Market, TimeInForce.Gtc, 1_000m);

    private static OrderRequest Limit(string id, decimal price) =>
        new(id, "PNY", OrderSide.Buy, OrderType.Limit, TimeInForce.Gtc, 100m, LimitPrice: price);
}
