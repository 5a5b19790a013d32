namespace Bulwark.Core.Venues;

/// <summary>Receives what a venue pushes. Implementations must be thread-safe and must not block.</summary>
public interface IVenueEventSink
{
    void OnOrderUpdate(VenueOrderUpdate update);
    void OnFill(VenueFill fill);
}
