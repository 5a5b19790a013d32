using System.Globalization;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Positions;
using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>
/// The checks of an order that need the account: a buying-power check for buys and, when shorting is off, a sell no
/// larger than the long position not already promised to open sells. Buying power is cash less what the open buy
/// orders of ordinary (not margined) instruments would still cost (their remaining quantity at their limit price, or
/// at the last price for market and stop orders, with commission), as a cash account at a broker reserves it: several
/// resting buys (a grid's levels) together can never promise more than the cash. A buy of an ordinary instrument needs
/// its estimated cost; an order of a margined instrument, either side, its margin and commission instead. The open
/// orders of a one-cancels-other group promise only their largest, and an order joining a group is weighed against
/// what the orders outside it promise (<see cref="PaperOco.MostToTrade"/>): a stop and a take-profit for the same
/// shares promise them once.
/// </summary>
internal static class PaperAccountRules
{
    public static PaperRejection? Check(IPaperStore store, OrderRequest request, Instrument instrument,
        IReadOnlyDictionary<string, Instrument> instruments, PaperVenueOptions options)
    {
        if (instrument.InitialMargin > 0m)
        {
            var marginRejection = CheckMargin(store, request, instrument, instruments, options);
            if (marginRejection is not null || request.Side == OrderSide.Buy) return marginRejection;
        }
        else if (request.Side == OrderSide.Buy)
        {
            var last = store.LastPrice(request.Symbol);
            var price = EstimatedBuyPrice(request.Type, request.LimitPrice, request.StopPrice, last, options, instrument);
            if (price is null) return null; // no price seen yet: nothing to estimate with
            var notional = instrument.Notional(request.Quantity, price.Value);
            var cost = notional + options.CommissionFor(request.Quantity, notional);
            return CheckCash(store, request, cost, "Estimated cost", "exceeds", instruments, options);
        }

        if (options.AllowShort) return null;
        var position = store.Position(request.Symbol);
        var onSale = PaperOco.MostToTrade(store.OpenForSymbol(request.Symbol), 0,
            static (o, _) => o.Side == OrderSide.Sell ? o.Remaining : null, request.Symbol, request.OcoGroup);
        var available = position.Quantity - onSale;
        return request.Quantity > available
            ? new PaperRejection(VenueRejectCode.Other,
                $"Short selling is off: selling {Text(request.Quantity)} exceeds the {Text(Math.Max(available, 0m))} held and not already on sale.")
            : null;
    }

    /// <summary>
    /// A margined order is not paid for in full: it needs the margin of the contracts it adds to |position| plus its
    /// commission. An order that only reduces or closes needs nothing, so a position can always be closed.
    /// </summary>
    private static PaperRejection? CheckMargin(IPaperStore store, OrderRequest request,
        Instrument instrument, IReadOnlyDictionary<string, Instrument> instruments, PaperVenueOptions options)
    {
        var position = store.Position(request.Symbol);
        var signed = request.Side == OrderSide.Buy ? request.Quantity : -request.Quantity;
        var margin = MarginAccounting.MarginRequired(position.Quantity, signed, instrument.InitialMargin);
        if (margin == 0m) return null;
        var last = store.LastPrice(request.Symbol);
        var price = request.LimitPrice ?? request.StopPrice ?? last ?? 0m;
        var cost = margin + options.CommissionFor(request.Quantity, instrument.Notional(request.Quantity, price));
        return CheckCash(store, request, cost, "Estimated margin and commission", "exceed", instruments, options);
    }

    /// <summary>Rejects for funds when <paramref name="cost"/> is more than the cash the open buy orders leave.</summary>
    private static PaperRejection? CheckCash(IPaperStore store, OrderRequest request, decimal cost, string what, string verb,
        IReadOnlyDictionary<string, Instrument> instruments, PaperVenueOptions options)
    {
        var cash = store.Cash();
        if (cost > cash)
            return new PaperRejection(VenueRejectCode.InsufficientFunds, $"{what} {Text(cost)} {verb} cash {Text(cash)}.");
        var reserved = ReservedByOpenBuys(store, request, instruments, options);
        return cost > cash - reserved
            ? new PaperRejection(VenueRejectCode.InsufficientFunds,
                $"{what} {Text(cost)} {verb} the buying power {Text(cash - reserved)}: cash {Text(cash)} less {Text(reserved)} reserved by open buy orders.")
            : null;
    }

    /// <summary>
    /// What the open buy orders of ordinary instruments would still cost if they filled now (their remaining quantity),
    /// those of <paramref name="request"/>'s group left out.
    /// </summary>
    private static decimal ReservedByOpenBuys(IPaperStore store, OrderRequest request,
        IReadOnlyDictionary<string, Instrument> instruments, PaperVenueOptions options) =>
        PaperOco.MostToTrade(store.OpenBuys(), (Store: store, Instruments: instruments, Options: options), static (o, s) =>
        {
            var (store, instruments, options) = s;
            if (!instruments.TryGetValue(o.Symbol, out var instrument) || instrument.InitialMargin > 0m) return null;
            var last = store.LastPrice(o.Symbol);
            if (EstimatedBuyPrice(o.Type, o.LimitPrice, o.StopPrice, last, options, instrument) is not { } price) return null;
            var notional = instrument.Notional(o.Remaining, price);
            return notional + options.CommissionFor(o.Remaining, notional);
        }, request.Symbol, request.OcoGroup);

    private static decimal? EstimatedBuyPrice(OrderType type, decimal? limitPrice, decimal? stopPrice, decimal? last,
        PaperVenueOptions options, Instrument instrument) => type switch
        {
            OrderType.Limit or OrderType.StopLimit => limitPrice,
            OrderType.Stop => Slipped(Math.Max(stopPrice!.Value, last ?? 0m), options, instrument),
            _ => last is null ? null : Slipped(last.Value, options, instrument),
        };

    private static decimal Slipped(decimal price, PaperVenueOptions options, Instrument instrument) =>
        price + options.SlippageAt(price, instrument.TickAt(price));

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
