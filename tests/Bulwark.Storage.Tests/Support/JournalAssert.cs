using Bulwark.Core.Journal;

namespace Bulwark.Storage.Tests.Support;

internal static class JournalAssert
{
    /// <summary>Same sequences and byte-identical encodings (records holding lists have no deep equality).</summary>
    public static void SameEvents(IReadOnlyList<JournaledEvent> expected, IReadOnlyList<JournaledEvent> actual)
    {
        Assert.Equal(expected.Select(e => e.Sequence), actual.Select(e => e.Sequence));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Event.GetType(), actual[i].Event.GetType());
            Assert.Equal(EventCodec.Encode(expected[i].Event), EventCodec.Encode(actual[i].Event));
        }
    }

    public static async Task<List<JournaledEvent>> ReadAllAsync(IEventJournal journal, long afterSequence = 0)
    {
        var events = new List<JournaledEvent>();
        await foreach (var e in journal.ReadAsync(afterSequence, CancellationToken.None)) events.Add(e);
        return events;
    }
}
