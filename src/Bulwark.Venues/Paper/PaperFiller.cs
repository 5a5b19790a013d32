using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Venues;
using Microsoft.Data.Sqlite;

namespace Bulwark.Venues.Paper;

/// <summary>
/// Records one fill of an order inside a transaction: commission, cash and position (by <see cref="PaperBooks"/>), the
/// order's filled quantity, the fill record and its event. Used by bar matching and by fills at the last price.
/// </summary>
internal sealed class PaperFiller(PaperVenueOptions options)
{
    public async Task FillAsync(SqliteTransaction tx, PaperOrder order, decimal quantity, decimal price,
        Instrument instrument, DateTimeOffset now, PaperEvents events, CancellationToken ct)
    {
        var tradeId = PaperIds.Trade(await PaperLedgerStore.NextAsync(tx, PaperIds.TradeSequence, ct).ConfigureAwait(false));
        var commission = options.CommissionFor(quantity, instrument.Notional(quantity, price));
        var signed = order.Side == OrderSide.Buy ? quantity : -quantity;

        var cash = await PaperLedgerStore.CashAsync(tx, ct).ConfigureAwait(false);
        var position = await PaperLedgerStore.PositionAsync(tx, order.Symbol, ct).ConfigureAwait(false);
        (cash, position) = PaperBooks.Fill(cash, position, signed, price, commission, instrument);
        await PaperLedgerStore.SetCashAsync(tx, cash, ct).ConfigureAwait(false);
        await PaperLedgerStore.SavePositionAsync(tx, order.Symbol, position, ct).ConfigureAwait(false);

        order.ApplyFill(quantity, price, now);
        var fill = new VenueFill(tradeId, order.ClientOrderId, order.VenueOrderId, order.Symbol, order.Side, quantity,
            price, commission, now);
        await PaperLedgerStore.InsertFillAsync(tx, fill, ct).ConfigureAwait(false);
        events.Fill(fill);
    }

    /// <summary>Marks a margined position of <paramref name="instrument"/> to <paramref name="close"/>; nothing for others.</summary>
    public static async Task SettleAtCloseAsync(SqliteTransaction tx, Instrument instrument, decimal close,
        CancellationToken ct)
    {
        if (instrument.InitialMargin == 0m) return;
        var position = await PaperLedgerStore.PositionAsync(tx, instrument.Symbol, ct).ConfigureAwait(false);
        if (position.Quantity == 0m) return;
        var cash = await PaperLedgerStore.CashAsync(tx, ct).ConfigureAwait(false);
        (cash, position) = PaperBooks.SettleAtClose(cash, position, close, instrument);
        await PaperLedgerStore.SetCashAsync(tx, cash, ct).ConfigureAwait(false);
        await PaperLedgerStore.SavePositionAsync(tx, instrument.Symbol, position, ct).ConfigureAwait(false);
    }
}
