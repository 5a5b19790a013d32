using Bulwark.Core.Orders;

namespace Bulwark.Core.Kernel;

/// <summary>What the bot's own books say it could still spend on buys (see <see cref="Strategies.IStrategyContext.BuyingPower"/>).</summary>
public sealed partial class BotKernel
{
    /// <summary>
    /// Cash less what the open buy orders of ordinary (not margined) instruments would still cost: the quantity left at
    /// the limit price, or at the last close for an order without one (none yet: not counted). The same reservation a
    /// cash account's broker (and the paper venue) makes, from the engine's state alone.
    /// </summary>
    private decimal BuyingPower()
    {
        var reserved = 0m;
        foreach (var o in _state.Orders.Values)
        {
            if (o.Side != OrderSide.Buy || !(o.Status.IsOpen() || o.Status == OrderStatus.Initialized)) continue;
            if (!_options.Instruments.TryGetValue(o.Symbol, out var instrument) || instrument.InitialMargin > 0m) continue;
            var price = o.LimitPrice ?? _marks.Find(o.Symbol)?.Price;
            if (price is { } p) reserved += instrument.Notional(o.LeavesQuantity, p);
        }
        return _state.Cash - reserved;
    }
}
