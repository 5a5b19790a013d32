using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>
/// Runs one bar through the resting orders of its symbol inside one unit of work of the store: fills (cash, position, order, fill
/// record), stop triggers and IOC/FOK cancels, then records the bar's close as the symbol's last price.
/// </summary>
internal sealed class PaperBarMatching(PaperVenueOptions options, TimeProvider time)
{
    private readonly PaperMatcher _matcher = new(options);

    public async ValueTask<bool> RunAsync(IPaperStore store, Bar bar, Instrument instrument, PaperEvents events,
        CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var orders = await store.OpenForSymbolAsync(bar.Symbol, ct).ConfigureAwait(false);
        for (var i = 0; i < orders.Count; i++) // not foreach: no boxed enumerator on the per-bar path
        {
            var order = orders[i];
            var match = _matcher.Match(order, bar, instrument);
            var changed = match.StopTriggered != order.StopTriggered;
            order.StopTriggered = match.StopTriggered;

            if (match.FillQuantity > 0m)
            {
                await FillAsync(store, order, match.FillQuantity, match.FillPrice, instrument, now, events, ct)
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
            await store.UpdateAsync(order, ct).ConfigureAwait(false);
        }

        await store.SetLastPriceAsync(bar.Symbol, bar.Close, bar.CloseTime, ct).ConfigureAwait(false);
        return true;
    }

    private async ValueTask FillAsync(IPaperStore store, PaperOrder order, decimal quantity, decimal price,
        Instrument instrument, DateTimeOffset now, PaperEvents events, CancellationToken ct)
    {
        var tradeId = PaperIds.Trade(await store.NextAsync(PaperIds.TradeSequence, ct).ConfigureAwait(false));
        var notional = instrument.Notional(quantity, price);
        var commission = options.CommissionFor(quantity, notional);
        var buy = order.Side == OrderSide.Buy;

        var cash = await store.CashAsync(ct).ConfigureAwait(false);
        cash += (buy ? -notional : notional) - commission;
        await store.SetCashAsync(cash, ct).ConfigureAwait(false);

        var position = await store.PositionAsync(order.Symbol, ct).ConfigureAwait(false);
        position = position.Apply(buy ? quantity : -quantity, price, instrument.Multiplier);
        await store.SavePositionAsync(order.Symbol, position, ct).ConfigureAwait(false);

        order.ApplyFill(quantity, price, now);
        var fill = new VenueFill(tradeId, order.ClientOrderId, order.VenueOrderId, order.Symbol, order.Side, quantity,
            price, commission, now);
        await store.InsertFillAsync(fill, ct).ConfigureAwait(false);
        events.Fill(fill);
    }
}
