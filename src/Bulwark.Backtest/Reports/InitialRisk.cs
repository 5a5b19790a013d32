using Bulwark.Core.Kernel;
using Bulwark.Core.Orders;

namespace Bulwark.Backtest.Reports;

/// <summary>
/// Sets each trade's <see cref="Trade.Risk"/>: what it stood to lose at its first protective stop. The stop the kernel
/// placed for the position is the first order tagged <see cref="BotKernel.ProtectiveStopTag"/> in the trade's symbol and
/// direction created from its entry to its exit (to the end for an open trade); the risk is the distance from the
/// trade's average entry to that stop's price, times the stop's quantity and multiplier. A stop the kernel refused or the
/// venue rejected was never working, so it does not count. A stop later trailed or moved to the entry still counts at
/// its first level: R measures the trade against the risk taken when it was opened.
/// </summary>
internal static class InitialRisk
{
    /// <param name="orders">Every order of the run.</param>
    public static List<Trade> Of(List<Trade> trades, IReadOnlyList<BacktestOrder> orders)
    {
        var stops = orders.Where(o => o.Tag == BotKernel.ProtectiveStopTag && o.Denied is null && o.Rejected is null)
            .OrderBy(o => o.CreatedAt).GroupBy(o => (o.Symbol, o.Side)).ToDictionary(g => g.Key, g => g.ToList());
        if (stops.Count == 0) return trades;
        for (var i = 0; i < trades.Count; i++)
        {
            var t = trades[i];
            // A long is protected by a sell stop, a short by a buy stop.
            if (!stops.TryGetValue((t.Symbol, t.Side == TradeSide.Long ? OrderSide.Sell : OrderSide.Buy), out var mine)) continue;
            var first = mine.FirstOrDefault(o => o.CreatedAt >= t.EntryTime && (t.ExitTime is not { } exit || o.CreatedAt <= exit));
            if (first is null) continue;
            trades[i] = t with { Risk = Math.Abs(t.EntryPrice - first.CreatePrice) * first.Quantity * first.Multiplier };
        }
        return trades;
    }
}
