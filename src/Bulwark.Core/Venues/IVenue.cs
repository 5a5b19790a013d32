namespace Bulwark.Core.Venues;

/// <summary>
/// A place orders go. Every method is safe to call from any thread. Queries are by ClientOrderId, because
/// after a crash that is the only id the engine is sure to have.
/// </summary>
public interface IVenue
{
    string Name { get; }

    /// <summary>Where pushed order updates and fills go. Set once before the first submit.</summary>
    void Subscribe(IVenueEventSink sink);

    Task<SubmitResult> SubmitAsync(OrderRequest request, CancellationToken cancellationToken);
    Task<CancelResult> CancelAsync(string clientOrderId, CancellationToken cancellationToken);
    Task<VenueOrder?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken);
    Task<IReadOnlyList<VenueOrder>> GetOrdersAsync(bool openOnly, CancellationToken cancellationToken);
    Task<IReadOnlyList<VenueFill>> GetFillsAsync(CancellationToken cancellationToken);
    Task<IReadOnlyList<VenuePosition>> GetPositionsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The account's cash as the venue books it, for reconciliation; null when the venue cannot tell (the default).
    /// </summary>
    Task<decimal?> GetAccountCashAsync(CancellationToken cancellationToken) => Task.FromResult<decimal?>(null);

    /// <summary>
    /// The cash activities after <paramref name="afterSequence"/>, oldest first: what recovery applies when it missed
    /// their push. None by default (a venue that books none).
    /// </summary>
    Task<IReadOnlyList<VenueCashActivity>> GetCashActivitiesAsync(long afterSequence, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<VenueCashActivity>>([]);
}
