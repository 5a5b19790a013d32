using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;
using static Bulwark.Core.Tests.TestSupport.ProtectedKernel;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// Stops measured in average true ranges: set from the range when the position takes its size, kept while it is held,
/// and no position opened before its stop can be set.
/// </summary>
public sealed class BotKernelAtrStopTests
{
    /// <summary>Two ATRs of three bars.</summary>
    private static ProtectiveStop TwoAtrs => new(null, null) { StopLossAtr = 2m, AtrPeriod = 3 };

    /// <summary>The range known (see <see cref="WarmUpAsync"/>), long 10 at 100.5: its one stop's id.</summary>
    private static async Task<string> OpenProtectedAsync(KernelHarness h)
    {
        await WarmUpAsync(h);
        await FillAsync(h, "s1", 10m, 100.5m);
        return Assert.Single(Stops(h)).ClientOrderId;
    }

    [Fact]
    public async Task AnEntryBeforeTheRangeIsKnown_IsDenied_AndOnceItIs_TheStopIsTwoRangesUnderTheFill()
    {
        await using var h = await StartAsync(TwoAtrs);
        await h.BarAsync("AAPL", 101m, 99m, 100m);
        await h.BarAsync("AAPL", 102m, 100m, 101m);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long, target: 10m);
        await h.UntilEventAsync<SignalDenied>(d => d.SignalId == "s1");
        var denied = h.EventsOf<SignalDenied>().Single(d => d.SignalId == "s1");
        Assert.Equal(DenyReason.StopNotReady, denied.Reason);
        Assert.Contains("protective stop of 2 ATR(3) cannot be set before 3 bars of AAPL are seen", denied.Detail, StringComparison.Ordinal);

        await h.BarAsync("AAPL", 101m, 99m, 100m);
        await FillAsync(h, "s2", 10m, 100.5m);

        var stop = Assert.Single(Stops(h));
        Assert.Equal((OrderSide.Sell, 10m, 96.5m), (stop.Side, stop.Quantity, stop.StopPrice!.Value));
    }

    [Fact]
    public async Task TheLevel_StaysWhileTheRangeWidens_AndIsMeasuredAgainWhenThePositionIsAddedTo()
    {
        await using var h = await StartAsync(TwoAtrs);
        await OpenProtectedAsync(h);

        await h.BarAsync("AAPL", 110m, 90m, 100m); // a true range of 20: the ATR is (2 + 2 + 20) / 3 = 8
        await h.SettleAsync();
        Assert.Single(Stops(h));

        await FillAsync(h, "s2", 20m, 102m); // an average of 101.25, less two ranges of 8
        Assert.Equal([96.5m, 85.25m], Stops(h).Select(s => s.StopPrice!.Value));
        Assert.Equal(20m, Stops(h)[^1].Quantity);
    }

    [Fact]
    public async Task AnAtrTrail_FollowsTheBestClose_ByTheRangeAsOfEachBar_AndNeverMovesBack()
    {
        var trailing = new ProtectiveStop(null, null) { TrailingAtr = 2m, AtrPeriod = 3 };
        await using var h = await StartAsync(trailing);
        await OpenProtectedAsync(h);

        await h.BarAsync("AAPL", 110m); // a true range of 10: the ATR is (2 + 2 + 10) / 3, two of them 9.33
        await h.SettleAsync();
        await h.BarAsync("AAPL", 105m); // 105 less two ranges would be 95.44: the trail keeps 100.67
        await h.SettleAsync();

        Assert.Equal([96.5m, 100.67m], Stops(h).Select(s => s.StopPrice!.Value));
    }

    [Fact]
    public async Task AfterARestart_TheStopAtTheVenueKeepsItsLevel_ButNoPositionIsAddedToBeforeTheRangeIsKnownAgain()
    {
        var h = await StartAsync(TwoAtrs);
        await using var _ = h;
        var stopId = await OpenProtectedAsync(h);

        await h.RestartAsync(strategies: StrategiesWith(TwoAtrs));
        await h.BarAsync("AAPL", 110m, 90m, 100m);
        await h.SettleAsync();
        Assert.Single(Stops(h));
        Assert.Equal(0, h.Venue.CancelsOf(stopId));
        Assert.DoesNotContain(h.EventsOf<AlertRaised>(), a => a.Code == "ProtectiveStopNotReady");

        await h.SignalAsync("s2", "AAPL", SignalDirection.Long, target: 20m);
        await h.UntilEventAsync<SignalDenied>(d => d.SignalId == "s2" && d.Reason == DenyReason.StopNotReady);
        // An exit needs no stop: it is never held back for the range.
        await h.SignalAsync("s3", "AAPL", SignalDirection.Flat);
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("s3"));
    }

    [Fact]
    public async Task APositionWhoseStopIsGoneAfterARestart_IsAlertedOnce_AndProtectedOnceTheRangeIsKnown()
    {
        var h = await StartAsync(TwoAtrs);
        await using var _ = h;
        var stopId = await OpenProtectedAsync(h);

        await h.RestartAsync(() => h.Venue.CompleteCancel(stopId), StrategiesWith(TwoAtrs));
        await WarmUpAsync(h);
        await h.SettleAsync();

        var alert = Assert.Single(h.EventsOf<AlertRaised>(), a => a.Code == "ProtectiveStopNotReady");
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Contains("the 10 AAPL position has no protective stop", alert.Message, StringComparison.Ordinal);
        Assert.Equal(2, Stops(h).Count);
        Assert.Equal(96.5m, Stops(h)[1].StopPrice); // measured from the range of the three bars since the restart
    }
}
