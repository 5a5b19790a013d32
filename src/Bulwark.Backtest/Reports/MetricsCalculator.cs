using Bulwark.Core.Calendar;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;

namespace Bulwark.Backtest.Reports;

/// <summary>
/// Computes <see cref="BacktestMetrics"/> from a backtest's result and the bars it ran on.
/// <list type="bullet">
/// <item>Total return: final value over starting cash, minus 1.</item>
/// <item>CAGR: starting cash to final value over the calendar days between the first and last curve points / 365.25.</item>
/// <item>Sharpe and Sortino: per-bar returns of the curve (one point per distinct time, the last one) in excess of the
/// cash rate the run paid (<see cref="BacktestResult.CashInterest"/>, risk-free 0 without one) for the calendar
/// days between the points, as the venue pays it, so a run that earns interest on idle cash is not rewarded for it: cash
/// alone has a Sharpe ratio of 0. Annualised by the square root of bars per year inferred from the median spacing and
/// the trading time of the run's markets (see <see cref="ReturnStatistics.BarsPerYear"/> and <see cref="BacktestResult.Year"/>: 252 for daily bars of
/// US equities, 365.25 for crypto). A flat curve gives 0.</item>
/// <item>Volatility: the per-bar returns' sample standard deviation, annualised the same way.</item>
/// <item>Value at risk, expected shortfall, skewness, kurtosis and the Ulcer index: see <see cref="ReturnRisk"/>.</item>
/// <item>Rolling Sharpe: see <see cref="Reports.RollingSharpe"/>.</item>
/// <item>Max drawdown: the deepest fall from a running peak, with the peak, trough and recovery times. Calmar: CAGR over
/// it. Longest drawdown: the longest time from a peak to the first point back at it (or to the end).</item>
/// <item>Monthly returns: see <see cref="MonthlyReturn"/>.</item>
/// <item>Trades: fills paired into round trips per symbol (<see cref="Trade"/>), net of commissions and of the financing
/// charged while each was held; win rate over closed trades only.</item>
/// <item>Trade statistics: see <see cref="TradeStatistics"/>. Buy and hold: see <see cref="BacktestMetrics.BuyAndHoldReturn"/>.</item>
/// <item>Exposure: the fraction of curve points after which any position was held.</item>
/// <item>Turnover: the sum of filled notional (fill price times quantity times the contract multiplier) over the average account value.</item>
/// </list>
/// </summary>
public static class MetricsCalculator
{
    /// <param name="rollingWindow">The rolling Sharpe ratio's window in returns; null: a quarter year's (see <see cref="Reports.RollingSharpe"/>).</param>
    public static BacktestMetrics Compute(BacktestResult result, IReadOnlyList<Bar> bars, int? rollingWindow = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(bars);
        var curve = result.EquityCurve;
        var (returns, barsPerYear, excess) = PerBarReturns(curve, result.Year, result.CashInterest);
        var span = curve.Count == 0 ? TimeSpan.Zero : curve[^1].Time - curve[0].Time;
        var drawdown = DrawdownSeries.Of(curve);
        var fills = FillOrder.Of(result.Orders);
        var trades = InitialRisk.Of(TradeBuilder.Build(fills, bars, result.FinancingCharges, result.Fill), result.Orders);
        var closed = trades.Where(t => !t.IsOpen).ToList();
        var cagr = ReturnStatistics.Cagr(Ratio(result.StartingCash), Ratio(result.FinalValue), span);
        var longest = drawdown.LongestUnderWater();
        // Intraday entries read in the exchange's time, where its sessions have fixed hours; a daily bar keeps its own date.
        var entryZone = bars.Count > 0 && !bars[0].IsDaily ? result.ExchangeTimeZone : null;
        var byTime = LastPerTime(curve);
        return new BacktestMetrics
        {
            FinalValue = result.FinalValue,
            Cash = result.Cash,
            TotalReturn = result.TotalReturn,
            Cagr = cagr,
            Sharpe = ReturnStatistics.Sharpe(excess, barsPerYear),
            Sortino = ReturnStatistics.Sortino(excess, barsPerYear),
            Volatility = ReturnStatistics.Volatility(returns, barsPerYear),
            Calmar = drawdown.Max > 0m ? cagr / Ratio(drawdown.Max) : 0d,
            LongestDrawdownStart = longest is { } l ? curve[l.Start].Time : null,
            LongestDrawdownEnd = longest is { } e ? curve[e.End].Time : null,
            LongestDrawdownRecovered = longest is { Recovered: true },
            MonthlyReturns = MonthlyReturn.Of(curve, result.StartingCash),
            MaxDrawdown = drawdown.Max,
            MaxDrawdownPeak = drawdown.Max > 0m ? curve[drawdown.PeakIndex].Time : null,
            MaxDrawdownTrough = drawdown.Max > 0m ? curve[drawdown.TroughIndex].Time : null,
            MaxDrawdownRecovery = drawdown.RecoveryIndex is { } r ? curve[r].Time : null,
            Trades = closed.Count,
            OpenTrades = trades.Count - closed.Count,
            StoppedOut = closed.Count(t => t.StoppedOut),
            TookProfit = closed.Count(t => t.TookProfit),
            TimedOut = closed.Count(t => t.TimedOut),
            LossLimited = closed.Count(t => t.LossLimited),
            BlackedOut = closed.Count(t => t.BlackedOut),
            ScaledOut = trades.Count(t => t.ScaledOut),
            ScaleOuts = trades.Sum(t => t.ScaleOuts),
            WinRate = closed.Count == 0 ? 0m : (decimal)closed.Count(t => t.PnL > 0m) / closed.Count,
            TradeStats = TradeStatistics.Of(closed),
            BuyAndHoldReturn = BuyAndHold(bars),
            Exposure = Exposure(fills, curve),
            Turnover = Turnover(fills, curve),
            BarsPerYear = barsPerYear,
            TradeList = trades,
            BySymbol = SymbolStatistics.Of(trades, result.StartingCash),
            BySide = SideStatistics.Of(trades),
            ByEntryWeekday = EntryTimeStatistics.ByWeekday(trades, entryZone),
            ByEntryHour = EntryTimeStatistics.ByHour(trades, entryZone),
            EntryTimeZone = entryZone?.Id ?? "UTC",
            StopAnalysis = Reports.StopAnalysis.Of(trades),
            // One point a time (every run of one symbol): the curve's own drawdowns, not taken again.
            Risk = ReturnRisk.Of(returns, (byTime.Count == curve.Count ? drawdown : DrawdownSeries.Of(byTime)).Depths, cagr),
            RollingSharpe = byTime.Count == excess.Length + 1 ? RollingSharpe.Of([.. byTime.Select(p => p.Time)], excess, barsPerYear, rollingWindow) : null,
        };
    }

