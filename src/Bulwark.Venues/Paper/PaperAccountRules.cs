using System.Globalization;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Positions;
using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>
/// The checks of an order that need the account: a simple buying-power check for buys (estimated cost of this
/// order alone against cash; open orders reserve nothing; for a margined instrument, either side, its margin and
/// commission instead of its notional) and, when shorting is off, a sell no larger than the long
/// position not already promised to open sells.
/// </summary>
internal static class PaperAccountRules
{
    public static async ValueTask<PaperRejection?> CheckAsync(IPaperStore store, OrderRequest request, Instrument instrument,
        PaperVenueOptions options, CancellationToken ct)
    {
        if (instrument.InitialMargin > 0m)
        {
            var marginRejection = await CheckMarginAsync(store, request, instrument, options, ct).ConfigureAwait(false);
            if (marginRejection is not null || request.Side == OrderSide.Buy) return marginRejection;
        }
        else if (request.Side == OrderSide.Buy)
        {
            var last = await store.LastPriceAsync(request.Symbol, ct).ConfigureAwait(false);
            var price = EstimatedBuyPrice(request, last, options, instrument);
            if (price is null) return null; // no price seen yet: nothing to estimate with
            var notional = instrument.Notional(request.Quantity, price.Value);
            var cost = notional + options.CommissionFor(request.Quantity, notional);
            var cash = await store.CashAsync(ct).ConfigureAwait(false);
            return cost > cash
                ? new PaperRejection(VenueRejectCode.InsufficientFunds,
                    $"Estimated cost {Text(cost)} exceeds cash {Text(cash)}.")
                : null;
        }

        if (options.AllowShort) return null;
        var position = await store.PositionAsync(request.Symbol, ct).ConfigureAwait(false);
        var open = await store.OpenForSymbolAsync(request.Symbol, ct).ConfigureAwait(false);
        var available = position.Quantity - open.Where(o => o.Side == OrderSide.Sell).Sum(o => o.Remaining);
        return request.Quantity > available
            ? new PaperRejection(VenueRejectCode.Other,
                $"Short selling is off: selling {Text(request.Quantity)} exceeds the {Text(Math.Max(available, 0m))} held and not already on sale.")
            : null;
    }

    /// <summary>
    /// A margined order is not paid for in full: it needs the margin of the contracts it adds to |position| plus its
    /// commission. An order that only reduces or closes needs nothing, so a position can always be closed.
    /// </summary>
    private static async ValueTask<PaperRejection?> CheckMarginAsync(IPaperStore store, OrderRequest request,
        Instrument instrument, PaperVenueOptions options, CancellationToken ct)
    {
        var position = await store.PositionAsync(request.Symbol, ct).ConfigureAwait(false);
        var signed = request.Side == OrderSide.Buy ? request.Quantity : -request.Quantity;
        var margin = MarginAccounting.MarginRequired(position.Quantity, signed, instrument.InitialMargin);
        if (margin == 0m) return null;
        var last = await store.LastPriceAsync(request.Symbol, ct).ConfigureAwait(false);
        var price = request.LimitPrice ?? request.StopPrice ?? last ?? 0m;
        var cost = margin + options.CommissionFor(request.Quantity, instrument.Notional(request.Quantity, price));
        var cash = await store.CashAsync(ct).ConfigureAwait(false);
        return cost > cash
            ? new PaperRejection(VenueRejectCode.InsufficientFunds,
                $"Estimated margin and commission {Text(cost)} exceed cash {Text(cash)}.")
            : null;
    }

    private static decimal? EstimatedBuyPrice(OrderRequest request, decimal? last, PaperVenueOptions options,
        Instrument instrument) => request.Type switch
        {
            OrderType.Limit or OrderType.StopLimit => request.LimitPrice,
            OrderType.Stop => Slipped(Math.Max(request.StopPrice!.Value, last ?? 0m), options, instrument),
            _ => last is null ? null : Slipped(last.Value, options, instrument),
        };

    private static decimal Slipped(decimal price, PaperVenueOptions options, Instrument instrument) =>
        price + options.SlippageAt(price, instrument.TickSize);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
