using Bulwark.Core.Model;
using Bulwark.Core.Orders;

namespace Bulwark.Venues.Paper;

/// <summary>
/// With <see cref="PaperMarketFill.LastPrice"/>: fills a just-accepted market order whole at the symbol's last price plus
/// slippage, in the submit's unit of work. Anything else is left to bar matching.
/// </summary>
internal sealed class PaperLastPriceFill(PaperVenueOptions options)
{
    private readonly PaperMatcher _matcher = new(options);
    private readonly PaperFiller _filler = new(options);

    public void TryFill(IPaperStore store, PaperOrder order, Instrument instrument, DateTimeOffset now, PaperEvents events)
    {
        if (options.MarketFill != PaperMarketFill.LastPrice || order.Type != OrderType.Market || order.Status != OrderStatus.Accepted)
            return;
        if (store.LastPrice(order.Symbol) is not { } last) return;
        var price = _matcher.MarketPrice(order.Side, last, instrument);
        _filler.Fill(store, order, order.Remaining, price, instrument, now, events, reference: last);
        order.UpdatedAt = now;
        store.Update(order);
    }
}
