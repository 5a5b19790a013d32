using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>risk.maxGroupExposurePercent: the positions of one group of instruments together, against the account's value.</summary>
public sealed class BotKernelGroupExposureTests
{
    /// <summary>AAPL and MSFT in tech, XOM in energy, SPY in none; 15% of the 100,000 account a group.</summary>
    private static Task<KernelHarness> StartAsync(decimal? limit = 15m) =>
        KernelHarness.StartAsync(o => o with
        {
            Instruments = new Dictionary<string, Instrument>(StringComparer.Ordinal)
            {
                ["AAPL"] = new("AAPL", AssetClass.Equity) { Group = "tech" },
                ["MSFT"] = new("MSFT", AssetClass.Equity) { Group = "tech" },
                ["XOM"] = new("XOM", AssetClass.Equity) { Group = "energy" },
                ["SPY"] = new("SPY", AssetClass.Equity),
            },
            Risk = o.Risk with { MaxGroupExposurePercent = limit },
        });

    [Fact]
    public async Task AnEntryTakingItsGroupOverTheLimit_IsDenied_WhileTheGroupsRoom_OtherGroups_AndExitsPass()
    {
        await using var h = await StartAsync();
        await h.OpenAsync("aapl", "AAPL", SignalDirection.Long, 100m, 100m);
        await h.BarAsync("MSFT", 100m);
        await h.BarAsync("XOM", 100m);
        await h.BarAsync("SPY", 100m);

        // 10,000 of AAPL held: 100 MSFT would make the group 20,000, 20% of the account; 50 make exactly 15%.
        await h.SignalAsync("too-much", "MSFT", SignalDirection.Long, target: 100m);
        await h.SignalAsync("energy", "XOM", SignalDirection.Long, target: 100m);
        await h.SignalAsync("index", "SPY", SignalDirection.Long, target: 200m);
        await h.SettleAsync();
        var denied = Assert.Single(h.EventsOf<OrderDenied>());
        Assert.Equal(DenyReason.MaxGroupExposureExceeded, denied.Reason);
        Assert.Equal("group tech's exposure 20000.00 would be 20.0% of the account's 100000.00, over 15% (risk.maxGroupExposurePercent)", denied.Detail);
        Assert.Equal(3, h.Venue.Submits.Count); // AAPL's entry, XOM's and SPY's

        await h.SignalAsync("room", "MSFT", SignalDirection.Long, target: 50m);
        await h.UntilAsync(() => h.Venue.Submits.Count == 4, "MSFT's entry within the room");
        await h.SignalAsync("exit", "AAPL", SignalDirection.Flat);
        await h.UntilAsync(() => h.Venue.Submits.Count == 5, "AAPL's exit");
        Assert.Equal(OrderSide.Sell, h.EventsOf<OrderInitialized>().Single(o => o.SignalId == "exit").Side);
    }

    [Fact]
    public async Task WithoutTheLimit_TheGroupIsNotWeighed()
    {
        await using var h = await StartAsync(limit: null);
        await h.OpenAsync("aapl", "AAPL", SignalDirection.Long, 100m, 100m);
        await h.BarAsync("MSFT", 100m);
        await h.SignalAsync("more", "MSFT", SignalDirection.Long, target: 200m);
        await h.UntilAsync(() => h.Venue.Submits.Count == 2, "MSFT's entry");
        Assert.Empty(h.EventsOf<OrderDenied>());
    }
}
