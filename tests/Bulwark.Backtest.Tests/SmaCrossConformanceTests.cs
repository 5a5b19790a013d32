using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Strategies;
using Xunit.Abstractions;

namespace Bulwark.Backtest.Tests;

/// <summary>
/// The published result of a well-known Python backtester's test suite on its own sample data: the real kernel,
/// the paper venue and the sma-cross strategy must reproduce it to the cent.
/// </summary>
public sealed class SmaCrossConformanceTests(ITestOutputHelper output)
{
    private static readonly Instrument Sample = new("SAMPLE", AssetClass.Equity);

    [Fact]
    public async Task SmaCross15_OnThe2006Sample_EndsAt10284_10WithCash6164_16()
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;

        var result = await BacktestEngine.RunAsync(bars, [new SmaCrossStrategy("sma-cross", [Sample.Symbol], 15)],
            new BacktestOptions
            {
                Instruments = new Dictionary<string, Instrument> { [Sample.Symbol] = Sample },
                Cash = 10_000m,
                Size = 1m,
                EnforceTradingHours = false,
            }, CancellationToken.None);

        Assert.Equal(10284.10m, Math.Round(result.FinalValue, 2));
        Assert.Equal(6164.16m, Math.Round(result.Cash, 2));
        Assert.Equal(12, result.Buys);
        Assert.Equal(11, result.Sells);
        var first = result.Orders[0];
        Assert.Equal((OrderSide.Buy, new DateOnly(2006, 1, 27), 3643.35m),
            (first.Side, DateOnly.FromDateTime(first.FilledAt!.Value.UtcDateTime), first.FillPrice!.Value));
        var last = result.Orders[^1];
        Assert.Equal((OrderSide.Buy, new DateOnly(2006, 12, 12), 4052.55m),
            (last.Side, DateOnly.FromDateTime(last.FilledAt!.Value.UtcDateTime), last.FillPrice!.Value));
    }

    [Fact]
    public async Task WithTradingHoursEnforced_BarsOffTheNyseCalendarAreSkipped()
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;

        var result = await BacktestEngine.RunAsync(bars, [new SmaCrossStrategy("sma-cross", [Sample.Symbol], 15)],
            new BacktestOptions { Instruments = new Dictionary<string, Instrument> { [Sample.Symbol] = Sample } },
            CancellationToken.None);

        // The sample has rows on exchange holidays (and lacks a few sessions): only session dates may pass.
        var nyse = Core.Calendar.ExchangeCalendars.Get("XNYS");
        var sessions = bars.Count(b => nyse.SessionOn(DateOnly.FromDateTime(b.Time.UtcDateTime)) is not null);
        Assert.True(sessions < bars.Count, "the sample should contain non-session rows");
        Assert.Equal(sessions, result.BarsProcessed);
        Assert.Equal(bars.Count - sessions, result.BarsSkipped);
        Assert.DoesNotContain(result.Orders, o => nyse.SessionOn(DateOnly.FromDateTime(o.FilledAt!.Value.UtcDateTime)) is null);
    }
}
