using Bulwark.Core.Model;
using Bulwark.Core.Strategies;
using Xunit.Abstractions;

namespace Bulwark.Backtest.Tests;

/// <summary>
/// Pinned results on the 2006 sample (sma-cross period 15, size 1, no calendar), computed once with this engine. A
/// change to any of them is a change in fills or accounting and must be explained, not re-pinned blindly.
/// </summary>
public sealed class AccountModelGoldenTests(ITestOutputHelper output)
{
    private const string Symbol = "SAMPLE";

    private async Task<BacktestResult?> RunAsync(Instrument instrument, decimal cash, decimal commission = 0m,
        BacktestFill fill = BacktestFill.NextOpen)
    {
        var bars = SampleBars.Read(output, Symbol);
        if (bars is null) return null;
        return await BacktestEngine.RunAsync(bars, [new SmaCrossStrategy("sma-cross", [Symbol], 15)], new BacktestOptions
        {
            Instruments = new Dictionary<string, Instrument> { [Symbol] = instrument },
            Cash = cash,
            Size = 1m,
            CommissionPerFill = commission,
            Fill = fill,
            EnforceTradingHours = false,
        }, CancellationToken.None);
    }

    [Fact]
    public async Task FillAtClose_EveryOrderFillsAtItsSignalBarsClose()
    {
        var result = await RunAsync(new Instrument(Symbol, AssetClass.Equity), 10_000m, fill: BacktestFill.Close);
        if (result is null) return;

        // The order is created at the signal bar with that bar's close as its price; without slippage it fills there.
        Assert.All(result.Orders, o => Assert.Equal((o.CreatedAt, o.CreatePrice), (o.FilledAt!.Value, o.FillPrice!.Value)));
        var first = result.Orders[0];
        Assert.Equal((new DateOnly(2006, 1, 26), 3641.42m), (DateOnly.FromDateTime(first.FilledAt!.Value.UtcDateTime), first.FillPrice!.Value));
        // Pins: the same 23 crossings as next-open (10284.10 / 6164.16), each filled a bar earlier at the close.
        Assert.Equal(23, result.Orders.Count);
        Assert.Equal(10366.07m, Math.Round(result.FinalValue, 2));
        Assert.Equal(6246.13m, Math.Round(result.Cash, 2));
    }

    [Fact]
    public async Task Futures_Multiplier10Margin2000Commission2_Cash50000()
    {
        var futures = new Instrument(Symbol, AssetClass.Equity, multiplier: 10m, initialMargin: 2_000m);
        var result = await RunAsync(futures, 50_000m, commission: 2m);
        if (result is null) return;

        // Pins: ten times the next-open PnL (284.10 -> 2,841.00) less 23 fills x 2 = 52,795.00; the run ends long
        // one contract, so cash is the value less the 2,000 margin it holds (not less a 40,000 notional).
        Assert.Equal(23, result.Orders.Count);
        Assert.Equal(52_795.00m, Math.Round(result.FinalValue, 2));
        Assert.Equal(50_795.00m, Math.Round(result.Cash, 2));
        Assert.All(result.EquityCurve, p => Assert.True(p.Equity - p.Cash is 0m or 2_000m, $"{p.Time}: margin held {p.Equity - p.Cash}"));

        // The same trades with cash accounting are worth exactly the same at every bar.
        var ordinary = await RunAsync(new Instrument(Symbol, AssetClass.Equity, multiplier: 10m), 50_000m, commission: 2m);
        Assert.Equal(ordinary!.EquityCurve.Select(p => p.Equity), result.EquityCurve.Select(p => p.Equity));
        Assert.Equal(11_595.60m, Math.Round(ordinary.Cash, 2));
    }

    [Fact]
    public async Task Futures_TradePnLCountsTheMultiplier_AndAddsUpToTheChangeInValue()
    {
        var futures = new Instrument(Symbol, AssetClass.Equity, multiplier: 10m, initialMargin: 2_000m);
        var result = await RunAsync(futures, 50_000m, commission: 2m);
        if (result is null) return;
        var bars = SampleBars.Read(output, Symbol)!;

        var metrics = Bulwark.Backtest.Reports.MetricsCalculator.Compute(result, bars);

        // Every trade's PnL (commissions included, the open one marked at the last close) adds up to the run's gain,
        // which is ten times the one-share run's: the multiplier is in the trade list, not only in the account.
        Assert.Equal(result.FinalValue - result.StartingCash, metrics.TradeList.Sum(t => t.PnL));
        Assert.Equal(2_795.00m, Math.Round(metrics.TradeList.Sum(t => t.PnL), 2));
        // Turnover is notional traded: 23 fills of one 10-unit contract at ~3,600-4,100 over ~51,000 of average value.
        Assert.InRange(metrics.Turnover, 15m, 20m);
    }
}
