namespace Bulwark.Core.Orders;

public enum OrderType
{
    Market,
    Limit,
    Stop,
    StopLimit,
}
