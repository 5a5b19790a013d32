using Bulwark.Core.Orders;

namespace Bulwark.Core.Execution;

/// <summary>
/// What an order's fills cost against the price it was decided at (the implementation shortfall): for a market order the
/// last price when its signal was handled (on bars, the signal bar's close), for a stop its level. Money, adverse
/// positive: the market's move before the fill (a next-open fill's gap from the close, an open through a stop) plus the
/// venue's slippage and impact. Unlike the venue's slippage it needs nothing but the fill's price, so a broker's fills
/// measure it as well as the paper venue's. A limit order fills at its price or better, so it has none.
/// </summary>
public static class DecisionShortfall
{
    /// <summary>Whether an order of this type is measured: market and stop orders.</summary>
    public static bool Applies(OrderType type) => type is OrderType.Market or OrderType.Stop;

    /// <summary>The fill's shortfall; 0 without a decision price (a reducing order sent before any price was known).</summary>
    public static decimal Of(OrderSide side, decimal decisionPrice, decimal fillPrice, decimal quantity, decimal multiplier) =>
        decisionPrice <= 0m ? 0m
            : (side == OrderSide.Buy ? fillPrice - decisionPrice : decisionPrice - fillPrice) * quantity * multiplier;
}
