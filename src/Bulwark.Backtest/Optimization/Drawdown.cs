namespace Bulwark.Backtest.Optimization;

/// <summary>Max drawdown: the largest fall from a running peak (starting cash included) as a fraction of that peak.</summary>
internal static class Drawdown
{
    public static decimal Max(decimal startingValue, IReadOnlyList<EquityPoint> curve)
    {
        var peak = startingValue;
        var worst = 0m;
        foreach (var point in curve)
        {
            if (point.Equity > peak) peak = point.Equity;
            else if (peak > 0m) worst = Math.Max(worst, (peak - point.Equity) / peak);
        }
        return worst;
    }
}
