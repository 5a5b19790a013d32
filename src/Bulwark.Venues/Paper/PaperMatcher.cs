using Bulwark.Core.Model;
using Bulwark.Core.Orders;

namespace Bulwark.Venues.Paper;

/// <summary>
/// Matches one resting order against the next bar. Pure: no state, no I/O.
/// <list type="bullet">
/// <item>Market: bar open plus adverse slippage (and market impact, <see cref="PaperVenueOptions.ImpactPercent"/>).</item>
/// <item>Limit buy: when low &lt;= limit (low &lt; limit with <see cref="PaperLimitFill.Through"/>), at min(open, limit);
/// sell mirrored. Never slipped: a limit is at or better.</item>
/// <item>Stop buy: when high &gt;= stop, at max(open, stop) plus adverse slippage; sell mirrored.</item>
/// <item>Stop-limit buy: the stop triggers at max(open, stop); that price fills if within the limit, else the bar
/// fills at the limit when it trades there (beyond it with <see cref="PaperLimitFill.Through"/>). Later bars treat it as
/// a plain limit. Sell mirrored.</item>
/// </list>
/// Prices are rounded to the tick. Quantity is capped by the volume participation, rounded down to lots.
/// </summary>
internal sealed class PaperMatcher(PaperVenueOptions options)
{
    public PaperMatch Match(PaperOrder order, Bar bar, Instrument instrument)
    {
        var triggered = order.StopTriggered;
        decimal? price;
        var slips = false; // market and stop fills slip; limits fill at their limit or better
        switch (order.Type)
        {
            case OrderType.Market:
                (price, slips) = (bar.Open, true);
                break;
            case OrderType.Limit:
                price = LimitFill(order.Side, order.LimitPrice!.Value, bar);
                break;
            case OrderType.Stop:
                slips = StopHit(order.Side, order.StopPrice!.Value, bar);
                price = slips ? StopEntry(order.Side, order.StopPrice!.Value, bar) : null;
                break;
            case OrderType.StopLimit when triggered:
                price = LimitFill(order.Side, order.LimitPrice!.Value, bar);
                break;
            case OrderType.StopLimit when StopHit(order.Side, order.StopPrice!.Value, bar):
                triggered = true;
                price = TriggerBarLimitFill(order.Side, order.StopPrice!.Value, order.LimitPrice!.Value, bar);
                break;
            default:
                price = null;
                break;
        }

        var quantity = price is null ? 0m : Math.Min(order.Remaining, Capacity(bar, instrument) ?? order.Remaining);
        var reference = price is null ? 0m : RoundToTick(price.Value, instrument.TickAt(price.Value));
        if (slips) price = Slipped(order.Side, price!.Value, instrument, options.ImpactAt(quantity, bar.Volume));
        var fillPrice = price is null ? 0m : RoundToTick(price.Value, instrument.TickAt(price.Value));

        return order.TimeInForce switch
        {
            TimeInForce.Fok when quantity < order.Remaining => new PaperMatch(triggered, 0m, 0m, CancelRest: true),
            TimeInForce.Ioc => new PaperMatch(triggered, quantity, fillPrice, CancelRest: quantity < order.Remaining) { ReferencePrice = reference },
            _ => new PaperMatch(triggered, quantity, fillPrice, CancelRest: false) { ReferencePrice = reference },
        };
    }

    /// <summary>The fill price of a market order against <paramref name="reference"/>: slipped, rounded to the tick.</summary>
    internal decimal MarketPrice(OrderSide side, decimal reference, Instrument instrument)
    {
        var slipped = Slipped(side, reference, instrument);
        return RoundToTick(slipped, instrument.TickAt(slipped));
    }

    /// <summary>The most one order may fill in <paramref name="bar"/>, or null for no cap.</summary>
    internal decimal? Capacity(Bar bar, Instrument instrument)
    {
        if (options.MaxVolumeParticipation >= 1m || bar.Volume <= 0m) return null;
        var raw = options.MaxVolumeParticipation * bar.Volume;
        return decimal.Truncate(raw / instrument.LotSize) * instrument.LotSize;
    }

