using System.Runtime.CompilerServices;

namespace Bulwark.Core.Journal;

/// <summary>
/// A journal in memory, for tests and backtests. Same contract as the durable ones. With
/// <c>retainEvents: false</c> it checks and counts appends but keeps nothing (a long backtest needs no history),
/// so <see cref="ReadAsync"/> then returns no events.
/// </summary>
public sealed class InMemoryEventJournal(bool retainEvents = true) : IEventJournal, ISnapshotStore
{
    private readonly List<JournaledEvent> _events = [];
    private KernelSnapshot? _snapshot;
    private readonly Lock _gate = new();
    private long _last;

    public long LastSequence
    {
        get { lock (_gate) return _last; }
    }

    public IReadOnlyList<JournaledEvent> Events
    {
        get { lock (_gate) return [.. _events]; }
    }

    public ValueTask AppendAsync(IReadOnlyList<JournaledEvent> batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var expected = _last + 1;
            for (var i = 0; i < batch.Count; i++) // not foreach: no boxed enumerator per append
            {
                var sequence = batch[i].Sequence;
                if (sequence != expected)
                    throw new InvalidOperationException($"Journal sequence gap: expected {expected}, got {sequence}.");
                expected++;
            }
            _last = expected - 1;
            if (retainEvents) _events.AddRange(batch);
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
