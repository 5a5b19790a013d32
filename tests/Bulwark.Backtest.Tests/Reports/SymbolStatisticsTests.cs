using Bulwark.Backtest.Reports;

namespace Bulwark.Backtest.Tests.Reports;

public sealed class SymbolStatisticsTests
{
    private static readonly DateTimeOffset Day0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Trade Trade(string symbol, decimal pnl, bool open = false) =>
        new(symbol, TradeSide.Long, Day0, 10m, open ? null : Day0.AddDays(1), open ? null : 10m, 1m, pnl, pnl / 10m);

    [Fact]
    public void EachSymbol_SumsItsClosedTrades_KeepsItsOpenTradeApart_AndSaysItsShareOfTheStartingCash()
    {
        Trade[] trades = [Trade("MSFT", 30m), Trade("AAPL", -10m), Trade("MSFT", -5m), Trade("AAPL", 40m), Trade("MSFT", 15m, open: true)];

        var bySymbol = SymbolStatistics.Of(trades, 1000m);

        Assert.Equal(
            [new SymbolStatistics("AAPL", 2, 0, 0.5m, 30m, 0m, 0.03m), new SymbolStatistics("MSFT", 2, 1, 0.5m, 25m, 15m, 0.04m)],
            bySymbol);
        Assert.Equal(new SymbolStatistics("X", 0, 1, 0m, 0m, 7m, 0.007m), Assert.Single(SymbolStatistics.Of([Trade("X", 7m, open: true)], 1000m)));
        Assert.Empty(SymbolStatistics.Of([], 1000m));
    }
}
