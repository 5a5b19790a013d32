using Bulwark.Core.Journal;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Core.Strategies;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>One signal source that throws is switched off; the others (other asset classes, other models) trade on.</summary>
public sealed class BotKernelStrategyIsolationTests
{
    [Fact]
    public async Task StrategyThatThrows_IsSwitchedOffAndJournaled_WhileTheOthersKeepTrading()
    {
        var time = new ManualTimeProvider(KernelHarness.DefaultStart);
        var journal = new InMemoryEventJournal();
        var broken = new ThrowingStrategy("crypto-model", "AAPL");
        var healthy = new AlwaysLongStrategy("equity-model", "MSFT");
        var kernel = new BotKernel(KernelHarness.DefaultOptions(), journal, journal, new FakeVenue(time), time, [broken, healthy]);
        await kernel.StartAsync(CancellationToken.None);

        await kernel.SendAsync(Bar("AAPL", time));
        await kernel.SendAsync(Bar("MSFT", time));
        await kernel.SendAsync(Bar("AAPL", time));
        await kernel.FlushAsync();

        var failed = Assert.Single(journal.Events.Select(e => e.Event).OfType<StrategyFailed>());
        Assert.Equal(("crypto-model", "AAPL"), (failed.Source, failed.Symbol));
        Assert.Contains("model diverged", failed.Error, StringComparison.Ordinal);
        Assert.Single(journal.Events.Select(e => e.Event).OfType<AlertRaised>(),
            a => a.Code == "StrategyFailed" && a.Severity == AlertSeverity.Critical && a.Message.Contains("crypto-model", StringComparison.Ordinal));
        Assert.Equal(1, broken.Calls); // not called again after it threw
        Assert.Contains(journal.Events.Select(e => e.Event).OfType<OrderInitialized>(), o => o.Source == "equity-model" && o.Symbol == "MSFT");
        Assert.Equal(TradingState.Active, kernel.State.TradingState);
        Assert.Contains("crypto-model", kernel.State.FailedStrategies);
        await kernel.StopAsync();
        await kernel.DisposeAsync();

        // Journaled: a restart keeps it off, until the operator resumes.
        var restarted = new BotKernel(KernelHarness.DefaultOptions(), journal, journal, new FakeVenue(time), time, [broken, healthy]);
        await restarted.StartAsync(CancellationToken.None);
        await restarted.SendAsync(Bar("AAPL", time));
        await restarted.FlushAsync();
        Assert.Equal(1, broken.Calls);

        await restarted.SendAsync(new SetTradingState(TradingState.Active, ""));
        await restarted.SendAsync(Bar("AAPL", time));
        await restarted.FlushAsync();
        Assert.Equal(2, broken.Calls);
        Assert.Equal(2, journal.Events.Select(e => e.Event).OfType<StrategyFailed>().Count());
        await restarted.StopAsync();
        await restarted.DisposeAsync();
    }

    [Fact]
    public async Task KernelFaultInsideAStrategyCall_StopsTheBot_InsteadOfBlamingTheStrategy()
    {
        var time = new ManualTimeProvider(KernelHarness.DefaultStart);
        var journal = new InMemoryEventJournal();
        var kernel = new BotKernel(KernelHarness.DefaultOptions(), journal, journal, new FakeVenue(time), time,
            [new ThrowingStrategy("any", "AAPL", new KernelFaultException(new InvalidOperationException("sequence reused")))]);
        await kernel.StartAsync(CancellationToken.None);

        await kernel.SendAsync(Bar("AAPL", time));

        await Assert.ThrowsAsync<KernelFaultException>(() => kernel.Completion.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Empty(journal.Events.Select(e => e.Event).OfType<StrategyFailed>());
        await kernel.DisposeAsync();
    }

    private static MarketBar Bar(string symbol, TimeProvider time) =>
        new(new Bar(symbol, time.GetUtcNow(), 100m, 100m, 100m, 100m, 1_000m, TimeSpan.FromMinutes(1)));

    private sealed class ThrowingStrategy(string source, string symbol, Exception? error = null) : IStrategy
    {
        public int Calls { get; private set; }
        public string Source => source;
        public bool Handles(string s) => s == symbol;

        public void OnBar(in Bar bar, IStrategyContext context)
        {
            Calls++;
            throw error ?? new ArithmeticException("model diverged");
        }
    }

    private sealed class AlwaysLongStrategy(string source, string symbol) : IStrategy
    {
        public string Source => source;
        public bool Handles(string s) => s == symbol;
        public void OnBar(in Bar bar, IStrategyContext context) => context.Signal(source, bar.Symbol, SignalDirection.Long);
    }
}
