using Bulwark.Core.Journal;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;
using Xunit.Abstractions;

namespace Bulwark.Backtest.Tests;

/// <summary>What the grid does about a fill (record it, clear the level, place the other half) follows from that fill in the journal.</summary>
public sealed class GridCausationTests(ITestOutputHelper output)
{
    private static readonly Instrument Sample = SampleBars.Instrument;

    [Fact]
    public async Task GridReactions_NameTheFillTheyFollowFrom()
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;
        var journal = new InMemoryEventJournal();

        await BacktestEngine.RunAsync(bars, [new GridStrategy("grid", [Sample.Symbol], new GridOptions { LevelsPerSide = 3, SpacingPercent = 1m })],
            SampleBars.Options() with { Journal = journal }, CancellationToken.None);

        var bySequence = journal.Events.ToDictionary(e => e.Sequence, e => e.Event);
        var recorded = journal.Events.Select(e => e.Event).OfType<GridFillRecorded>().ToList();
        Assert.Equal(37, recorded.Count);
        Assert.All(recorded, r => Assert.Equal(r.ClientOrderId, Assert.IsType<OrderFilled>(bySequence[r.CausedBy]).ClientOrderId));
        // Each replacement: its placement request follows from a fill, and its order from the request.
        var replacements = journal.Events.Where(e => e.Event is OrderPlacementRequested { CausedBy: > 0 }).ToList();
        Assert.NotEmpty(replacements);
        Assert.All(replacements, r => Assert.IsType<OrderFilled>(bySequence[r.Event.CausedBy]));
        Assert.All(journal.Events.Where(e => e.Event is OrderInitialized), o => Assert.IsType<OrderPlacementRequested>(bySequence[o.Event.CausedBy]));
    }
}
