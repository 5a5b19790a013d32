using Bulwark.Core.Journal;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;
using static Bulwark.Core.Tests.TestSupport.ProtectedKernel;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// The operator's kill or reduce with <c>--cancel-entries</c>: the working orders that would add are canceled, exits and
/// protective stops keep working, and a request written while the bot was down is carried out at its next start.
/// </summary>
public sealed class BotKernelCancelEntriesTests
{
    /// <summary>AAPL held with its protective stop working, and an entry in MSFT the venue has not filled.</summary>
    private static async Task<KernelHarness> HeldWithAnEntryWorkingAsync()
    {
        var h = await StartAsync(new ProtectiveStop(5m, null));
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();
        await h.BarAsync("MSFT", 50m);
        await h.SignalAsync("m1", "MSFT", SignalDirection.Long, target: 10m);
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("m1"));
        return h;
    }

    private static async Task SendAsync(KernelHarness h, KernelMessage message)
    {
        await h.SendAsync(message);
        await h.SettleAsync();
    }

    [Theory]
    [InlineData(TradingState.Halted)]
    [InlineData(TradingState.Reducing)]
    public async Task AKillOrReduceWithCancelEntries_CancelsTheEntry_AndLeavesTheStopWorking(TradingState state)
    {
        await using var h = await HeldWithAnEntryWorkingAsync();
        var stopId = Assert.Single(Stops(h)).ClientOrderId;

        await SendAsync(h, new SetTradingState(state, "desk call") { CancelEntries = true });

        Assert.Equal(state, h.State.TradingState);
        var cancel = Assert.Single(h.EventsOf<OrderCancelRequested>());
        Assert.Equal((h.OrderOf("m1"), "operator: desk call"), (cancel.ClientOrderId, cancel.Reason));
        Assert.Equal(("desk call", 1), (Assert.Single(h.EventsOf<EntriesCanceled>()).Reason, h.EventsOf<EntriesCanceled>()[0].Orders));
        Assert.True(h.State.Orders[stopId].Status.IsOpen());
        Assert.Null(h.State.CancelEntriesReason);
    }

    [Fact]
    public async Task WithoutIt_AKillLeavesTheEntryWorking_AndAKillOfAKilledBotWithIt_StillCancels()
    {
        await using var h = await HeldWithAnEntryWorkingAsync();
        await SendAsync(h, new SetTradingState(TradingState.Halted, "stop"));
        Assert.Empty(h.EventsOf<OrderCancelRequested>());

        await SendAsync(h, new SetTradingState(TradingState.Halted, "stop") { CancelEntries = true });
        Assert.Single(h.EventsOf<TradingStateChanged>(), t => t.State == TradingState.Halted);
        Assert.Equal(h.OrderOf("m1"), Assert.Single(h.EventsOf<OrderCancelRequested>()).ClientOrderId);
    }

    [Fact]
    public async Task ARequestWrittenWhileTheBotWasDown_IsCarriedOutAtItsNextStart()
    {
        await using var h = await HeldWithAnEntryWorkingAsync();
        await h.RestartAsync(whileDown: () =>
        {
            var next = h.Journal.Events[^1].Sequence + 1;
            var now = h.Time.GetUtcNow();
            h.Journal.AppendAsync([new JournaledEvent(next, new TradingStateChanged(TradingState.Halted, "from the command line") { Time = now }),
                new JournaledEvent(next + 1, new EntriesCancelRequested("from the command line") { Time = now })], CancellationToken.None)
                .AsTask().GetAwaiter().GetResult();
        }, strategies: StrategiesWith(new ProtectiveStop(5m, null)));

        await h.UntilEventAsync<EntriesCanceled>();
        Assert.Equal(h.OrderOf("m1"), Assert.Single(h.EventsOf<OrderCancelRequested>()).ClientOrderId);
        // Once reconciled with the venue, as the flatten's start-up pass is.
        Assert.True(h.Journal.Events.Single(e => e.Event is EntriesCanceled).Sequence > h.Journal.Events.Last(e => e.Event is ReconciliationCompleted).Sequence);
        Assert.Null(h.State.CancelEntriesReason);
    }
}
