using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;
using Bulwark.Core.Venues;

namespace Bulwark.Core.Tests.Kernel;

public sealed class BotKernelRecoveryTests
{
    [Fact]
    public async Task KillSwitch_SurvivesARestart()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.BarAsync("AAPL", 100m);
        await h.SendAsync(new SetTradingState(TradingState.Halted, "operator kill"));
        await h.SettleAsync();

        await h.RestartAsync();
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("after", "AAPL", SignalDirection.Long);
        await h.SettleAsync();

        Assert.Equal(TradingState.Halted, h.State.TradingState);
        Assert.Equal("operator kill", h.State.TradingStateReason);
        Assert.Equal(DenyReason.TradingHalted, Assert.Single(h.EventsOf<SignalDenied>()).Reason);
        Assert.Empty(h.Venue.Submits);
        Assert.Equal(2, h.EventsOf<BotStarted>().Count);
        Assert.Single(h.EventsOf<AccountInitialized>());
    }

    [Fact]
    public async Task Restart_AppliesAFillTheVenueMadeWhileTheEngineWasDown()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.UntilEventAsync<OrderAccepted>();
        var id = h.OrderOf("s1");

        await h.RestartAsync(whileDown: () => h.Venue.FillSilently(id, 10m, 100.5m, commission: 1m));

        var fill = Assert.Single(h.EventsOf<OrderFilled>());
        Assert.True(fill.Recovered);
        Assert.Equal(id, fill.ClientOrderId);
        Assert.Equal(OrderStatus.Filled, h.State.Orders[id].Status);
        Assert.Equal(10m, h.State.PositionQuantity("AAPL"));
        Assert.Equal(100_000m - 1_005m - 1m, h.State.Cash);
        var recon = h.EventsOf<ReconciliationCompleted>()[^1];
        Assert.True(recon.InSync, string.Join("; ", recon.Discrepancies));
        Assert.Equal(TradingState.Active, h.State.TradingState);
    }

    [Fact]
    public async Task Restart_DoesNotApplyAFillTwice_WhenTheVenueReportsItAgain()
    {
        await using var h = await KernelHarness.StartAsync();
        var id = await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);

        await h.RestartAsync();

        Assert.Single(h.EventsOf<OrderFilled>());
        Assert.Empty(h.EventsOf<FillDuplicateIgnored>()); // re-reading the venue's fills at start is not news
        Assert.Equal(10m, h.State.PositionQuantity("AAPL"));
        Assert.Equal(OrderStatus.Filled, h.State.Orders[id].Status);
        Assert.True(h.EventsOf<ReconciliationCompleted>()[^1].InSync);
    }

    [Fact]
    public async Task Restart_ResolvesAnUnacknowledgedOrderTheVenueHas_ByAskingIt()
    {
        await using var h = await KernelHarness.StartAsync();
        h.Venue.OnSubmit = (_, _) => SubmitReply.HangAfterKeeping; // the venue takes it; the answer never comes back
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.UntilAsync(() => h.Venue.Submits.Count == 1, "the submit");
        var id = h.OrderOf("s1");
        Assert.Equal(OrderStatus.Submitted, h.State.Orders[id].Status);

        h.Venue.OnSubmit = (_, _) => SubmitReply.Accept;
        await h.RestartAsync();

        Assert.Equal(1, h.Venue.QueriesOf(id));
        Assert.Equal(1, h.Venue.SubmitsOf(id)); // asked about, never resent
        Assert.Equal(OrderStatus.Accepted, h.State.Orders[id].Status);
        Assert.Equal(h.Venue.Order(id)!.VenueOrderId, h.State.Orders[id].VenueOrderId);
        Assert.True(h.EventsOf<ReconciliationCompleted>()[^1].InSync);
        Assert.Equal(TradingState.Active, h.State.TradingState);
    }

    [Fact]
    public async Task Restart_ResolvesAnUnacknowledgedOrderTheVenueNeverGot_AsRejected_WithoutSendingIt()
    {
        await using var h = await KernelHarness.StartAsync();
        h.Venue.OnSubmit = (_, _) => SubmitReply.HangAndLose;
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.UntilAsync(() => h.Venue.Submits.Count == 1, "the submit");
        var id = h.OrderOf("s1");

        await h.RestartAsync();

        Assert.Equal(1, h.Venue.QueriesOf(id));
        Assert.Equal(1, h.Venue.SubmitsOf(id));
        Assert.Equal(VenueRejectCode.OrderNotFound, Assert.Single(h.EventsOf<OrderRejected>()).Code);
        Assert.False(h.State.HasOpenOrder("AAPL"));
        Assert.True(h.EventsOf<ReconciliationCompleted>()[^1].InSync);
    }

    [Fact]
    public async Task Restart_WhenTheVenueHoldsAPositionTheEngineDoesNot_ReportsItAndHalts()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.SettleAsync();

        await h.RestartAsync(whileDown: () => h.Venue.AddForeignPosition("MSFT", 25m));

        var recon = h.EventsOf<ReconciliationCompleted>()[^1];
        Assert.False(recon.InSync);
        Assert.Contains(recon.Discrepancies, d => d.Contains("MSFT", StringComparison.Ordinal));
        Assert.Equal(TradingState.Halted, h.State.TradingState);
        Assert.False(h.State.LastReconciliationInSync);
        Assert.Equal(0m, h.State.PositionQuantity("MSFT")); // reported, never "fixed" by inventing a position
        Assert.Contains(h.EventsOf<AlertRaised>(), a => a.Severity == AlertSeverity.Critical);

        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.SettleAsync();
        Assert.Equal(DenyReason.TradingHalted, Assert.Single(h.EventsOf<SignalDenied>()).Reason);
        Assert.Empty(h.Venue.Submits);
    }

    [Fact]
    public async Task ClientOrderIdSequence_ContinuesAfterRestart_AndIsNeverReused()
    {
        await using var h = await KernelHarness.StartAsync();
        h.Venue.OnSubmit = (_, _) => SubmitReply.Reject; // keep the symbol free for the next signal
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("s1", "AAPL", SignalDirection.Long);
        await h.UntilAsync(() => h.EventsOf<OrderRejected>().Count == 1, "first reject");
        await h.SignalAsync("s2", "AAPL", SignalDirection.Long);
        await h.UntilAsync(() => h.EventsOf<OrderRejected>().Count == 2, "second reject");

        await h.RestartAsync();
        h.Venue.OnSubmit = (_, _) => SubmitReply.Accept;
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("s3", "AAPL", SignalDirection.Long);
        await h.UntilEventAsync<OrderAccepted>();

        Assert.Equal(["bot-20240305-000001", "bot-20240305-000002", "bot-20240305-000003"],
            h.Venue.Submits.Select(s => s.ClientOrderId));
        Assert.Equal(3, h.State.OrderSequence);
    }

    [Fact]
    public async Task ClientOrderIdSequence_ContinuesAcrossDays()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);

        h.Time.Advance(TimeSpan.FromDays(1));
        await h.RestartAsync();
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("s2", "AAPL", SignalDirection.Flat);
        await h.UntilAsync(() => h.Venue.Submits.Count == 2, "the second order");

        Assert.Equal("bot-20240306-000002", h.Venue.Submits[1].ClientOrderId);
    }

    [Fact]
    public async Task Restart_FromASnapshot_RecoversTheSameState()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.OpenAsync("s2", "MSFT", SignalDirection.Short, 300m);
        await h.SettleAsync();
        var before = Bulwark.Core.Kernel.KernelStateJson.Serialize(h.State);

        await h.RestartAsync(); // StopAsync snapshots; StartAsync loads the snapshot, then replays after it

        var snapshot = await h.Journal.LoadLatestAsync(CancellationToken.None);
        Assert.NotNull(snapshot);
        Assert.Equal(10m, h.State.PositionQuantity("AAPL"));
        Assert.Equal(-10m, h.State.PositionQuantity("MSFT"));
        // The restart appended only its own bookkeeping; everything the first run knew is unchanged.
        var after = Bulwark.Core.Kernel.KernelStateJson.Deserialize(before);
        Assert.Equal(after.Cash, h.State.Cash);
        Assert.Equal(after.OrderSequence, h.State.OrderSequence);
        Assert.Equal(after.Orders.Keys, h.State.Orders.Keys);
        Assert.Equal(after.Orders.Values.SelectMany(o => o.TradeIds ?? []).Order(),
            h.State.Orders.Values.SelectMany(o => o.TradeIds ?? []).Order());
    }
}
