using Bulwark.Core.Journal;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

public sealed class BotKernelStrategyNoteTests
{
    [Fact]
    public async Task HmmRegime_FallingBackForLackOfData_JournalsWhy()
    {
        var options = KernelHarness.DefaultOptions();
        var time = new ManualTimeProvider(KernelHarness.DefaultStart);
        var journal = new InMemoryEventJournal();
        var strategy = StrategyCatalog.Build("hmm-regime", "regime", ["AAPL"], new Dictionary<string, string>()).Strategy!;
        var kernel = new BotKernel(options, journal, journal, new FakeVenue(time), time, [strategy]);
        await kernel.StartAsync(CancellationToken.None);
        await kernel.SendAsync(new MarketBar(new Bar("AAPL", time.GetUtcNow(), 100m, 100m, 100m, 100m, 1m, TimeSpan.FromMinutes(1))));
        await kernel.FlushAsync();
        await kernel.StopAsync();

        var note = Assert.Single(journal.Events.Select(e => e.Event).OfType<AlertRaised>(), a => a.Code == "StrategyFallback");
        Assert.Equal(AlertSeverity.Info, note.Severity);
        Assert.Contains("regime", note.Message);
        Assert.Contains("252", note.Message);
    }
}
