using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>
/// Runs one bar through the resting orders of its symbol inside one unit of work of the store: first the interest on
/// cash held into a new day (at the day's first bar of any symbol), the financing of a position held into it and its
/// dividends, then fills (cash, position, order, fill record), stop triggers and IOC/FOK cancels, then settles a margined position at the bar's close and records the close as the symbol's last price. Of a
/// one-cancels-other group only the order the bar reached first fills (<see cref="PaperOcoPrecedence"/>), and its fill
/// cancels the others; orders without a group cost no extra work.
/// </summary>
internal sealed class PaperBarMatching(PaperVenueOptions options, IReadOnlyDictionary<string, Instrument> instruments,
    TimeProvider time)
{
    private readonly PaperMatcher _matcher = new(options);
    private readonly PaperFiller _filler = new(options);
    private readonly bool _chargesFinancing = options.ChargesFinancing; // asked once: it looks through the symbols' rates
    private readonly bool _paysInterest = options.CashInterest.PaysAny;
    private readonly bool _paysDividends = options.Dividends.Count > 0;

    public bool Run(IPaperStore store, Bar bar, Instrument instrument, PaperEvents events)
    {
        var now = time.GetUtcNow();
        if (_paysInterest) PaperCashInterest.Pay(store, bar, instruments, options, now, events);
        if (_chargesFinancing) PaperFinancing.Charge(store, bar, instrument, options, now, events);
        if (_paysDividends) PaperDividends.Pay(store, bar, instrument, options, now, events);
        var orders = store.OpenForSymbol(bar.Symbol);
        for (var i = 0; i < orders.Count; i++) // not foreach: no boxed enumerator on the per-bar path
        {
            var order = orders[i];
            if (!order.IsOpen) continue; // closed earlier in this walk: a one-cancels-other sibling filled
            var match = _matcher.Match(order, bar, instrument);
            // Left to a sibling the bar reached first, whose fill cancels it: no fill, and no stop trigger either.
            if (match.FillQuantity > 0m && order.OcoGroup is not null
                && PaperOcoPrecedence.YieldsToSibling(orders, i, bar, instrument, _matcher))
                continue;
            var changed = match.StopTriggered != order.StopTriggered;
            order.StopTriggered = match.StopTriggered;

            if (match.FillQuantity > 0m)
            {
                _filler.Fill(store, order, match.FillQuantity, match.FillPrice, instrument, now, events, orders, match.ReferencePrice);
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
            store.Update(order);
        }

        PaperFiller.SettleAtClose(store, instrument, bar.Close);
        store.SetLastPrice(bar.Symbol, bar.Close, bar.CloseTime);
        return true;
    }
}
