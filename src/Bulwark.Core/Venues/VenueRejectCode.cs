namespace Bulwark.Core.Venues;

public enum VenueRejectCode
{
    None,
    DuplicateClientOrderId,
    InvalidQuantity,
    InvalidPrice,
    UnknownSymbol,
    InsufficientFunds,
    UnsupportedOrderType,
    OrderNotFound,
    OrderNotCancelable,
    Other,

    /// <summary>The order named a one-cancels-other group in which an order has already filled.</summary>
    OcoGroupFilled,
}
