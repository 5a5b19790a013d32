namespace Bulwark.Core.Venues;

public sealed record SubmitResult(
    SubmitOutcome Outcome,
    string? VenueOrderId = null,
    VenueRejectCode RejectCode = VenueRejectCode.None,
    string? Message = null)
{
    public static SubmitResult Accepted(string venueOrderId) => new(SubmitOutcome.Accepted, venueOrderId);
    public static SubmitResult Rejected(VenueRejectCode code, string message) => new(SubmitOutcome.Rejected, null, code, message);
}
