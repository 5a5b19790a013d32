using System.Globalization;
using Bulwark.Backtest;
using Bulwark.Backtest.Reports;

namespace Bulwark.Cli.Commands;

/// <summary>How `backtest` shows one run: the JSON view (--json) or the table printed to the terminal.</summary>
internal static class BacktestOutput
{
    public static object View(BacktestResult r, BacktestMetrics m, AccountSettings account) => new
    {
        r.FinalValue,
        r.Cash,
        r.StrategyFailures,
        Fill = account.FillName,
        Commission = account.CommissionView,
        Slippage = account.SlippageView,
        Metrics = new
        {
            r.TotalReturn,
            m.Cagr,
            m.Sharpe,
            m.Sortino,
            m.MaxDrawdown,
            m.MaxDrawdownPeak,
            m.MaxDrawdownTrough,
            m.MaxDrawdownRecovery,
            m.Trades,
            m.OpenTrades,
            m.WinRate,
            m.Exposure,
            m.Turnover,
            m.BarsPerYear,
            Fills = r.Buys + r.Sells,
            r.Buys,
            r.Sells,
            r.BarsProcessed,
            r.BarsSkipped,
        },
        Trades = m.TradeList.Select(t => new
        {
            t.Symbol,
            Side = t.Side.ToString().ToLowerInvariant(),
            t.EntryTime,
            t.EntryPrice,
            t.ExitTime,
            t.ExitPrice,
            t.Quantity,
            t.PnL,
            t.Return,
            t.IsOpen,
        }),
        Orders = r.Orders.Select(o => new
        {
            o.ClientOrderId,
            o.Symbol,
            Side = o.Side.ToString().ToLowerInvariant(),
            o.CreatedAt,
            o.CreatePrice,
            o.FilledAt,
            o.FillPrice,
            o.Quantity,
            o.Commission,
        }),
    };

    public static void Print(BacktestResult r, BacktestMetrics m, string? reportPath)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.Out.WriteLine(string.Create(inv, $"final value {r.FinalValue:0.00}, cash {r.Cash:0.00}, return {r.TotalReturn:P2}"));
        Console.Out.WriteLine(string.Create(inv, $"CAGR {m.Cagr:P2}, Sharpe {m.Sharpe:0.00}, Sortino {m.Sortino:0.00}, max drawdown {m.MaxDrawdown:P2}"));
        Console.Out.WriteLine(string.Create(inv, $"{m.Trades} trades closed, {m.OpenTrades} open, win rate {m.WinRate:P2}, exposure {m.Exposure:P2}, turnover {m.Turnover:0.00}"));
        Console.Out.WriteLine(string.Create(inv, $"{r.Buys} buys, {r.Sells} sells; {r.BarsProcessed} bars, {r.BarsSkipped} skipped outside sessions"));
        foreach (var o in r.Orders)
            Console.Out.WriteLine(string.Create(inv, $"  {o.CreatedAt:yyyy-MM-dd} {o.Side,-4} {o.Quantity} {o.Symbol} @ {o.CreatePrice:0.00} -> {(o.FilledAt is { } f ? $"{f:yyyy-MM-dd} @ {o.FillPrice:0.00}" : "unfilled")}"));
        if (reportPath is { Length: > 0 }) Console.Out.WriteLine($"report written to {reportPath}");
    }
}
