using Bulwark.Backtest.Reports;
using Bulwark.Core.Kernel;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;

namespace Bulwark.Backtest.Tests.Reports;

/// <summary>
/// A trade's excursions count the bars it was open over whole, and its entry and exit prices: the entry's bar when a
/// market entry filled at its open, the exit's bar when a market exit filled at its close, never a bar a stop traded in.
/// </summary>
public sealed class TradeExcursionTests
{
    private static readonly DateTimeOffset Day0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Day(int n) => Day0.AddDays(n);

    /// <summary>X: a quiet day, the entry's day (90-130), a day that reaches 110 and 97, and a wild last day (50-200).</summary>
    private static List<Bar> Bars(string symbol = "X") =>
    [
        new(symbol, Day(0), 10m, 10m, 10m, 10m, 1m, TimeSpan.FromDays(1)),
        new(symbol, Day(1), 100m, 130m, 90m, 101m, 1m, TimeSpan.FromDays(1)),
        new(symbol, Day(2), 101m, 110m, 97m, 105m, 1m, TimeSpan.FromDays(1)),
        new(symbol, Day(3), 105m, 200m, 50m, 120m, 1m, TimeSpan.FromDays(1)),
    ];

    private static BacktestOrder Fill(OrderSide side, decimal price, int day, OrderType type = OrderType.Market, string? tag = null) =>
        new($"o{day}{side}", "X", side, 1m, Day(day - 1), price, Day(day), price, 0m) { Type = type, Tag = tag };

    private static Trade TradeOf(BacktestFill fill, IReadOnlyList<Bar> bars, params BacktestOrder[] orders)
    {
        var result = new BacktestResult(1000m, 1000m, 1000m, bars.Count, 0, orders, []) { Fill = fill };
        return Assert.Single(MetricsCalculator.Compute(result, bars).TradeList);
    }

    [Fact]
    public void FillingAtTheNextOpen_TheEntrysBarCounts_TheExitsDoesNot()
    {
        var trade = TradeOf(BacktestFill.NextOpen, Bars(), Fill(OrderSide.Buy, 100m, 1), Fill(OrderSide.Sell, 105m, 3));
        Assert.Equal((-0.1m, 0.3m), (trade.Mae, trade.Mfe)); // day 1's 90 and 130; day 3's 50 and 200 came after the exit
    }

    [Fact]
    public void FillingAtTheClose_TheExitsBarCounts_TheEntrysDoesNot()
    {
        // In at day 1's close (101): its 90 and 130 came before. Out at day 2's close (105): its 97 and 110 came while held.
        var trade = TradeOf(BacktestFill.Close, Bars(), Fill(OrderSide.Buy, 101m, 1), Fill(OrderSide.Sell, 105m, 2));
        Assert.Equal((Math.Round(-4m / 101m, 8), Math.Round(9m / 101m, 8)), (trade.Mae, trade.Mfe));
    }

    [Fact]
    public void AStopsBar_CountsThroughTheStopsPriceAlone_AndAShortMirrors()
    {
        var stopped = TradeOf(BacktestFill.Close, Bars(), Fill(OrderSide.Buy, 101m, 1),
            Fill(OrderSide.Sell, 96m, 3, OrderType.Stop, BotKernel.ProtectiveStopTag));
        var shorted = TradeOf(BacktestFill.NextOpen, Bars(), Fill(OrderSide.Sell, 100m, 1), Fill(OrderSide.Buy, 105m, 3));

        Assert.Equal((Math.Round(-5m / 101m, 8), Math.Round(9m / 101m, 8)), (stopped.Mae, stopped.Mfe)); // the stop at 96, the high 110
        Assert.True(stopped.StoppedOut);
        Assert.Equal((-0.3m, 0.1m), (shorted.Mae, shorted.Mfe)); // against it: 130; for it: 90
    }

    [Fact]
    public void AnotherSymbolsBars_DoNotCount_AndATradeStillOpenCountsToTheEnd()
    {
        var bars = Bars().Zip(Bars("Y"), (x, y) => new[] { y with { High = 1000m, Low = 1m }, x }).SelectMany(p => p).ToList();
        var trade = TradeOf(BacktestFill.NextOpen, bars, Fill(OrderSide.Buy, 100m, 1));

        Assert.True(trade.IsOpen);
        Assert.Equal((-0.5m, 1m), (trade.Mae, trade.Mfe)); // X's 50 and 200 on the last day; Y's 1 and 1000 never
    }
}
