using Bulwark.Core.Model;

namespace Bulwark.Core.MarketData;

/// <summary>A source of bars in time order (for several symbols, interleaved by time).</summary>
public interface IBarFeed
{
    IAsyncEnumerable<Bar> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The bars <paramref name="include"/> keeps, in order. A paced replay paces only those, so a bot resuming a replay
    /// after a restart does not wait out the bars it skips.
    /// </summary>
    IAsyncEnumerable<Bar> ReadAsync(Func<Bar, bool> include, CancellationToken cancellationToken) =>
        BarReplay.WhereAsync(ReadAsync(cancellationToken), include, cancellationToken);
}
