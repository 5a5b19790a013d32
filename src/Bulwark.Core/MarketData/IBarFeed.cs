using Bulwark.Core.Model;

namespace Bulwark.Core.MarketData;

/// <summary>A source of bars in time order (for several symbols, interleaved by time).</summary>
public interface IBarFeed
{
    IAsyncEnumerable<Bar> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The bars in order, those <paramref name="isHistory"/> names (bars a restarted bot already traded, which a replayed
    /// feed yields again) at once, unpaced, so a resuming bot warms up on them without waiting them out. A feed of new
    /// bars only (live, synthetic) has no such bars: the default is <see cref="ReadAsync(CancellationToken)"/>.
    /// </summary>
    IAsyncEnumerable<Bar> ReadAsync(Func<Bar, bool> isHistory, CancellationToken cancellationToken) => ReadAsync(cancellationToken);
}
