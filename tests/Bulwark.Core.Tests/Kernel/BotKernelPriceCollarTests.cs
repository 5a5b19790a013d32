using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>The price collar: a strategy's limit priced further from the last price than the limit is denied, on either side.</summary>
public sealed class BotKernelPriceCollarTests
{
    [Fact]
    public async Task LimitsInsideTheCollarGoOut_AndThoseOutsideAreDeniedOnEitherSide_AsThePreviewSays()
    {
        var strategy = new ScriptedStrategy("placer", "AAPL");
        await using var h = await KernelHarness.StartAsync(o => o with { Risk = new RiskLimits { MaxPriceDeviationPercent = 5m } }, strategies: [strategy]);
        List<DenyReason?> previews = [];
        strategy.OnNextBar(c =>
        {
            foreach (var (side, price) in new[] { (OrderSide.Buy, 95m), (OrderSide.Buy, 94.99m), (OrderSide.Sell, 105m), (OrderSide.Sell, 105.01m) })
            {
                previews.Add(c.PlacementDenial("placer", "AAPL", side, 1m, price));
                strategy.Results.Add(c.PlaceLimit("placer", "AAPL", side, 1m, price, "t"));
            }
        });
        await h.BarAsync("AAPL", 100m);
        await h.SettleAsync();

        Assert.Equal([95m, 105m], h.Venue.Submits.Select(r => r.LimitPrice!.Value));
        Assert.Equal([null, DenyReason.PriceOutsideCollar, null, DenyReason.PriceOutsideCollar], previews);
        Assert.Equal(["limit 94.99 is -5.01% from AAPL's last price 100, more than risk.maxPriceDeviationPercent 5%",
            "limit 105.01 is +5.01% from AAPL's last price 100, more than risk.maxPriceDeviationPercent 5%"],
            h.EventsOf<OrderDenied>().Select(d => d.Detail));
        Assert.All(h.EventsOf<OrderDenied>(), d => Assert.Equal(DenyReason.PriceOutsideCollar, d.Reason));
    }
}
