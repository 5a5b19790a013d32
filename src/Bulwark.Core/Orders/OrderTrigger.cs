namespace Bulwark.Core.Orders;

/// <summary>What happened to an order. The state machine maps (status, trigger) to the next status.</summary>
public enum OrderTrigger
{
    Deny,
    Submit,
    Accept,
    Reject,
    /// <summary>A fill that leaves quantity open.</summary>
    PartialFill,
    /// <summary>A fill that completes the order.</summary>
    Fill,
    CancelRequest,
    CancelReject,
    Cancel,
    Expire,
}
