using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>risk.maxPositionLossPercent: a position whose open loss reaches that share of the account is closed at market.</summary>
public sealed class BotKernelPositionLossLimitTests
{
    private static Task<KernelHarness> StartAsync(decimal? limit) =>
        KernelHarness.StartAsync(o => o with { Risk = o.Risk with { MaxPositionLossPercent = limit } });

    [Theory]
    [InlineData(100, 96, 95, OrderSide.Sell)]   // long 100 from 100: 400 lost is 0.40% of 99,600; 500 is 0.5025% of 99,500
    [InlineData(-100, 104, 105, OrderSide.Buy)] // short 100 from 100, the mirror
    public async Task AtTheLimit_ThePositionIsClosed_InItsSourcesName_WithAWarning_AndOnlyOnce(int target, int below, int at, OrderSide side)
    {
        await using var h = await StartAsync(0.5m);
        await h.OpenAsync("open", "AAPL", target > 0 ? SignalDirection.Long : SignalDirection.Short, 100m, target);

        await h.BarAsync("AAPL", below);
        await h.SettleAsync();
        Assert.DoesNotContain(h.EventsOf<OrderInitialized>(), o => o.Tag == BotKernel.LossLimitTag);

        await h.BarAsync("AAPL", at);
        await h.UntilAsync(() => h.EventsOf<OrderInitialized>().Any(o => o.Tag == BotKernel.LossLimitTag), "the loss limit's exit");
        await h.BarAsync("AAPL", at - (target > 0 ? 1 : -1));
        await h.SettleAsync();

        var exit = Assert.Single(h.EventsOf<OrderInitialized>(), o => o.Tag == BotKernel.LossLimitTag);
        Assert.Equal((side, 100m, "test"), (exit.Side, exit.Quantity, exit.Source));
        var alert = Assert.Single(h.EventsOf<AlertRaised>(), a => a.Code == "PositionLossLimit");
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        Assert.Equal($"AAPL's open loss 500.00 at {at} is 0.50% of the account's value 99500.00, at least risk.maxPositionLossPercent 0.5%: closing its position of {target}",
            alert.Message);
        h.Venue.PushFill(exit.ClientOrderId, 100m, at);
        await h.UntilAsync(() => h.State.PositionQuantity("AAPL") == 0m, "the exit's fill");
    }

    [Fact]
    public async Task WithoutTheLimit_AnyLossIsLeftToTheStrategy()
    {
        await using var h = await StartAsync(null);
        await h.OpenAsync("open", "AAPL", SignalDirection.Long, 100m, 100m);
        await h.BarAsync("AAPL", 50m);
        await h.SettleAsync();
        Assert.Single(h.EventsOf<OrderInitialized>());
        Assert.DoesNotContain(h.EventsOf<AlertRaised>(), a => a.Code == "PositionLossLimit");
    }

    [Fact]
    public async Task AWorkingAdd_IsCanceledBeforeTheExit_ThenTheExitGoesAtTheNextBar()
    {
        await using var h = await StartAsync(0.5m);
        await h.OpenAsync("open", "AAPL", SignalDirection.Long, 100m, 100m);
        await h.BarAsync("AAPL", 99m);
        await h.SignalAsync("add", "AAPL", SignalDirection.Long, target: 150m);
        await h.UntilAsync(() => h.Venue.Submits.Count == 2, "the add, left working");

        await h.BarAsync("AAPL", 94m);
        await h.UntilAsync(() => h.Venue.CancelsOf(h.OrderOf("add")) == 1, "the add's cancel");
        await h.UntilAsync(() => h.State.OpenOrderCount == 0, "the cancel's confirmation");
        await h.BarAsync("AAPL", 94m);
        await h.UntilAsync(() => h.EventsOf<OrderInitialized>().Any(o => o.Tag == BotKernel.LossLimitTag), "the exit at the next bar");

        Assert.Equal(100m, h.EventsOf<OrderInitialized>().Single(o => o.Tag == BotKernel.LossLimitTag).Quantity);
    }
}
