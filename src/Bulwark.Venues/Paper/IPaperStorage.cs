using Bulwark.Core.Model;
using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>Where the paper account lives and how one operation on it is made exclusive and atomic.</summary>
internal interface IPaperStorage : IAsyncDisposable
{
    /// <summary>
    /// Runs <paramref name="work"/> as one exclusive unit and then, still exclusive (so the sink hears events in
    /// commit order across all callers), pushes the events it collected to the sink <paramref name="sink"/> returns.
    /// </summary>
    ValueTask<T> RunAsync<TState, T>(bool write, TState state, Func<IPaperStore, PaperEvents, TState, T> work,
        Func<IVenueEventSink?> sink, CancellationToken cancellationToken);

    /// <summary>
    /// The bar fast path: when <paramref name="symbol"/> has no open order and no margined position to settle, a bar
    /// can change nothing but the symbol's last price, so that is recorded, exclusively, and true returned. False when
    /// the bar needs the full unit of work (or the storage does not take the shortcut); nothing is changed then.
    /// </summary>
    bool TryRecordQuietBar(string symbol, Instrument instrument, decimal close, DateTimeOffset closeTime);
}
