namespace Bulwark.Core.Venues;

/// <summary>A status change the venue pushes (accepted, canceled, expired, rejected, cancel rejected).</summary>
public sealed record VenueOrderUpdate(
    string ClientOrderId,
    string? VenueOrderId,
    VenueOrderUpdateKind Kind,
    DateTimeOffset Time,
    VenueRejectCode RejectCode = VenueRejectCode.None,
    string? Message = null);
