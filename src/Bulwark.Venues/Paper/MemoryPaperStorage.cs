using Bulwark.Core.Model;
using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>
/// The paper account in memory (<see cref="MemoryPaperStore"/>): every operation runs synchronously, and one
/// events buffer is reused, so an operation that causes no event allocates nothing. Shared, each operation holds a
/// lock (never awaited); with <c>singleCaller</c> (a backtest, whose driver makes every call on its own thread, one
/// at a time) there is no lock, and calls from several threads at once are not supported. Either way a call made
/// while another runs on the same thread (a sink calling back) is refused instead of interleaving with it.
/// </summary>
internal sealed class MemoryPaperStorage(decimal initialCash, bool retainHistory = true, bool singleCaller = false,
    bool chargesFinancing = false, bool paysCashInterest = false, IReadOnlyDictionary<string, IReadOnlyList<Dividend>>? dividends = null)
    : IPaperStorage
{
    private readonly MemoryPaperStore _store = new(initialCash, retainHistory, chargesFinancing, paysCashInterest, dividends);
    private readonly PaperEvents _events = new();
    private readonly Lock? _gate = singleCaller ? null : new();
    private bool _busy;
    private bool _disposed;

    public ValueTask<T> RunAsync<TState, T>(bool write, TState state,
        Func<IPaperStore, PaperEvents, TState, T> work, Func<IVenueEventSink?> sink,
        CancellationToken cancellationToken)
    {
        if (_gate is null) return new(Run(state, work, sink));
        lock (_gate) return new(Run(state, work, sink));
    }

    public bool TryRecordQuietBar(string symbol, Instrument instrument, decimal close, DateTimeOffset closeTime)
    {
        if (_gate is null) return RecordQuietBar(symbol, instrument, close, closeTime);
        lock (_gate) return RecordQuietBar(symbol, instrument, close, closeTime);
    }

    public ValueTask DisposeAsync()
    {
        if (_gate is null) _disposed = true;
        else lock (_gate) _disposed = true;
        return ValueTask.CompletedTask;
    }

    private T Run<TState, T>(TState state, Func<IPaperStore, PaperEvents, TState, T> work, Func<IVenueEventSink?> sink)
    {
        Enter();
        try
        {
            var result = work(_store, _events, state);
            _events.PushTo(sink());
            return result;
        }
        finally
        {
            _events.Clear();
            _busy = false;
        }
    }

    private bool RecordQuietBar(string symbol, Instrument instrument, decimal close, DateTimeOffset closeTime)
    {
        Enter();
        try
        {
            return _store.TryRecordQuietBar(symbol, instrument, close, closeTime);
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>
    /// Marks an operation as running. A call back from the sink while an operation runs (the lock is reentrant, and a
    /// single caller has none) would see a half-applied unit and share its events buffer, so that is refused. Without
    /// the lock this flag is no guard against a second thread: a single caller must not have one.
    /// </summary>
    private void Enter()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_busy)
            throw new InvalidOperationException(
                "A paper venue operation started while another was still running; an in-memory venue takes one call at a time.");
        _busy = true;
    }
}
