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
}
