using Bulwark.Backtest.Reports;

namespace Bulwark.Backtest.Tests.Reports;

public sealed class SideStatisticsTests
{
    private static readonly DateTimeOffset Day0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Trade Trade(TradeSide side, decimal pnl, int days = 1, bool open = false) =>
        new("X", side, Day0, 10m, open ? null : Day0.AddDays(days), open ? null : 10m, 1m, pnl, pnl / 10m);

    [Fact]
    public void EachSide_CountsAndSumsItsOwnTrades_KeepingOpenTradesApart()
    {
        Trade[] trades =
        [
            Trade(TradeSide.Long, 30m, days: 2), Trade(TradeSide.Short, -10m), Trade(TradeSide.Long, -5m, days: 4),
            Trade(TradeSide.Short, -20m, days: 3), Trade(TradeSide.Long, 15m, open: true), Trade(TradeSide.Short, 6m, days: 5),
        ];

        var sides = SideStatistics.Of(trades);

        Assert.Equal([TradeSide.Long, TradeSide.Short], sides.Select(s => s.Side));
        var (longs, shorts) = (sides[0], sides[1]);
        Assert.Equal((2, 1, 0.5m, 25m, 15m), (longs.Trades, longs.OpenTrades, longs.WinRate, longs.PnL, longs.OpenPnL));
        Assert.Equal((6m, 12.5m, TimeSpan.FromDays(3)), (longs.Stats.ProfitFactor, longs.Stats.Expectancy, longs.Stats.AverageHold));
        Assert.Equal((3, 0, 1m / 3m, -24m, 0m), (shorts.Trades, shorts.OpenTrades, shorts.WinRate, shorts.PnL, shorts.OpenPnL));
        Assert.Equal((0.2m, -8m, TimeSpan.FromDays(3)), (shorts.Stats.ProfitFactor, shorts.Stats.Expectancy, shorts.Stats.AverageHold));
    }

    [Fact]
    public void ASideThatNeverTraded_IsLeftOut_AndOneOnlyOpenHasNoClosedFigures()
    {
        var sides = SideStatistics.Of([Trade(TradeSide.Short, 4m, open: true)]);

        var only = Assert.Single(sides);
        Assert.Equal((TradeSide.Short, 0, 1, 0m, 0m, 4m), (only.Side, only.Trades, only.OpenTrades, only.WinRate, only.PnL, only.OpenPnL));
        Assert.Null(only.Stats.ProfitFactor);
        Assert.Empty(SideStatistics.Of([]));
    }
}
