using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;
using Bulwark.Tests.Shared;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>The cap on the book's volatility: entries wait for the estimate, then are cut to the size it leaves room for.</summary>
public sealed class BotKernelPortfolioVolatilityTests
{
    private static Task<KernelHarness> StartAsync() => KernelHarness.StartAsync(o => o with
    {
        Sizing = new SizingOptions { Mode = SizingMode.PercentOfEquity, PercentOfEquity = 100m, MaxPortfolioVolatilityPercent = 1m },
        Risk = new RiskLimits { MaxOrderNotional = 1_000_000m, MaxPositionNotional = 1_000_000m }, // the cap, not these, limits
    });

    /// <summary>Minute bars of AAPL a minute apart, alternating 100 and 100.01 (returns of about 0.01 %).</summary>
    private static async Task<List<decimal>> BarsAsync(KernelHarness h, int count)
    {
        List<decimal> closes = [];
        for (var i = 0; i < count; i++)
        {
            var close = i % 2 == 0 ? 100m : 100.01m;
            await h.BarAsync("AAPL", close);
            closes.Add(close);
            h.Time.Advance(TimeSpan.FromMinutes(1));
        }
        return closes;
    }

    [Fact]
    public async Task AnEntryWaitsFor20BarTimesOfReturns_ThenIsCutToWhatTheCapLeavesRoomFor()
    {
        await using var h = await StartAsync();
        await BarsAsync(h, 20); // 18 returns in: the 20th bar time is pending
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.UntilEventAsync<SignalDenied>();
        var closes = await BarsAsync(h, 2);
        await h.SignalAsync("s2", "AAPL", SignalDirection.Long);
        await h.UntilEventAsync<OrderInitialized>();

        var denied = Assert.Single(h.EventsOf<SignalDenied>());
        Assert.Equal(DenyReason.PortfolioVolatilityCap, denied.Reason);
        Assert.Equal("entries are capped by the book's volatility (1% a year), whose estimate needs 20 bar times of returns; 18 seen", denied.Detail);
        // The 20 returns taken in, of the 22 bars: RiskMetrics' 0.94, corrected for the weights so far.
        decimal[] all = [.. Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? 100m : 100.01m), .. closes];
        var perBar = EwmaVolatility.PerBar(all, 20);
        var equity = h.State.Cash;
        var barsPerYear = 252d * 6.5d * 60d;
        var room = Math.Floor((double)equity * 0.01 / Math.Sqrt(barsPerYear) / (perBar * (double)all[^1]));
        var order = Assert.Single(h.EventsOf<OrderInitialized>());
        Assert.Equal((decimal)room, order.Quantity);
        Assert.True(order.Quantity < Math.Floor(equity / all[^1]), "the cap did not bind, so the test proved less than it says");
    }

    [Fact]
    public async Task WithThePositionAtTheCap_AnotherEntryIsDeniedAndSaysWhatIsHeld()
    {
        await using var h = await StartAsync();
        await BarsAsync(h, 22);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.UntilEventAsync<OrderAccepted>();
        var id = h.OrderOf("s1");
        h.Venue.PushFill(id, h.Venue.Order(id)!.Quantity, 100m);
        await h.UntilEventAsync<OrderFilled>();
        await h.SignalAsync("s2", "AAPL", SignalDirection.Long);
        await h.UntilEventAsync<SignalDenied>();

        var denied = Assert.Single(h.EventsOf<SignalDenied>());
        Assert.Equal(DenyReason.PortfolioVolatilityCap, denied.Reason);
        Assert.StartsWith("the book's estimated volatility would exceed its cap of 1% a year: AAPL has room for ", denied.Detail, StringComparison.Ordinal);
        Assert.EndsWith(FormattableString.Invariant($", and {h.State.PositionQuantity("AAPL")} are held"), denied.Detail, StringComparison.Ordinal);
    }
}
