namespace Bulwark.Core.Orders;

public enum OrderSide
{
    Buy,
    Sell,
}
