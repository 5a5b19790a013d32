using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using static Bulwark.Core.Tests.TestSupport.HeldAccount;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>The drawdown and daily loss stops' reach into orders already working: what would add is canceled, exits keep working.</summary>
public sealed class BotKernelAccountStopCancelTests
{
    [Theory]
    [InlineData("drawdown", 50, "drawdown stop: reduce-only", TradingState.Reducing)]
    [InlineData("daily loss", 85, "daily loss stop: no new exposure today", TradingState.Active)]
    public async Task TheStop_CancelsTheWorkingOrdersThatWouldAdd_AndLeavesTheExitsWorking(string stop, int close, string reason, TradingState after)
    {
        await using var h = await HoldingAsync(r => stop == "drawdown" ? r with { MaxDrawdownPercent = 10m } : r with { MaxDailyLossPercent = 2m });
        await h.BarAsync("MSFT", 10m);
        await h.SignalAsync("m1", "MSFT", SignalDirection.Long, target: 10m); // an entry the venue has not filled yet
        await h.SignalAsync("a2", "AAPL", SignalDirection.Long, target: 100m); // an exit of half, not filled yet either
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("a2"));
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("m1"));

        await BarAsync(h, close);

        Assert.Equal(after, h.State.TradingState);
        var cancel = Assert.Single(h.EventsOf<OrderCancelRequested>());
        Assert.Equal((h.OrderOf("m1"), reason), (cancel.ClientOrderId, cancel.Reason));
        Assert.Equal(1, h.Venue.CancelsOf(h.OrderOf("m1")));
        Assert.Equal(0, h.Venue.CancelsOf(h.OrderOf("a2")));
    }
}
