using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>Where the paper account lives and how one operation on it is made exclusive and atomic.</summary>
internal interface IPaperStorage : IAsyncDisposable
{
    /// <summary>
    /// Runs <paramref name="work"/> as one exclusive unit and then, still exclusive (so the sink hears events in
    /// commit order across all callers), pushes the events it collected to the sink <paramref name="sink"/> returns.
    /// </summary>
    ValueTask<T> RunAsync<TState, T>(bool write, TState state, Func<IPaperStore, PaperEvents, TState, ValueTask<T>> work,
        Func<IVenueEventSink?> sink, CancellationToken cancellationToken);
}
