namespace Bulwark.Venues.Paper;

/// <summary>
/// A venue position: signed quantity, average entry price of the open quantity, the PnL realized so far and, for a
/// margined instrument, the price its open PnL was last settled into cash at (0 otherwise).
/// Pure value; <see cref="Apply"/> returns the position after one fill (settlement left to <see cref="PaperBooks"/>).
/// </summary>
internal readonly record struct PaperPosition(decimal Quantity, decimal AveragePrice, decimal RealizedPnl,
    decimal SettlementPrice = 0m)
{
    public static PaperPosition Flat => default;

    /// <summary>The position after a fill of <paramref name="signedQuantity"/> (buy positive) at <paramref name="price"/>.</summary>
    public PaperPosition Apply(decimal signedQuantity, decimal price, decimal multiplier)
    {
        if (signedQuantity == 0m) return this;
        var quantity = Quantity + signedQuantity;

        if (Quantity == 0m || Math.Sign(Quantity) == Math.Sign(signedQuantity))
        {
            var average = ((Math.Abs(Quantity) * AveragePrice) + (Math.Abs(signedQuantity) * price)) / Math.Abs(quantity);
            return new PaperPosition(quantity, average, RealizedPnl);
        }

        // Reducing, closing or flipping: the closed part realizes against the average entry price.
        var closed = Math.Min(Math.Abs(Quantity), Math.Abs(signedQuantity));
        var realized = RealizedPnl + (closed * (price - AveragePrice) * Math.Sign(Quantity) * multiplier);
        if (quantity == 0m) return new PaperPosition(0m, 0m, realized);
        var flipped = Math.Sign(quantity) != Math.Sign(Quantity);
        return new PaperPosition(quantity, flipped ? price : AveragePrice, realized);
    }
}
