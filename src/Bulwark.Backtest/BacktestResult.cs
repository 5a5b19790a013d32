namespace Bulwark.Backtest;

public sealed record BacktestResult(
    decimal StartingCash,
    decimal FinalValue,
    decimal Cash,
    int BarsProcessed,
    int BarsSkipped,
    IReadOnlyList<BacktestOrder> Orders,
    IReadOnlyList<EquityPoint> EquityCurve)
{
    public decimal TotalReturn => StartingCash == 0m ? 0m : (FinalValue - StartingCash) / StartingCash;
    public int Buys => Orders.Count(o => o.Side == Core.Orders.OrderSide.Buy && o.FilledAt is not null);
    public int Sells => Orders.Count(o => o.Side == Core.Orders.OrderSide.Sell && o.FilledAt is not null);
}
