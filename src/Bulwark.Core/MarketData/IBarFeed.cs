using Bulwark.Core.Model;

namespace Bulwark.Core.MarketData;

/// <summary>A source of bars in time order (for several symbols, interleaved by time).</summary>
public interface IBarFeed
{
    IAsyncEnumerable<Bar> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// True for a feed that yields the same history again at every start (a file replayed): a restarted bot must not
    /// trade what it already traded. False (the default) for a feed of new bars: live data, or a synthetic market that
    /// is a new market at every start even where its times overlap the last run's.
    /// </summary>
    bool ReplaysHistory => false;

    /// <summary>
    /// The bars in order, those <paramref name="isHistory"/> names (bars a restarted bot already traded, which a replayed
    /// feed yields again) at once, unpaced, so a resuming bot warms up on them without waiting them out. A feed of new
    /// bars only (live, synthetic) has no such bars: the default is <see cref="ReadAsync(CancellationToken)"/>.
    /// </summary>
    IAsyncEnumerable<Bar> ReadAsync(Func<Bar, bool> isHistory, CancellationToken cancellationToken) => ReadAsync(cancellationToken);
}
