using Bulwark.Core.Journal;
using Bulwark.Core.Kernel.Events;
using Bulwark.Storage.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Storage.Tests;

public sealed class JournalRoundTripProperties : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AnyEventsAppendedInAnyBatching_ReadBackByteIdentical()
    {
        var path = _dir.JournalPath();
        var time = new ManualTimeProvider();
        var all = new List<JournaledEvent>();
        await using (var journal = await SqliteJournal.OpenAsync(path, time, CancellationToken.None))
        {
            // Each case appends to the same journal after what earlier cases wrote, then reads its part back.
            var cases = from events in Gen.ListOf(EventGenerators.Event)
                        from batchSize in Gen.Choose(1, 50)
                        select (Events: events.ToList(), BatchSize: batchSize);
            Prop.ForAll(Arb.From(cases), c =>
            {
                var roundTripped = RoundTripsAsync(journal, c.Events, c.BatchSize, all).GetAwaiter().GetResult();
                return roundTripped.ToProperty().Label($"{c.Events.Count} events in batches of {c.BatchSize}");
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(50));
        }

        // And the whole file, read from the start by a fresh reader, is every case's events in order.
        await using var reader = await SqliteJournal.OpenReadOnlyAsync(path, time, CancellationToken.None);
        JournalAssert.SameEvents(all, await JournalAssert.ReadAllAsync(reader));
    }

    private static async Task<bool> RoundTripsAsync(SqliteJournal journal, List<BotEvent> events, int batchSize,
        List<JournaledEvent> all)
    {
        var before = journal.LastSequence;
        var journaled = events.Select((e, i) => new JournaledEvent(before + i + 1, e)).ToList();
        foreach (var batch in journaled.Chunk(batchSize)) await journal.AppendAsync(batch, CancellationToken.None);
        all.AddRange(journaled);

        var read = await JournalAssert.ReadAllAsync(journal, afterSequence: before);
        return journal.LastSequence == before + journaled.Count
            && read.Select(e => e.Sequence).SequenceEqual(journaled.Select(e => e.Sequence))
            && read.Zip(journaled).All(p => EventCodec.Encode(p.First.Event).AsSpan().SequenceEqual(EventCodec.Encode(p.Second.Event)));
    }
}
