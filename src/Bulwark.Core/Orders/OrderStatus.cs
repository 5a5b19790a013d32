namespace Bulwark.Core.Orders;

public enum OrderStatus
{
    /// <summary>Intent created and journaled; not yet handed to the router.</summary>
    Initialized,
    /// <summary>Refused inside the engine before it reached a venue.</summary>
    Denied,
    /// <summary>Handed to the venue, no acknowledgment yet (pending new).</summary>
    Submitted,
    Accepted,
    PartiallyFilled,
    Filled,
    PendingCancel,
    Canceled,
    Rejected,
    Expired,
}