    /// <summary>
    /// The curve's returns from one distinct time to the next (its last point at each time), their bars per year, and
    /// the returns in excess of what cash earns at <paramref name="cashRates"/> (the same array when it earns nothing).
    /// </summary>
    internal static (double[] Returns, double BarsPerYear, double[] Excess) PerBarReturns(IReadOnlyList<EquityPoint> curve,
        TradingYear year, Venues.Paper.CashRates cashRates)
    {
        var byTime = LastPerTime(curve);
        DateTimeOffset[] times = [.. byTime.Select(p => p.Time)];
        var returns = ReturnStatistics.Returns([.. byTime.Select(p => Ratio(p.Equity))]);
        return (returns, ReturnStatistics.BarsPerYear(times, year),
            cashRates.PaysAny ? ReturnStatistics.ExcessOver(returns, times, cashRates) : returns);
    }

    /// <summary>The curve's last point at each distinct time, in order: the points its ratios are taken at.</summary>
    internal static List<EquityPoint> LastPerTime(IReadOnlyList<EquityPoint> curve)
    {
        var points = new List<EquityPoint>(curve.Count);
        foreach (var point in curve)
        {
            if (points.Count > 0 && points[^1].Time == point.Time) points[^1] = point;
            else points.Add(point);
        }
        return points;
    }

    /// <summary>Each symbol's last close over its first open, minus 1, averaged over the symbols; 0 without bars.</summary>
    private static decimal BuyAndHold(IReadOnlyList<Bar> bars)
    {
        var first = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var last = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var bar in bars)
        {
            first.TryAdd(bar.Symbol, bar.Open);
            last[bar.Symbol] = bar.Close;
        }
        if (first.Count == 0) return 0m;
        var sum = 0m;
        foreach (var (symbol, open) in first) sum += open > 0m ? (last[symbol] / open) - 1m : 0m;
        return sum / first.Count;
    }

    /// <param name="fills">The filled orders in fill order.</param>
    private static decimal Exposure(List<BacktestOrder> fills, IReadOnlyList<EquityPoint> curve)
    {
        if (curve.Count == 0) return 0m;
        var positions = new Dictionary<string, decimal>(StringComparer.Ordinal);
        int next = 0, held = 0, open = 0; // open: symbols whose position is not zero
        foreach (var point in curve)
        {
            for (; next < fills.Count && fills[next].FilledAt!.Value <= point.Time; next++)
            {
                var fill = fills[next];
                var before = positions.GetValueOrDefault(fill.Symbol);
                var after = before + (fill.Side == OrderSide.Buy ? fill.Filled : -fill.Filled);
                positions[fill.Symbol] = after;
                open += (after != 0m ? 1 : 0) - (before != 0m ? 1 : 0);
            }
            if (open > 0) held++;
        }
        return (decimal)held / curve.Count;
    }

    private static decimal Turnover(List<BacktestOrder> fills, IReadOnlyList<EquityPoint> curve)
    {
        if (curve.Count == 0) return 0m;
        var average = curve.Average(p => p.Equity);
        if (average <= 0m) return 0m;
        var traded = 0m;
        foreach (var o in fills) traded += o.FillPrice!.Value * o.Filled * o.Multiplier;
        return traded / average;
    }

    private static double Ratio(decimal value) => (double)value;
}
