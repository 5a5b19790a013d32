using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Strategies;

namespace Bulwark.Backtest.Tests;

/// <summary>
/// Warm-up bars (<see cref="BacktestOptions.WarmUpBars"/>) make a strategy's indicators ready at the first bar traded,
/// without trading, journaling or counting them.
/// </summary>
public sealed class WarmUpTests
{
    private static readonly Instrument Spy = new("SPY", AssetClass.Equity);
    private static readonly DateTimeOffset Day0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static List<Bar> Days(int first, params decimal[] closes) =>
        [.. closes.Select((c, i) => new Bar("SPY", Day0.AddDays(first + i), c, c + 1m, c - 1m, c, 100m, TimeSpan.FromDays(1)))];

    private static BacktestOptions Options => new()
    {
        Instruments = new Dictionary<string, Instrument> { [Spy.Symbol] = Spy },
        EnforceTradingHours = false,
    };

    [Fact]
    public async Task AWarmAverage_TradesTheCrossOnTheFirstBar_WhereACold_OneWouldStillBeFilling()
    {
        // Ten falling closes, then the price jumps above its 5-bar average: a cross up on the first bar traded.
        var warmUp = Days(0, 20m, 19m, 18m, 17m, 16m, 15m, 14m, 13m, 12m, 11m);
        var traded = Days(10, 30m, 31m, 32m);

        var cold = await BacktestEngine.RunAsync(traded, [new SmaCrossStrategy("sma", ["SPY"], 5)], Options, CancellationToken.None);
        var warm = await BacktestEngine.RunAsync(traded, [new SmaCrossStrategy("sma", ["SPY"], 5)], Options with { WarmUpBars = warmUp },
            CancellationToken.None);

        Assert.Empty(cold.Orders);
        var buy = Assert.Single(warm.Orders);
        Assert.Equal((OrderSide.Buy, traded[0].Time, traded[1].Time, 31m), (buy.Side, buy.CreatedAt, buy.FilledAt, buy.FillPrice));
        // The warm-up bars are not the run's: no equity point, no bar processed, nothing ordered before the first traded bar.
        Assert.Equal((3, 3), (warm.BarsProcessed, warm.EquityCurve.Count));
        Assert.Equal(traded[0].Time, warm.EquityCurve[0].Time);
    }

    [Fact]
    public async Task AStrategyThatRemembersActing_StillActsAfterWarmingUp()
    {
        // Like hmm-regime, which carries out each change of regime once: had the warm-up let it act (its signal dropped),
        // it would believe itself done and never enter. During warm-up every symbol reads as having a working order, so
        // it waits instead, and acts on the first bar traded.
        var warm = await BacktestEngine.RunAsync(Days(5, 12m, 13m, 14m), [new ActsOnceFromItsThirdBar()],
            Options with { WarmUpBars = Days(0, 10m, 11m, 10m, 11m, 10m) }, CancellationToken.None);

        var buy = Assert.Single(warm.Orders);
        Assert.Equal((OrderSide.Buy, Day0.AddDays(5)), (buy.Side, buy.CreatedAt));
    }

    [Fact]
    public async Task WarmUpBarsOutsideTheSessions_AreLeftOut_AsTheRunLeavesThemOut()
    {
        // Falling closes on the sessions of 2-5 January 2024, rising ones on the weekend of 6-7. Kept to the calendar, the
        // 3-bar average has seen only the fall (18), so Monday the 8th at 25 crosses up: a buy. Had the weekend counted
        // (average 26, the close above it), Monday would be a cross down, and nothing would be bought.
        var warmUp = Days(1, 20m, 19m, 18m, 17m, 30m, 31m);
        var traded = Days(7, 25m, 26m);

        var run = await BacktestEngine.RunAsync(traded, [new SmaCrossStrategy("sma", ["SPY"], 3)],
            Options with { EnforceTradingHours = true, WarmUpBars = warmUp }, CancellationToken.None);

        Assert.Equal((OrderSide.Buy, Day0.AddDays(7)), (Assert.Single(run.Orders).Side, run.Orders[0].CreatedAt));
    }

    [Fact]
    public async Task AGridWithAtrSpacing_BuildsOnTheFirstBarTraded_AfterWarmingItsAtr()
    {
        var warmUp = Days(0, [.. Enumerable.Range(0, 20).Select(i => 100m + (i % 3))]);
        var traded = Days(20, 101m, 102m, 101m);
        var grid = new GridOptions { LevelsPerSide = 2, AtrMultiple = 1m, AtrPeriod = 14 };

        var cold = await BacktestEngine.RunAsync(traded, [new GridStrategy("grid", ["SPY"], grid)], Options, CancellationToken.None);
        var warm = await BacktestEngine.RunAsync(traded, [new GridStrategy("grid", ["SPY"], grid)], Options with { WarmUpBars = warmUp },
            CancellationToken.None);

        Assert.Empty(cold.Orders);
        Assert.Equal(4, warm.Orders.Count(o => o.CreatedAt == traded[0].Time));
    }

    /// <summary>Signals long once, from its third bar on, whenever nothing is working; then never again.</summary>
    private sealed class ActsOnceFromItsThirdBar : IStrategy
    {
        private int _bars;
        private bool _acted;

        public string Source => "once";

        public bool Handles(string symbol) => true;

        public void OnBar(in Bar bar, IStrategyContext context)
        {
            if (++_bars < 3 || _acted || context.HasOpenOrder(bar.Symbol)) return;
            context.Signal(Source, bar.Symbol, SignalDirection.Long);
            _acted = true;
        }
    }
}
