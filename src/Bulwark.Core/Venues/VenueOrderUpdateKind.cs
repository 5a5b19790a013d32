namespace Bulwark.Core.Venues;

public enum VenueOrderUpdateKind
{
    Accepted,
    Rejected,
    Canceled,
    CancelRejected,
    Expired,
}
