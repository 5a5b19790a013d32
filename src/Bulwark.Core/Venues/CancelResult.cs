namespace Bulwark.Core.Venues;

public sealed record CancelResult(bool Accepted, VenueRejectCode RejectCode = VenueRejectCode.None, string? Message = null);
