using Bulwark.Core.Model;
using Bulwark.Core.Orders;

namespace Bulwark.Backtest.Reports;

/// <summary>
/// Computes <see cref="BacktestMetrics"/> from a backtest's result and the bars it ran on.
/// <list type="bullet">
/// <item>Total return: final value over starting cash, minus 1.</item>
/// <item>CAGR: starting cash to final value over the calendar days between the first and last curve points / 365.25.</item>
/// <item>Sharpe and Sortino: per-bar returns of the curve (one point per distinct time, the last one), risk-free 0,
/// annualised by the square root of bars per year inferred from the median spacing (see
/// <see cref="ReturnStatistics.BarsPerYear"/>: 252 for daily bars). A flat curve gives 0.</item>
/// <item>Max drawdown: the deepest fall from a running peak, with the peak, trough and recovery times.</item>
/// <item>Trades: fills paired into round trips per symbol (<see cref="Trade"/>); win rate over closed trades only.</item>
/// <item>Exposure: the fraction of curve points after which any position was held.</item>
/// <item>Turnover: the sum of filled notional (fill price times quantity times the contract multiplier) over the average account value.</item>
/// </list>
/// </summary>
public static class MetricsCalculator
{
    public static BacktestMetrics Compute(BacktestResult result, IReadOnlyList<Bar> bars)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(bars);
        var curve = result.EquityCurve;
        var byTime = LastPerTime(curve);
        var barsPerYear = ReturnStatistics.BarsPerYear([.. byTime.Select(p => p.Time)]);
        var values = byTime.Select(p => p.Equity).Select(Ratio).ToArray();
        var returns = ReturnStatistics.Returns(values);
        var span = curve.Count == 0 ? TimeSpan.Zero : curve[^1].Time - curve[0].Time;
        var drawdown = DrawdownSeries.Of(curve);
        var trades = TradeBuilder.Build(result.Orders, bars);
        var closed = trades.Where(t => !t.IsOpen).ToList();
        return new BacktestMetrics
        {
            FinalValue = result.FinalValue,
            Cash = result.Cash,
            TotalReturn = result.TotalReturn,
            Cagr = ReturnStatistics.Cagr(Ratio(result.StartingCash), Ratio(result.FinalValue), span),
            Sharpe = ReturnStatistics.Sharpe(returns, barsPerYear),
            Sortino = ReturnStatistics.Sortino(returns, barsPerYear),
            MaxDrawdown = drawdown.Max,
            MaxDrawdownPeak = drawdown.Max > 0m ? curve[drawdown.PeakIndex].Time : null,
            MaxDrawdownTrough = drawdown.Max > 0m ? curve[drawdown.TroughIndex].Time : null,
            MaxDrawdownRecovery = drawdown.RecoveryIndex is { } r ? curve[r].Time : null,
            Trades = closed.Count,
            OpenTrades = trades.Count - closed.Count,
            WinRate = closed.Count == 0 ? 0m : (decimal)closed.Count(t => t.PnL > 0m) / closed.Count,
            Exposure = Exposure(result.Orders, curve),
            Turnover = Turnover(result.Orders, curve),
            BarsPerYear = barsPerYear,
            TradeList = trades,
        };
    }

    private static List<EquityPoint> LastPerTime(IReadOnlyList<EquityPoint> curve)
    {
        var points = new List<EquityPoint>(curve.Count);
        foreach (var point in curve)
        {
            if (points.Count > 0 && points[^1].Time == point.Time) points[^1] = point;
            else points.Add(point);
        }
        return points;
    }

    private static decimal Exposure(IReadOnlyList<BacktestOrder> orders, IReadOnlyList<EquityPoint> curve)
    {
        if (curve.Count == 0) return 0m;
        var fills = Filled(orders).OrderBy(o => o.FilledAt!.Value).ToList();
        var positions = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var next = 0;
        var held = 0;
        foreach (var point in curve)
        {
            for (; next < fills.Count && fills[next].FilledAt!.Value <= point.Time; next++)
            {
                var fill = fills[next];
                var signed = fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity;
                positions[fill.Symbol] = positions.GetValueOrDefault(fill.Symbol) + signed;
            }
            if (positions.Values.Any(p => p != 0m)) held++;
        }
        return (decimal)held / curve.Count;
    }

    private static decimal Turnover(IReadOnlyList<BacktestOrder> orders, IReadOnlyList<EquityPoint> curve)
    {
        if (curve.Count == 0) return 0m;
        var average = curve.Average(p => p.Equity);
        if (average <= 0m) return 0m;
        return Filled(orders).Sum(o => o.FillPrice!.Value * o.Quantity * o.Multiplier) / average;
    }

    private static IEnumerable<BacktestOrder> Filled(IReadOnlyList<BacktestOrder> orders) =>
        orders.Where(o => o.FilledAt is not null && o.FillPrice is not null);

    private static double Ratio(decimal value) => (double)value;
}
