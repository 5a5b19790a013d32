using Bulwark.Backtest.Reports;
using Bulwark.Core.Orders;

namespace Bulwark.Backtest.Tests.Reports;

public sealed class CsvExportTests
{
    /// <summary>What <paramref name="write"/> wrote, a line each.</summary>
    private static string[] Lines(Action<TextWriter> write)
    {
        using var writer = new StringWriter();
        write(writer);
        return writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static readonly DateTimeOffset Day0 = new(2024, 1, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Notices_OneRowEach_WithTheSeverityInLowerCase_AndQuotedMessages()
    {
        BacktestNotice[] notices =
        [
            new(Day0, Core.Kernel.Events.AlertSeverity.Warning, "CircuitBreakerTripped", "daily loss 30, limit 20"),
            new(Day0.AddDays(1), Core.Kernel.Events.AlertSeverity.Info, "StrategyModel", "inputs valid"),
        ];
        Assert.Equal(
        [
            "time,severity,code,message",
            "2024-01-02T00:00:00Z,warning,CircuitBreakerTripped,\"daily loss 30, limit 20\"",
            "2024-01-03T00:00:00Z,info,StrategyModel,inputs valid",
        ], Lines(w => CsvExport.WriteNotices(w, notices)));
    }

    [Fact]
    public void Orders_OneRowEach_WithEmptyCellsForWhatDidNotHappen_AndQuotedTextWhereNeeded()
    {
        BacktestOrder[] orders =
        [
            new("bot-20240102-000001", "SPY", OrderSide.Buy, 2m, Day0, 10.5m, Day0.AddMinutes(1), 10.52m, 0.35m) { Source = "fast", Slippage = 0.04m },
            new("bot-20240102-000002", "SPY", OrderSide.Sell, 2m, Day0.AddMinutes(2), 10.6m, null, null, 0m)
            {
                Source = "cloud, slow",
                Rejected = "Short selling is off: say \"no\"",
            },
            new("bot-20240102-000003", "SPY", OrderSide.Buy, 3000m, Day0.AddMinutes(3), 10.6m, null, null, 0m)
            {
                Source = "fast",
                Denied = Core.Risk.DenyReason.MaxOrderNotionalExceeded,
                DeniedDetail = "order notional 31800.0 over 25000",
            },
            new("bot-20240102-000004", "SPY", OrderSide.Sell, 2m, Day0.AddMinutes(4), 10.2m, null, null, 0m)
            {
                Source = "fast",
                Type = OrderType.Stop,
                Canceled = true,
                Tag = "protective-stop",
            },
            new("bot-20240102-000005", "SPY", OrderSide.Sell, 2m, Day0.AddMinutes(4), 11.2m, Day0.AddMinutes(9), 11.25m, 0m)
            {
                Source = "fast",
                Type = OrderType.Limit,
                Tag = "take-profit",
                Filled = 1m, // and the other canceled
                Canceled = true,
            },
        ];
        Assert.Equal(
        [
            "client_order_id,source,symbol,side,quantity,created_at,create_price,filled_at,fill_price,commission,denied,denied_detail,rejected,type,canceled,tag,filled_quantity,slippage,implementation_shortfall",
            "bot-20240102-000001,fast,SPY,buy,2,2024-01-02T00:00:00Z,10.5,2024-01-02T00:01:00Z,10.52,0.35,,,,market,false,,2,0.04,0.04",
            "bot-20240102-000002,\"cloud, slow\",SPY,sell,2,2024-01-02T00:02:00Z,10.6,,,0,,,\"Short selling is off: say \"\"no\"\"\",market,false,,0,0,0",
            "bot-20240102-000003,fast,SPY,buy,3000,2024-01-02T00:03:00Z,10.6,,,0,MaxOrderNotionalExceeded,order notional 31800.0 over 25000,,market,false,,0,0,0",
            "bot-20240102-000004,fast,SPY,sell,2,2024-01-02T00:04:00Z,10.2,,,0,,,,stop,true,protective-stop,0,0,0",
            "bot-20240102-000005,fast,SPY,sell,2,2024-01-02T00:04:00Z,11.2,2024-01-02T00:09:00Z,11.25,0,,,,limit,true,take-profit,1,0,0",
        ], Lines(w => CsvExport.WriteOrders(w, orders)));
    }

    [Fact]
    public void Trades_WriteMoneyExactly_AndTheReturnTo8Places()
    {
        Trade[] trades =
        [
            new("SPY", TradeSide.Long, Day0, 3884.57m, Day0.AddDays(10), 3822.57m, 2m, -124.00m, -124m / 7769.14m) { StoppedOut = true, Risk = 124.00m },
            new("SPY", TradeSide.Long, Day0.AddDays(10), 3822.57m, Day0.AddDays(11), 4000m, 1m, 177.43m, 177.43m / 3822.57m) { TookProfit = true, Risk = 60m, ScaleOuts = 2 },
            new("SPY", TradeSide.Short, Day0.AddDays(11), 100m, null, null, 1m, 0.5m, 0.005m, Financing: -0.012345m) { Dividends = -0.25m },
            new("SPY", TradeSide.Long, Day0.AddDays(12), 100m, Day0.AddDays(19), 101m, 1m, 1m, 0.01m) { TimedOut = true, Mae = -0.0312345678m, Mfe = 0.05m },
            new("SPY", TradeSide.Long, Day0.AddDays(20), 100m, Day0.AddDays(21), 97m, 1m, -3m, -0.03m) { LossLimited = true },
            new("SPY", TradeSide.Short, Day0.AddDays(22), 100m, Day0.AddDays(23), 99m, 1m, 1m, 0.01m) { BlackedOut = true },
        ];
        Assert.Equal(
        [
            "symbol,side,entry_time,entry_price,exit_time,exit_price,quantity,pnl,return,open,financing,stopped_out,took_profit,dividends,timed_out,mae,mfe,risk,r,scaled_out,scale_outs,loss_limit,blackout",
            "SPY,long,2024-01-02T00:00:00Z,3884.57,2024-01-12T00:00:00Z,3822.57,2,-124.00,-0.01596058,false,0,true,false,0,false,0,0,124.00,-1,false,0,false,false",
            "SPY,long,2024-01-12T00:00:00Z,3822.57,2024-01-13T00:00:00Z,4000,1,177.43,0.04641642,false,0,false,true,0,false,0,0,60,2.95716667,true,2,false,false",
            "SPY,short,2024-01-13T00:00:00Z,100,,,1,0.5,0.005,true,-0.012345,false,false,-0.25,false,0,0,,,false,0,false,false",
            "SPY,long,2024-01-14T00:00:00Z,100,2024-01-21T00:00:00Z,101,1,1,0.01,false,0,false,false,0,true,-0.03123457,0.05,,,false,0,false,false",
            "SPY,long,2024-01-22T00:00:00Z,100,2024-01-23T00:00:00Z,97,1,-3,-0.03,false,0,false,false,0,false,0,0,,,false,0,true,false",
            "SPY,short,2024-01-24T00:00:00Z,100,2024-01-25T00:00:00Z,99,1,1,0.01,false,0,false,false,0,false,0,0,,,false,0,false,true",
        ], Lines(w => CsvExport.WriteTrades(w, trades)));
    }

    [Fact]
    public void Monthly_AYearARow_BlankForMonthsWithoutABar()
    {
        MonthlyReturn[] months = [new(2024, 11, 0.01234567891m), new(2024, 12, -0.5m), new(2024, 0, -0.49382716m)];
        Assert.Equal(
        [
            "year,jan,feb,mar,apr,may,jun,jul,aug,sep,oct,nov,dec,total",
            "2024,,,,,,,,,,,0.01234568,-0.5,-0.49382716",
        ], Lines(w => CsvExport.WriteMonthly(w, months)));
    }

    [Fact]
    public void Equity_HasTheDrawdownFromTheRunningPeak()
    {
        EquityPoint[] curve = [new(Day0, 100m, 100m), new(Day0.AddDays(1), 120m, 50m), new(Day0.AddDays(2), 90m, 50m)];
        Assert.Equal(
        [
            "time,equity,cash,drawdown",
            "2024-01-02T00:00:00Z,100,100,0",
            "2024-01-03T00:00:00Z,120,50,0",
            "2024-01-04T00:00:00Z,90,50,0.25",
        ], Lines(w => CsvExport.WriteEquity(w, curve)));
    }
}
