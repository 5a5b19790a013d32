using Bulwark.Core.Journal;
using Bulwark.Core.Kernel;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

/// <summary><see cref="BotKernelOptions.TakeSnapshots"/>: a live bot snapshots after recovery and at stop; a backtest's kernel never.</summary>
public sealed class BotKernelSnapshotOptionTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StartAndStop_SaveASnapshot_OnlyWhenSnapshotsAreTaken(bool takeSnapshots)
    {
        var time = new ManualTimeProvider(KernelHarness.DefaultStart);
        var journal = new InMemoryEventJournal();
        var kernel = new BotKernel(KernelHarness.DefaultOptions() with { TakeSnapshots = takeSnapshots }, journal, journal, new FakeVenue(time), time, []);

        await kernel.StartAsync(CancellationToken.None);
        await kernel.StopAsync();
        await kernel.DisposeAsync();

        var saved = await journal.LoadLatestAsync(CancellationToken.None);
        if (takeSnapshots) Assert.Equal(journal.LastSequence, saved?.Sequence);
        else Assert.Null(saved);
        Assert.True(journal.LastSequence > 0); // the events were journaled either way
    }
}
