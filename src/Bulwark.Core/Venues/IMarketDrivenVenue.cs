using Bulwark.Core.Model;

namespace Bulwark.Core.Venues;

/// <summary>A simulated venue that matches resting orders against market data the engine feeds it.</summary>
public interface IMarketDrivenVenue
{
    /// <summary>Matches open orders against <paramref name="bar"/> and pushes any fills before returning.</summary>
    Task OnBarAsync(Bar bar, CancellationToken cancellationToken);

    /// <summary>
    /// When the last bar the venue matched on closed, by symbol, as it keeps it across restarts: a market does not go
    /// back in time, so a restarted bot whose feed replays history resumes after these (see the host's pump).
    /// </summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> GetLastBarTimesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, DateTimeOffset>>(new Dictionary<string, DateTimeOffset>());
}
