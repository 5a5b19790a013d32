using Bulwark.Core.Model;

namespace Bulwark.Core.Venues;

/// <summary>A simulated venue that matches resting orders against market data the engine feeds it.</summary>
public interface IMarketDrivenVenue
{
    /// <summary>Matches open orders against <paramref name="bar"/> and pushes any fills before returning.</summary>
    Task OnBarAsync(Bar bar, CancellationToken cancellationToken);
}