    /// <summary>
    /// Whether <paramref name="bar"/>'s open had already reached the level at which <paramref name="order"/> fills, so
    /// that a fill in this bar came at its start: always for a market order; a limit whose open is at or beyond it (by
    /// the same touch or through rule as its fill); a stop whose open is at or beyond it; a stop-limit whose open
    /// triggers it within its limit (once triggered, as a limit). Sell mirrored.
    /// </summary>
    internal bool ReachedAtOpen(PaperOrder order, Bar bar) => order.Type switch
    {
        OrderType.Market => true,
        OrderType.Limit => Reaches(order.Side, order.LimitPrice!.Value, bar.Open),
        OrderType.Stop => StopHit(order.Side, order.StopPrice!.Value, bar.Open),
        OrderType.StopLimit when order.StopTriggered => Reaches(order.Side, order.LimitPrice!.Value, bar.Open),
        OrderType.StopLimit => StopHit(order.Side, order.StopPrice!.Value, bar.Open)
            && (order.Side == OrderSide.Buy ? bar.Open <= order.LimitPrice!.Value : bar.Open >= order.LimitPrice!.Value),
        _ => false,
    };

    private decimal? LimitFill(OrderSide side, decimal limit, Bar bar) => !Reaches(side, limit, bar) ? null
        : side == OrderSide.Buy ? Math.Min(bar.Open, limit) : Math.Max(bar.Open, limit);

    /// <summary>Whether the bar traded far enough to fill a limit order at <paramref name="limit"/>: to it, or through it.</summary>
    private bool Reaches(OrderSide side, decimal limit, Bar bar) =>
        Reaches(side, limit, side == OrderSide.Buy ? bar.Low : bar.High);

    /// <summary>Whether a trade at <paramref name="price"/> fills a limit order at <paramref name="limit"/>.</summary>
    private bool Reaches(OrderSide side, decimal limit, decimal price) => (side, options.LimitFill) switch
    {
        (OrderSide.Buy, PaperLimitFill.Through) => price < limit,
        (OrderSide.Buy, _) => price <= limit,
        (_, PaperLimitFill.Through) => price > limit,
        _ => price >= limit,
    };

    private static bool StopHit(OrderSide side, decimal stop, Bar bar) =>
        StopHit(side, stop, side == OrderSide.Buy ? bar.High : bar.Low);

    /// <summary>Whether a trade at <paramref name="price"/> touches a stop at <paramref name="stop"/>.</summary>
    private static bool StopHit(OrderSide side, decimal stop, decimal price) =>
        side == OrderSide.Buy ? price >= stop : price <= stop;

    private static decimal StopEntry(OrderSide side, decimal stop, Bar bar) =>
        side == OrderSide.Buy ? Math.Max(bar.Open, stop) : Math.Min(bar.Open, stop);

    private decimal? TriggerBarLimitFill(OrderSide side, decimal stop, decimal limit, Bar bar)
    {
        var entry = StopEntry(side, stop, bar);
        if (side == OrderSide.Buy)
            return entry <= limit ? entry : (Reaches(side, limit, bar) ? limit : null);
        return entry >= limit ? entry : (Reaches(side, limit, bar) ? limit : null);
    }

    /// <param name="impact">The market impact of the fill, as a fraction of the price (see <see cref="PaperVenueOptions.ImpactAt"/>).</param>
    private decimal Slipped(OrderSide side, decimal price, Instrument instrument, decimal impact = 0m)
    {
        var slip = options.SlippageAt(price, instrument.TickAt(price)) + (price * impact);
        if (side == OrderSide.Buy) return price + slip;
        // A sell cannot be slipped to a price of zero or below: the least is one tick.
        return Math.Max(price - slip, instrument.FinestTick);
    }

    private static decimal RoundToTick(decimal price, decimal tick) =>
        Math.Round(price / tick, MidpointRounding.AwayFromZero) * tick;
}
