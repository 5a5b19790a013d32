using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>The gross exposure limit: longs and shorts add up against the account's value; reducing is always allowed.</summary>
public sealed class BotKernelGrossExposureTests
{
    // 100,000 of cash; AAPL and MSFT at 100; 600 shares are 60 % of the account.
    private static Task<KernelHarness> StartAsync(decimal? limit) => KernelHarness.StartAsync(o => o with
    {
        Sizing = new SizingOptions { Mode = SizingMode.FixedQuantity, Quantity = 600m },
        Risk = new RiskLimits { MaxOrderNotional = 1_000_000m, MaxPositionNotional = 1_000_000m, MaxGrossExposurePercent = limit },
    });

    private static async Task<string> FilledAsync(KernelHarness h, string signal, string symbol, SignalDirection direction)
    {
        await h.SignalAsync(signal, symbol, direction);
        await h.UntilEventAsync<OrderAccepted>(e => h.OrderOf(signal) == e.ClientOrderId);
        var id = h.OrderOf(signal);
        h.Venue.PushFill(id, h.Venue.Order(id)!.Quantity, 100m);
        await h.UntilEventAsync<OrderFilled>(e => e.ClientOrderId == id);
        return id;
    }

    [Fact]
    public async Task AShortAddsToTheLongsGross_SoTheSecondEntryIsDenied_AndClosingIsNever()
    {
        await using var h = await StartAsync(100m);
        await h.BarAsync("AAPL", 100m);
        await h.BarAsync("MSFT", 100m);
        await FilledAsync(h, "s1", "AAPL", SignalDirection.Long);
        await h.SignalAsync("s2", "MSFT", SignalDirection.Short);
        await h.UntilEventAsync<OrderDenied>();
        await FilledAsync(h, "s3", "AAPL", SignalDirection.Flat);

        var denied = Assert.Single(h.EventsOf<OrderDenied>());
        Assert.Equal(DenyReason.MaxGrossExposureExceeded, denied.Reason);
        Assert.Equal(h.OrderOf("s2"), denied.ClientOrderId);
        Assert.Equal("gross exposure 120000.00 would be 120.0% of the account's 100000.00, over 100%", denied.Detail);
        Assert.Equal(0m, h.State.PositionQuantity("AAPL"));
    }

    [Fact]
    public async Task TheEntryStillWorking_CountsAsHeld_AndARoomyLimitLetsBothIn()
    {
        await using var tight = await StartAsync(100m);
        await tight.BarAsync("AAPL", 100m);
        await tight.BarAsync("MSFT", 100m);
        await tight.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await tight.UntilEventAsync<OrderAccepted>();
        await tight.SignalAsync("s2", "MSFT", SignalDirection.Long); // AAPL's 600 not filled yet
        await tight.UntilEventAsync<OrderDenied>();
        Assert.Equal(DenyReason.MaxGrossExposureExceeded, Assert.Single(tight.EventsOf<OrderDenied>()).Reason);

        await using var roomy = await StartAsync(150m);
        await roomy.BarAsync("AAPL", 100m);
        await roomy.BarAsync("MSFT", 100m);
        await FilledAsync(roomy, "s1", "AAPL", SignalDirection.Long);
        await FilledAsync(roomy, "s2", "MSFT", SignalDirection.Short);
        Assert.Empty(roomy.EventsOf<OrderDenied>());
        Assert.Equal((600m, -600m), (roomy.State.PositionQuantity("AAPL"), roomy.State.PositionQuantity("MSFT")));
    }

    [Fact]
    public async Task AtTheMostOpenPositions_AnEntryInAnotherSymbolIsDenied_WhileAddingToOneHeldAndClosingItPass()
    {
        await using var h = await KernelHarness.StartAsync(o => o with
        {
            Sizing = new SizingOptions { Mode = SizingMode.FixedQuantity, Quantity = 10m },
            Risk = new RiskLimits { MaxOpenPositions = 1 },
        });
        await h.BarAsync("AAPL", 100m);
        await h.BarAsync("MSFT", 100m);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.UntilEventAsync<OrderAccepted>();
        await h.SignalAsync("s2", "MSFT", SignalDirection.Long); // AAPL's entry still working counts
        await h.UntilEventAsync<OrderDenied>();
        var id = h.OrderOf("s1");
        h.Venue.PushFill(id, 10m, 100m);
        await h.UntilEventAsync<OrderFilled>(e => e.ClientOrderId == id);
        await FilledAsync(h, "s3", "AAPL", SignalDirection.Short); // a flip of the one held opens no other
        await FilledAsync(h, "s4", "AAPL", SignalDirection.Flat);
        await FilledAsync(h, "s5", "MSFT", SignalDirection.Long); // room again

        var denied = Assert.Single(h.EventsOf<OrderDenied>());
        Assert.Equal((DenyReason.MaxOpenPositionsReached, h.OrderOf("s2")), (denied.Reason, denied.ClientOrderId));
        Assert.Equal("1 positions open or being opened (AAPL), the most 1 allowed", denied.Detail);
        Assert.Equal((0m, 10m), (h.State.PositionQuantity("AAPL"), h.State.PositionQuantity("MSFT")));
    }
}
