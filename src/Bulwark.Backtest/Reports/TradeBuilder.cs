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
    public static List<Trade> Build(IReadOnlyList<BacktestOrder> fills, IReadOnlyList<Bar> bars, IReadOnlyList<FinancingCharge>? charges = null)
    {
        charges ??= [];
        var open = new Dictionary<string, OpenTrade>(StringComparer.Ordinal);
        var trades = new List<(DateTimeOffset Entry, int Order, Trade Trade)>();
        var opened = 0;
        var charged = 0;
        foreach (var fill in fills)
        {
            for (; charged < charges.Count && charges[charged].Time <= fill.FilledAt!.Value; charged++)
                Finance(open, charges[charged]);
            var signed = fill.Side == OrderSide.Buy ? fill.Filled : -fill.Filled;
            var price = fill.FillPrice!.Value;
            var remaining = signed;
            if (open.TryGetValue(fill.Symbol, out var current))
            {
                var closing = Math.Sign(signed) != Math.Sign(current.Position) ? Math.Min(Math.Abs(signed), Math.Abs(current.Position)) : 0m;
                var share = fill.Commission * (closing == 0m ? 0m : closing / fill.Filled);
                if (closing == 0m) current.Add(signed, price, fill.Commission);
                else current.Reduce(closing, price, share);
                remaining = closing == 0m ? 0m : signed - (Math.Sign(signed) * closing);
                if (current.Position == 0m)
                {
                    trades.Add((current.EntryTime, current.Number, current.Close(fill.FilledAt!.Value, fill.Tag)));
                    open.Remove(fill.Symbol);
                }
            }
            if (remaining != 0m)
            {
                var commission = fill.Commission * Math.Abs(remaining) / fill.Filled;
                open[fill.Symbol] = new OpenTrade(fill.Symbol, fill.FilledAt!.Value, opened++, remaining, price, commission, fill.Multiplier);
            }
        }
        for (; charged < charges.Count; charged++) Finance(open, charges[charged]);
        foreach (var (symbol, trade) in open)
        {
            var last = LastOf(bars, symbol);
            var mark = last.Symbol is null ? trade.EntryPrice : last.Close;
            trades.Add((trade.EntryTime, trade.Number, trade.MarkOpen(mark)));
        }
        return [.. trades.OrderBy(t => t.Entry).ThenBy(t => t.Order).Select(t => t.Trade)];
    }

    private static void Finance(Dictionary<string, OpenTrade> open, FinancingCharge charge)
    {
        if (open.TryGetValue(charge.Symbol, out var trade)) trade.Finance(charge);
    }

    /// <summary>The symbol's last bar (default when it has none), searched from the end.</summary>
    private static Bar LastOf(IReadOnlyList<Bar> bars, string symbol)
    {
        for (var i = bars.Count - 1; i >= 0; i--)
            if (string.Equals(bars[i].Symbol, symbol, StringComparison.Ordinal)) return bars[i];
        return default;
    }
}
