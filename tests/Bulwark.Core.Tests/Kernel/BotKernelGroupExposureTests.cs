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
    private static Task<KernelHarness> StartAsync(decimal? limit = 15m, IReadOnlyDictionary<string, decimal>? own = null) =>
        KernelHarness.StartAsync(o => o with
        {
            Instruments = new Dictionary<string, Instrument>(StringComparer.Ordinal)
            {
                ["AAPL"] = new("AAPL", AssetClass.Equity) { Group = "tech" },
                ["MSFT"] = new("MSFT", AssetClass.Equity) { Group = "tech" },
                ["XOM"] = new("XOM", AssetClass.Equity) { Group = "energy" },
                ["SPY"] = new("SPY", AssetClass.Equity),
            },
            Risk = o.Risk with { MaxGroupExposurePercent = limit, MaxGroupExposurePercents = own is null ? default : new GroupExposureLimits(own) },
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
        await h.BarAsync("MSFT", 100m);
        await h.SignalAsync("more", "MSFT", SignalDirection.Long, target: 200m);
        await h.UntilAsync(() => h.Venue.Submits.Count == 2, "MSFT's entry");
        Assert.Empty(h.EventsOf<OrderDenied>());
    }

    [Fact]
    public async Task AGroupsOwnLimit_TakesThePlaceOfTheDefault_WhileOtherGroupsKeepIt()
    {
        // Tech may hold 25% (its own), energy the default 5%.
        await using var h = await StartAsync(limit: 5m, own: new Dictionary<string, decimal>(StringComparer.Ordinal) { ["tech"] = 25m });
        await h.BarAsync("AAPL", 100m);
        await h.BarAsync("XOM", 100m);

        await h.SignalAsync("tech", "AAPL", SignalDirection.Long, target: 200m); // 20% of the account: over 5, under 25
        await h.SignalAsync("energy", "XOM", SignalDirection.Long, target: 100m); // 10%: over the default 5
        await h.SettleAsync();

        var denied = Assert.Single(h.EventsOf<OrderDenied>());
        Assert.Equal(h.OrderOf("energy"), denied.ClientOrderId);
        Assert.Equal("group energy's exposure 10000.00 would be 10.0% of the account's 100000.00, over 5% (risk.maxGroupExposurePercent)", denied.Detail);
        Assert.Single(h.Venue.Submits, s => s.Symbol == "AAPL");

        await h.BarAsync("MSFT", 100m);
        await h.SignalAsync("more", "MSFT", SignalDirection.Long, target: 100m); // with AAPL's 20,000 working: 30%
        await h.UntilEventAsync<OrderDenied>(d => d.ClientOrderId == h.OrderOf("more"));
        Assert.EndsWith("over 25% (risk.maxGroupExposurePercents.tech)", h.EventsOf<OrderDenied>().Single(d => d.ClientOrderId == h.OrderOf("more")).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyGroupsNamed_AreLimited_WhenThereIsNoDefault()
    {
        await using var h = await StartAsync(limit: null, own: new Dictionary<string, decimal>(StringComparer.Ordinal) { ["energy"] = 5m });
        await h.BarAsync("AAPL", 100m);
        await h.BarAsync("XOM", 100m);
        await h.SignalAsync("tech", "AAPL", SignalDirection.Long, target: 200m); // 20%: tech has no limit
        await h.SignalAsync("energy", "XOM", SignalDirection.Long, target: 100m);
        await h.SettleAsync();

        Assert.Equal(h.OrderOf("energy"), Assert.Single(h.EventsOf<OrderDenied>()).ClientOrderId);
        Assert.Single(h.Venue.Submits, s => s.Symbol == "AAPL");
    }
}
