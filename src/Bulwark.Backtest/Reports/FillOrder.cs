namespace Bulwark.Backtest.Reports;

/// <summary>The filled orders of a run in the order they filled: by fill time, and at equal times in the order decided.</summary>
internal static class FillOrder
{
    /// <summary>
    /// Orders come in the order decided, which is the fill order unless a resting order filled after a later one; so
    /// the list is checked first and sorted (stably) only when it is out of order.
    /// </summary>
    public static List<BacktestOrder> Of(IReadOnlyList<BacktestOrder> orders)
    {
        var fills = new List<BacktestOrder>();
        var sorted = true;
        foreach (var o in orders)
        {
            if (o.FilledAt is not { } at || o.FillPrice is null || o.Filled <= 0m) continue;
            if (fills.Count > 0 && at < fills[^1].FilledAt!.Value) sorted = false;
            fills.Add(o);
        }
        return sorted ? fills : [.. fills.Select((o, i) => (Order: o, Index: i)).OrderBy(f => f.Order.FilledAt!.Value).ThenBy(f => f.Index).Select(f => f.Order)];
    }
}
