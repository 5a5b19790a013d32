using Bulwark.Core.Model;
using Bulwark.Core.Orders;

namespace Bulwark.Backtest.Reports;

/// <summary>
/// Pairs the filled orders of a backtest into round trips, per symbol: a trade opens when the position leaves zero
/// and closes when it returns to zero. A fill that crosses zero closes the trade and opens the opposite one with the
/// rest (the fill's commission is shared by quantity). A financing charge (or a dividend) goes to the trade open in its symbol when it
/// was booked: charges are booked at a bar before that bar's fills, so a charge and a fill at the same time put the
/// charge first, in the trade that held the position overnight. A charge with no trade open (none in a fresh run) is
/// in the run's financing total only.
/// </summary>
internal static class TradeBuilder
{
    /// <param name="fills">The filled orders in fill order (see <see cref="FillOrder"/>).</param>
    /// <param name="bars">The run's bars, which mark the trades still open at the end.</param>
    /// <param name="charges">The run's financing charges in the order booked (so in time order).</param>
    /// <param name="fill">How the run filled market orders: which bars of a trade's entry and exit it was open over whole,
    /// for its excursions (see <see cref="TradeExcursions"/>).</param>
    public static List<Trade> Build(IReadOnlyList<BacktestOrder> fills, IReadOnlyList<Bar> bars, IReadOnlyList<FinancingCharge>? charges = null,
        BacktestFill fill = BacktestFill.NextOpen)
    {
        charges ??= [];
        var open = new Dictionary<string, (OpenTrade Trade, bool EntryBarHeld)>(StringComparer.Ordinal);
        var trades = new List<(DateTimeOffset Entry, int Order, Trade Trade, bool EntryBarHeld, bool ExitBarHeld)>();
        var opened = 0;
        var charged = 0;
        foreach (var order in fills)
        {
            for (; charged < charges.Count && charges[charged].Time <= order.FilledAt!.Value; charged++)
                Finance(open, charges[charged]);
            var signed = order.Side == OrderSide.Buy ? order.Filled : -order.Filled;
            var price = order.FillPrice!.Value;
            var remaining = signed;
            var market = order.Type == OrderType.Market;
            if (open.TryGetValue(order.Symbol, out var held))
            {
                var current = held.Trade;
                var closing = Math.Sign(signed) != Math.Sign(current.Position) ? Math.Min(Math.Abs(signed), Math.Abs(current.Position)) : 0m;
                var share = order.Commission * (closing == 0m ? 0m : closing / order.Filled);
                if (closing == 0m) current.Add(signed, price, order.Commission);
                else current.Reduce(closing, price, share, order.Tag);
                remaining = closing == 0m ? 0m : signed - (Math.Sign(signed) * closing);
                if (current.Position == 0m)
                {
                    trades.Add((current.EntryTime, current.Number, current.Close(order.FilledAt!.Value, order.Tag),
                        held.EntryBarHeld, market && fill == BacktestFill.Close));
                    open.Remove(order.Symbol);
                }
            }
            if (remaining != 0m)
            {
                var commission = order.Commission * Math.Abs(remaining) / order.Filled;
                open[order.Symbol] = (new OpenTrade(order.Symbol, order.FilledAt!.Value, opened++, remaining, price, commission, order.Multiplier),
                    market && fill == BacktestFill.NextOpen);
            }
        }
        for (; charged < charges.Count; charged++) Finance(open, charges[charged]);
        var bySymbol = new SymbolBars(bars);
        foreach (var (symbol, (trade, entryBarHeld)) in open)
        {
            var count = bySymbol.Count(symbol);
            var mark = count == 0 ? trade.EntryPrice : bySymbol.At(symbol, count - 1).Close;
            trades.Add((trade.EntryTime, trade.Number, trade.MarkOpen(mark), entryBarHeld, false));
        }
        return [.. trades.OrderBy(t => t.Entry).ThenBy(t => t.Order)
            .Select(t => TradeExcursions.Of(t.Trade, t.EntryBarHeld, t.ExitBarHeld, bySymbol))];
    }

    private static void Finance(Dictionary<string, (OpenTrade Trade, bool EntryBarHeld)> open, FinancingCharge charge)
    {
        if (open.TryGetValue(charge.Symbol, out var held)) held.Trade.Finance(charge);
    }

}
