using Bulwark.Core.Model;
using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>
/// The paper account in memory (<see cref="MemoryPaperStore"/>) behind a lock that is never awaited: every operation
/// completes synchronously, and one events buffer is reused, so an operation that causes no event allocates nothing.
/// </summary>
internal sealed class MemoryPaperStorage(decimal initialCash, bool retainHistory = true) : IPaperStorage
{
    private readonly MemoryPaperStore _store = new(initialCash, retainHistory);
    private readonly PaperEvents _events = new();
    private readonly Lock _gate = new();
    private bool _disposed;

    public ValueTask<T> RunAsync<TState, T>(bool write, TState state,
        Func<IPaperStore, PaperEvents, TState, ValueTask<T>> work, Func<IVenueEventSink?> sink,
        CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                var pending = work(_store, _events, state);
                if (!pending.IsCompleted)
                    throw new InvalidOperationException("An in-memory paper venue operation did not complete synchronously.");
                var result = pending.GetAwaiter().GetResult();
                _events.PushTo(sink());
                return new ValueTask<T>(result);
            }
            finally
            {
                _events.Clear();
            }
        }
    }

    public bool TryRecordQuietBar(string symbol, Instrument instrument, decimal close, DateTimeOffset closeTime)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _store.TryRecordQuietBar(symbol, instrument, close);
        }
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate) _disposed = true;
        return ValueTask.CompletedTask;
    }
}
