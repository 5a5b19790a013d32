namespace Bulwark.Core.Orders;

public static class OrderStatusExtensions
{
    public static bool IsTerminal(this OrderStatus status) => status is OrderStatus.Denied or OrderStatus.Filled
        or OrderStatus.Canceled or OrderStatus.Rejected or OrderStatus.Expired;

    /// <summary>True while the venue may still fill the order (or might have it without telling us yet).</summary>
    public static bool IsOpen(this OrderStatus status) => status is OrderStatus.Submitted or OrderStatus.Accepted
        or OrderStatus.PartiallyFilled or OrderStatus.PendingCancel;
}
