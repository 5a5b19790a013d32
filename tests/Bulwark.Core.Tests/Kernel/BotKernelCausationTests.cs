using Bulwark.Core.Journal;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;
using Bulwark.Core.Venues;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>Each event names the journaled event it follows from (<see cref="BotEvent.CausedBy"/>), or 0 for an outside cause.</summary>
public sealed class BotKernelCausationTests
{
    [Fact]
    public async Task ASignalsOrder_FollowsFromItsAuditRecord_WhichHasAnOutsideCause()
    {
        await using var h = await WithAcceptedBuyAsync();

        var received = Single<SignalReceived>(h);
        Assert.Equal(0, received.Event.CausedBy);
        Assert.Equal(received.Sequence, Single<OrderInitialized>(h).Event.CausedBy);
        Assert.Equal(received.Sequence, Single<OrderSubmitted>(h).Event.CausedBy);
        Assert.Equal(0, Single<OrderAccepted>(h).Event.CausedBy); // the venue's answer comes from outside
    }

    [Fact]
    public async Task ASecondSignalsDenial_FollowsFromItsOwnAuditRecord()
    {
        await using var h = await WithAcceptedBuyAsync();
        await h.SignalAsync("s2", "AAPL", SignalDirection.Short); // s1's order is still working
        await h.UntilEventAsync<SignalDenied>();

        var second = h.Journal.Events.Single(e => e.Event is SignalReceived r && r.Signal.SignalId == "s2");
        var denied = Single<SignalDenied>(h);
        Assert.Equal(DenyReason.OrderPending, ((SignalDenied)denied.Event).Reason);
        Assert.Equal(second.Sequence, denied.Event.CausedBy);
    }

    [Fact]
    public async Task AnOverfillsAlertAndHalt_FollowFromTheFill_AndTheNextMessageHasAnOutsideCauseAgain()
    {
        await using var h = await WithAcceptedBuyAsync();
        var id = h.OrderOf("s1");

        h.Venue.PushFill(id, 10m, 100m);
        h.Venue.PushRaw(new VenueFill("t-extra", id, "v1", "AAPL", OrderSide.Buy, 5m, 100m, 0m, h.Time.GetUtcNow()));
        await h.UntilEventAsync<TradingStateChanged>();
        await h.SignalAsync("s3", "AAPL", SignalDirection.Long, target: 20m);
        await h.UntilEventAsync<SignalDenied>();

        var overfill = h.Journal.Events.Single(e => e.Event is OrderFilled f && f.VenueTradeId == "t-extra");
        Assert.Equal(overfill.Sequence, Single<AlertRaised>(h).Event.CausedBy);
        Assert.Equal(overfill.Sequence, Single<TradingStateChanged>(h).Event.CausedBy);
        Assert.Equal(0, h.Journal.Events.Single(e => e.Event is SignalReceived r && r.Signal.SignalId == "s3").Event.CausedBy);
    }

    [Fact]
    public void TheCause_SurvivesTheJournalsEncoding_AndIsNotWrittenWhenThereIsNone()
    {
        var time = new DateTimeOffset(2024, 3, 5, 15, 0, 0, TimeSpan.Zero);
        var caused = new OrderSubmitted("bot-20240305-000001", "paper") { Time = time };
        caused.CausedBy = 41;
        var outside = new OrderAccepted("bot-20240305-000001", "v1") { Time = time };

        Assert.Equal(41, EventCodec.Decode(EventCodec.Encode(caused)).CausedBy);
        Assert.Equal(caused, EventCodec.Decode(EventCodec.Encode(caused)));
        Assert.DoesNotContain("causedBy", System.Text.Encoding.UTF8.GetString(EventCodec.Encode(outside)), StringComparison.Ordinal);
        Assert.Equal(0, EventCodec.Decode(EventCodec.Encode(outside)).CausedBy);
    }

    /// <summary>A kernel whose signal s1 (long AAPL at 100) has an order the venue accepted.</summary>
    private static async Task<KernelHarness> WithAcceptedBuyAsync()
    {
        var h = await KernelHarness.StartAsync();
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.UntilEventAsync<OrderAccepted>();
        return h;
    }

    private static JournaledEvent Single<T>(KernelHarness h) where T : BotEvent =>
        Assert.Single(h.Journal.Events, e => e.Event is T);
}
