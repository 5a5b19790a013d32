using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Venues;
using Microsoft.Data.Sqlite;

namespace Bulwark.Venues.Paper;

/// <summary>
/// Runs one bar through the resting orders of its symbol inside a transaction: fills (cash, position, order, fill
/// record), stop triggers and IOC/FOK cancels, then settles a margined position at the bar's close and records the
/// close as the symbol's last price.
/// </summary>
internal sealed class PaperBarMatching(PaperVenueOptions options, TimeProvider time)
{
    private readonly PaperMatcher _matcher = new(options);
    private readonly PaperFiller _filler = new(options);

    public async Task RunAsync(SqliteTransaction tx, Bar bar, Instrument instrument, PaperEvents events,
        CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var orders = await PaperOrderStore.OpenForSymbolAsync(tx, bar.Symbol, ct).ConfigureAwait(false);
        foreach (var order in orders)
        {
            var match = _matcher.Match(order, bar, instrument);
            var changed = match.StopTriggered != order.StopTriggered;
            order.StopTriggered = match.StopTriggered;

            if (match.FillQuantity > 0m)
            {
                await _filler.FillAsync(tx, order, match.FillQuantity, match.FillPrice, instrument, now, events, ct)
                    .ConfigureAwait(false);
                changed = true;
            }

            if (match.CancelRest && order.IsOpen)
            {
                order.Status = OrderStatus.Canceled;
                changed = true;
                var reason = order.TimeInForce == TimeInForce.Fok
                    ? "Fill-or-kill order could not fill whole on the next bar."
                    : "Immediate-or-cancel remainder canceled after the next bar.";
                events.Update(new VenueOrderUpdate(order.ClientOrderId, order.VenueOrderId, VenueOrderUpdateKind.Canceled,
                    now, Message: reason));
            }

            if (!changed) continue;
            order.UpdatedAt = now;
            await PaperOrderStore.UpdateAsync(tx, order, ct).ConfigureAwait(false);
        }

        await PaperFiller.SettleAtCloseAsync(tx, instrument, bar.Close, ct).ConfigureAwait(false);
        await PaperLedgerStore.SetLastPriceAsync(tx, bar.Symbol, bar.Close, bar.CloseTime, ct).ConfigureAwait(false);
    }
}
