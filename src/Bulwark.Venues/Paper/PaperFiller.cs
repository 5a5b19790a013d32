using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>
/// Records one fill of an order in one unit of work of the store: commission, cash and position (by
/// <see cref="PaperBooks"/>), the order's filled quantity, the fill record and its event, and for an order of a
/// one-cancels-other group the cancel of the group's other open orders. Used by bar matching and by fills at the last
/// price.
/// </summary>
internal sealed class PaperFiller(PaperVenueOptions options)
{
    /// <param name="open">
    /// The open orders of the order's symbol as the caller holds them (bar matching walks its own list, whose objects
    /// must see a one-cancels-other cancel), or null to read them from the store when the order has a group.
    /// </param>
    /// <param name="reference">The price matched before slippage and impact, which the fill's
    /// <see cref="VenueFill.Slippage"/> is measured from; null: <paramref name="price"/> (none).</param>
    public void Fill(IPaperStore store, PaperOrder order, decimal quantity, decimal price,
        Instrument instrument, DateTimeOffset now, PaperEvents events, IReadOnlyList<PaperOrder>? open = null, decimal? reference = null)
    {
        var tradeId = PaperIds.Trade(store.Next(PaperIds.TradeSequence));
        var commission = options.CommissionFor(quantity, instrument.Notional(quantity, price));
        var signed = order.Side == OrderSide.Buy ? quantity : -quantity;

        var cash = store.Cash();
        var position = store.Position(order.Symbol);
        (cash, position) = PaperBooks.Fill(cash, position, signed, price, commission, instrument);
        store.SetCash(cash);
        store.SavePosition(order.Symbol, position);

        order.ApplyFill(quantity, price, now);
        var slipped = (order.Side == OrderSide.Buy ? price - (reference ?? price) : (reference ?? price) - price) * quantity * instrument.Multiplier;
        var fill = new VenueFill(tradeId, order.ClientOrderId, order.VenueOrderId, order.Symbol, order.Side, quantity,
            price, commission, now) { Slippage = slipped };
        store.InsertFill(fill);
        events.Fill(fill);
        if (order.OcoGroup is not null)
            PaperOco.CancelOthers(store, order, open ?? store.OpenForSymbol(order.Symbol), now, events);
    }

    /// <summary>Marks a margined position of <paramref name="instrument"/> to <paramref name="close"/>; nothing for others.</summary>
    public static void SettleAtClose(IPaperStore store, Instrument instrument, decimal close)
    {
        if (instrument.InitialMargin == 0m) return;
        var position = store.Position(instrument.Symbol);
        if (position.Quantity == 0m) return;
        var cash = store.Cash();
        (cash, position) = PaperBooks.SettleAtClose(cash, position, close, instrument);
        store.SetCash(cash);
        store.SavePosition(instrument.Symbol, position);
    }
}
