namespace Bulwark.Core.Positions;

/// <summary>
/// The one place for how a fill and a close move cash, shared by the paper venue and the kernel so both keep the same
/// books. Ordinary instruments (initial margin 0) pay or receive the fill's notional. Margined (futures-like)
/// instruments never pay notional: a fill first settles the quantity already held to the fill price, then posts or
/// releases <c>margin × change in |contracts|</c>; every close settles the open quantity from its settlement price to
/// the close, so open PnL lives in cash and value = cash + margin × |contracts|. Commission is paid from cash in both.
/// Pure: numbers in, numbers out.
/// </summary>
public static class MarginAccounting
{
    /// <summary>The change in cash of one fill of <paramref name="signedQuantity"/> (buy positive) at <paramref name="price"/>.</summary>
    /// <param name="heldQuantity">Signed quantity held before the fill.</param>
    /// <param name="settlementPrice">The price the held quantity was last settled at (unused for ordinary instruments).</param>
    public static decimal CashChangeOnFill(decimal heldQuantity, decimal settlementPrice, decimal signedQuantity,
        decimal price, decimal multiplier, decimal initialMargin, decimal commission)
    {
        if (initialMargin == 0m) return -(signedQuantity * price * multiplier) - commission;
        var marginChange = initialMargin * (Math.Abs(heldQuantity + signedQuantity) - Math.Abs(heldQuantity));
        return Variation(heldQuantity, settlementPrice, price, multiplier) - marginChange - commission;
    }

    /// <summary>The settlement price after a fill: the fill price, or 0 when the fill left the position flat.</summary>
    public static decimal SettlementPriceAfterFill(decimal quantityAfter, decimal price) => quantityAfter == 0m ? 0m : price;

    /// <summary>Variation margin of marking <paramref name="quantity"/> from <paramref name="settlementPrice"/> to <paramref name="mark"/>.</summary>
    public static decimal Variation(decimal quantity, decimal settlementPrice, decimal mark, decimal multiplier) =>
        quantity == 0m ? 0m : (mark - settlementPrice) * quantity * multiplier;

    /// <summary>
    /// What a position adds to the account's value at <paramref name="mark"/>: its market value when ordinary; the
    /// margin it holds plus any variation not yet settled when margined.
    /// </summary>
    public static decimal PositionValue(decimal quantity, decimal settlementPrice, decimal mark, decimal multiplier,
        decimal initialMargin) =>
        initialMargin == 0m
            ? mark * quantity * multiplier
            : (initialMargin * Math.Abs(quantity)) + Variation(quantity, settlementPrice, mark, multiplier);

    /// <summary>Cash a margined order needs: margin for the contracts it adds to |position| (none when it reduces).</summary>
    public static decimal MarginRequired(decimal heldQuantity, decimal signedQuantity, decimal initialMargin) =>
        initialMargin * Math.Max(0m, Math.Abs(heldQuantity + signedQuantity) - Math.Abs(heldQuantity));
}
