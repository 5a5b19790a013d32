using Bulwark.Core.Journal;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

public sealed class BotKernelDrivenTests
{
    [Fact]
    public async Task Step_WithASynchronousVenue_ReturnsWithTheOrderAcceptedFilledAndJournaled()
    {
        var time = new ManualTimeProvider(KernelHarness.DefaultStart);
        var venue = new FakeVenue(time) { FillOnSubmitAt = _ => 100m };
        var journal = new InMemoryEventJournal();
        await using var kernel = new BotKernel(KernelHarness.DefaultOptions(), journal, journal, venue, time);
        await kernel.StartDrivenAsync(CancellationToken.None);

        kernel.Step(new Bar("AAPL", time.GetUtcNow(), 100m, 100m, 100m, 100m, 1_000m, TimeSpan.FromMinutes(1)));
        kernel.Step(new SubmitSignal(new Signal("s1", "test", "AAPL", SignalDirection.Long, 1m, time.GetUtcNow())));

        // No flush, no wait: the step settled the router's answer and the venue's fill before it returned.
        Assert.Equal(10m, kernel.State.PositionQuantity("AAPL"));
        Assert.False(kernel.State.HasOpenOrder("AAPL"));
        var events = journal.Events.Select(e => e.Event).ToList();
        Assert.Single(events.OfType<OrderFilled>());
        Assert.Equal(OrderStatus.Filled, kernel.State.Orders.Values.Single().Status);
        Assert.Equal(kernel.State.LastSequence, journal.LastSequence);
    }

    [Fact]
    public async Task Step_OnAKernelStartedWithItsLoop_Throws()
    {
        await using var h = await KernelHarness.StartAsync();

        Assert.Throws<InvalidOperationException>(() => h.Kernel.Step(new Bar("AAPL", h.Time.GetUtcNow(), 1m, 1m, 1m, 1m, 0m, TimeSpan.FromMinutes(1))));
    }
}
