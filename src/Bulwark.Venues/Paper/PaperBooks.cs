using Bulwark.Core.Model;
using Bulwark.Core.Positions;

namespace Bulwark.Venues.Paper;

/// <summary>
/// The paper account's books: a fill or a bar's close applied to cash and one position, by the same
/// <see cref="MarginAccounting"/> the kernel uses. Pure; the callers read and write storage around it.
/// </summary>
internal static class PaperBooks
{
    /// <summary>Cash and position after a fill of <paramref name="signedQuantity"/> (buy positive) at <paramref name="price"/>.</summary>
    public static (decimal Cash, PaperPosition Position) Fill(decimal cash, PaperPosition position, decimal signedQuantity,
        decimal price, decimal commission, Instrument instrument)
    {
        cash += MarginAccounting.CashChangeOnFill(position.Quantity, position.SettlementPrice, signedQuantity, price,
            instrument.Multiplier, instrument.InitialMargin, commission);
        var after = position.Apply(signedQuantity, price, instrument.Multiplier);
        if (instrument.InitialMargin > 0m)
            after = after with { SettlementPrice = MarginAccounting.SettlementPriceAfterFill(after.Quantity, price) };
        return (cash, after);
    }

    /// <summary>Cash and position after marking a margined position to <paramref name="close"/>; others are unchanged.</summary>
    public static (decimal Cash, PaperPosition Position) SettleAtClose(decimal cash, PaperPosition position, decimal close,
        Instrument instrument)
    {
        if (instrument.InitialMargin == 0m || position.Quantity == 0m) return (cash, position);
        var variation = MarginAccounting.Variation(position.Quantity, position.SettlementPrice, close, instrument.Multiplier);
        return (cash + variation, position with { SettlementPrice = close });
    }
}
