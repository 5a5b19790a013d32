using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;
using static Bulwark.Core.Tests.TestSupport.HeldAccount;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// The drawdown stop: a fall of the limit from the account's peak value switches the bot to reduce-only, which a restart
/// keeps and the operator's resume lifts, measuring the next fall from the value then.
/// </summary>
public sealed class BotKernelDrawdownStopTests
{
    /// <summary>200 AAPL bought at 100 from 100,000 in cash: each point AAPL falls is 0.2% of the account.</summary>
    private static Task<KernelHarness> HoldingAsync(decimal? limit) => HeldAccount.HoldingAsync(r => r with { MaxDrawdownPercent = limit });

    private static bool Tripped(KernelHarness h) => h.EventsOf<AlertRaised>().Any(a => a.Code == BotKernel.DrawdownStopCode);

    [Fact]
    public async Task AFallOfTheLimitFromThePeak_SwitchesToReduceOnly_AtThatBar_WithTheFigures()
    {
        await using var h = await HoldingAsync(limit: 10m);
        await BarAsync(h, 105m); // the peak: 101,000
        await BarAsync(h, 60m); // 92,000: 8.9% below
        Assert.False(Tripped(h));
        Assert.Equal(TradingState.Active, h.State.TradingState);

        await BarAsync(h, 59.5m); // 91,900: 9.01% below
        Assert.False(Tripped(h));
        await BarAsync(h, 54m); // 90,800: 10.1% below

        Assert.Equal(TradingState.Reducing, h.State.TradingState);
        Assert.Equal(101_000m, h.State.PeakEquity);
        var alert = Assert.Single(h.EventsOf<AlertRaised>(), a => a.Code == BotKernel.DrawdownStopCode);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal("the account's value 90800.00 is 10.10% below its peak 101000.00, at or beyond the drawdown stop of 10%: only orders that reduce a position are sent until the operator resumes",
            alert.Message);
        Assert.Equal("drawdown stop: 10.10% below the peak 101000.00, limit 10%; resume after review", h.State.TradingStateReason);
    }

    [Fact]
    public async Task AfterTheStop_NothingNewIsOpened_APositionMayStillBeClosed_AndARestartKeepsIt()
    {
        await using var h = await HoldingAsync(limit: 10m);
        await BarAsync(h, 50m);
        await h.RestartAsync();
        Assert.Equal(TradingState.Reducing, h.State.TradingState);

        await h.BarAsync("MSFT", 10m);
        await h.SignalAsync("m1", "MSFT", SignalDirection.Long, target: 10m);
        await h.SignalAsync("a2", "AAPL", SignalDirection.Flat);
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("a2"));

        Assert.Equal(DenyReason.ReducingOnly, Assert.Single(h.EventsOf<SignalDenied>(), d => d.SignalId == "m1").Reason);
        Assert.Equal(200m, h.Venue.Order(h.OrderOf("a2"))!.Quantity);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheOperatorsResume_MeasuresTheNextFallFromTheValueAtTheFirstBarAfter_EvenAcrossARestart(bool restart)
    {
        await using var h = await HoldingAsync(limit: 10m);
        await BarAsync(h, 50m); // 90,000: 10% below 100,000
        Assert.Equal(TradingState.Reducing, h.State.TradingState);

        await h.Kernel.SendAsync(new SetTradingState(TradingState.Active, "reviewed"));
        await h.SettleAsync();
        Assert.Empty(h.EventsOf<PeakEquityReset>());
        Assert.True(h.State.PeakResetDue);
        if (restart) await h.RestartAsync();
        await BarAsync(h, 49m); // 89,800: the value at the first bar after the resume
        var reset = Assert.Single(h.EventsOf<PeakEquityReset>());
        Assert.Equal(89_800m, reset.Equity);
        Assert.Equal((89_800m, false), (h.State.PeakEquity, h.State.PeakResetDue));
        Assert.Equal(TradingState.Active, h.State.TradingState);
        await BarAsync(h, 50m);
        await BarAsync(h, 10m); // 82,000: 8.9% below the new peak of 90,000
        Assert.Equal(TradingState.Active, h.State.TradingState);

        await BarAsync(h, 5m); // 81,000: 10% below it
        Assert.Equal(TradingState.Reducing, h.State.TradingState);
        Assert.Equal(2, h.EventsOf<AlertRaised>().Count(a => a.Code == BotKernel.DrawdownStopCode));
    }

    [Fact]
    public async Task AResumeWithinTheLimit_AfterTheKillSwitchForAnotherReason_LeavesThePeakWhereItWas()
    {
        await using var h = await HoldingAsync(limit: 10m);
        await BarAsync(h, 75m); // 95,000: 5% below 100,000
        await h.Kernel.SendAsync(new SetTradingState(TradingState.Halted, "operator"));
        await h.Kernel.SendAsync(new SetTradingState(TradingState.Active, "operator resume"));
        await BarAsync(h, 75m);

        var settled = Assert.Single(h.EventsOf<PeakEquityReset>());
        Assert.Equal(100_000m, settled.Equity);
        Assert.Equal("trading resumed within the drawdown stop's 10%: it measures from the peak 100000.00 as before", settled.Reason);
        await BarAsync(h, 50m); // 90,000: 10% below the peak the trader's stop was set against
        Assert.Equal(TradingState.Reducing, h.State.TradingState);
    }

    [Fact]
    public async Task WithoutTheStop_AnyFallLeavesTradingAsItWas()
    {
        await using var h = await HoldingAsync(limit: null);
        await BarAsync(h, 10m);

        Assert.Equal(TradingState.Active, h.State.TradingState);
        Assert.False(Tripped(h));
    }
}
