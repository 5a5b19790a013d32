using Bulwark.Core.Model;

namespace Bulwark.Core.MarketData;

/// <summary>A source of bars in time order (for several symbols, interleaved by time).</summary>
public interface IBarFeed
{
    IAsyncEnumerable<Bar> ReadAsync(CancellationToken cancellationToken);
}
