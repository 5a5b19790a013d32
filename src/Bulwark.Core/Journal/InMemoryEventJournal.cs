using System.Runtime.CompilerServices;

namespace Bulwark.Core.Journal;

/// <summary>A journal in memory, for tests and backtests. Same contract as the durable ones.</summary>
public sealed class InMemoryEventJournal : IEventJournal, ISnapshotStore
{
    private readonly List<JournaledEvent> _events = [];
    private KernelSnapshot? _snapshot;
    private readonly Lock _gate = new();

    public long LastSequence
    {
        get { lock (_gate) return _events.Count == 0 ? 0 : _events[^1].Sequence; }
    }

    public IReadOnlyList<JournaledEvent> Events
    {
        get { lock (_gate) return [.. _events]; }
    }

    public ValueTask AppendAsync(IReadOnlyList<JournaledEvent> batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var expected = (_events.Count == 0 ? 0 : _events[^1].Sequence) + 1;
            foreach (var e in batch)
            {
                if (e.Sequence != expected)
                    throw new InvalidOperationException($"Journal sequence gap: expected {expected}, got {e.Sequence}.");
                expected++;
            }
            _events.AddRange(batch);
        }
        return ValueTask.CompletedTask;
    }

    public async IAsyncEnumerable<JournaledEvent> ReadAsync(long afterSequence,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        JournaledEvent[] copy;
        lock (_gate) copy = [.. _events];
        foreach (var e in copy)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (e.Sequence > afterSequence) yield return e;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    public ValueTask SaveAsync(KernelSnapshot snapshot, CancellationToken cancellationToken)
    {
        lock (_gate) _snapshot = snapshot;
        return ValueTask.CompletedTask;
    }

    public ValueTask<KernelSnapshot?> LoadLatestAsync(CancellationToken cancellationToken)
    {
        lock (_gate) return ValueTask.FromResult(_snapshot);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
