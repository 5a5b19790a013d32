using System.Globalization;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>
/// The checks of an order request that need no account state: symbol, type, quantity, prices and the name of its
/// one-cancels-other group.
/// </summary>
internal static class PaperOrderRules
{
    public static PaperRejection? Check(OrderRequest request, Instrument? instrument)
    {
        if (instrument is null)
            return new(VenueRejectCode.UnknownSymbol, $"Unknown symbol '{request.Symbol}'.");
        if (!Enum.IsDefined(request.Side) || !Enum.IsDefined(request.Type) || !Enum.IsDefined(request.TimeInForce))
            return new(VenueRejectCode.UnsupportedOrderType,
                $"Unsupported side/type/time in force {request.Side}/{request.Type}/{request.TimeInForce}.");
        if (request.Quantity <= 0m)
            return new(VenueRejectCode.InvalidQuantity, $"Quantity {Text(request.Quantity)} must be positive.");
        if (request.Quantity % instrument.LotSize != 0m)
            return new(VenueRejectCode.InvalidQuantity,
                $"Quantity {Text(request.Quantity)} is not a whole number of lots of {Text(instrument.LotSize)}.");

        var needsLimit = request.Type is OrderType.Limit or OrderType.StopLimit;
        var needsStop = request.Type is OrderType.Stop or OrderType.StopLimit;
        return (needsLimit ? CheckPrice("Limit", request.LimitPrice, instrument) : null)
            ?? (needsStop ? CheckPrice("Stop", request.StopPrice, instrument) : null)
            ?? PaperOco.CheckName(request.OcoGroup);
    }

    private static PaperRejection? CheckPrice(string name, decimal? price, Instrument instrument)
    {
        if (price is null) return new(VenueRejectCode.InvalidPrice, $"{name} price is missing.");
        if (price.Value <= 0m) return new(VenueRejectCode.InvalidPrice, $"{name} price {Text(price.Value)} must be positive.");
        if (!instrument.IsOnTick(price.Value))
            return new(VenueRejectCode.InvalidPrice,
                $"{name} price {Text(price.Value)} is not on the tick size {Text(instrument.TickAt(price.Value))}.");
        return null;
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
