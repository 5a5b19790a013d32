namespace Bulwark.Core.Orders;

public enum TimeInForce
{
    Day,
    Gtc,
    Ioc,
    Fok,
}
