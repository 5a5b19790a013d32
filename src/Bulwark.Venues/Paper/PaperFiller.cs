using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>
/// Records one fill of an order in one unit of work of the store: commission, cash and position (by
/// <see cref="PaperBooks"/>), the order's filled quantity, the fill record and its event. Used by bar matching and by
/// fills at the last price.
/// </summary>
internal sealed class PaperFiller(PaperVenueOptions options)
{
    public async ValueTask FillAsync(IPaperStore store, PaperOrder order, decimal quantity, decimal price,
        Instrument instrument, DateTimeOffset now, PaperEvents events, CancellationToken ct)
    {
        var tradeId = PaperIds.Trade(await store.NextAsync(PaperIds.TradeSequence, ct).ConfigureAwait(false));
        var commission = options.CommissionFor(quantity, instrument.Notional(quantity, price));
        var signed = order.Side == OrderSide.Buy ? quantity : -quantity;

        var cash = await store.CashAsync(ct).ConfigureAwait(false);
        var position = await store.PositionAsync(order.Symbol, ct).ConfigureAwait(false);
        (cash, position) = PaperBooks.Fill(cash, position, signed, price, commission, instrument);
        await store.SetCashAsync(cash, ct).ConfigureAwait(false);
        await store.SavePositionAsync(order.Symbol, position, ct).ConfigureAwait(false);

        order.ApplyFill(quantity, price, now);
        var fill = new VenueFill(tradeId, order.ClientOrderId, order.VenueOrderId, order.Symbol, order.Side, quantity,
            price, commission, now);
        await store.InsertFillAsync(fill, ct).ConfigureAwait(false);
        events.Fill(fill);
    }

    /// <summary>Marks a margined position of <paramref name="instrument"/> to <paramref name="close"/>; nothing for others.</summary>
    public static async ValueTask SettleAtCloseAsync(IPaperStore store, Instrument instrument, decimal close,
        CancellationToken ct)
    {
        if (instrument.InitialMargin == 0m) return;
        var position = await store.PositionAsync(instrument.Symbol, ct).ConfigureAwait(false);
        if (position.Quantity == 0m) return;
        var cash = await store.CashAsync(ct).ConfigureAwait(false);
        (cash, position) = PaperBooks.SettleAtClose(cash, position, close, instrument);
        await store.SetCashAsync(cash, ct).ConfigureAwait(false);
        await store.SavePositionAsync(instrument.Symbol, position, ct).ConfigureAwait(false);
    }
}
