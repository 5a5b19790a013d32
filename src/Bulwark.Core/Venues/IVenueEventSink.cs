namespace Bulwark.Core.Venues;

/// <summary>
/// Receives what a venue pushes. Implementations must be thread-safe and must not block, and must not call the venue
/// from inside a callback: a venue pushes while its operation still holds the account (the in-memory paper venue refuses
/// such a call; on a file it cannot start until the pushing operation ends, so a sink that waits for it deadlocks).
/// Queue the event and act on it later, as the kernel does.
/// </summary>
public interface IVenueEventSink
{
    void OnOrderUpdate(VenueOrderUpdate update);
    void OnFill(VenueFill fill);

    /// <summary>Cash the venue booked without an order (financing); applied once per <see cref="VenueCashActivity.Sequence"/>.</summary>
    void OnCashActivity(VenueCashActivity activity);
}
