using Bulwark.Backtest.Reports;

namespace Bulwark.Backtest.Tests.Reports;

public sealed class EntryTimeStatisticsTests
{
    // Monday 2024-01-01.
    private static readonly DateTimeOffset Monday = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Trade Trade(DateTimeOffset entry, decimal pnl, bool open = false) =>
        new("X", TradeSide.Long, entry, 100m, open ? null : entry.AddHours(1), open ? null : 100m + pnl, 1m, pnl, pnl / 100m);

    [Fact]
    public void ByWeekday_GroupsTheClosedTradesByTheDayTheyWereEntered_MondayFirstAndSundayLast()
    {
        Trade[] trades =
        [
            Trade(Monday.AddDays(6), 5m), Trade(Monday.AddDays(2), -4m), Trade(Monday, 10m), Trade(Monday.AddDays(7), -2m),
            Trade(Monday.AddDays(2), 6m), Trade(Monday.AddDays(1), 3m, open: true),
        ];

        var byDay = EntryTimeStatistics.ByWeekday(trades);

        Assert.Equal(
            [
                new EntryTimeStatistics((int)DayOfWeek.Monday, 2, 0.5m, 8m, 0.04m),
                new EntryTimeStatistics((int)DayOfWeek.Wednesday, 2, 0.5m, 2m, 0.01m),
                new EntryTimeStatistics((int)DayOfWeek.Sunday, 1, 1m, 5m, 0.05m),
            ],
            byDay);
    }

    [Fact]
    public void ByHour_GroupsIntradayEntriesByTheirUtcHour_AndIsEmptyForDailyBars()
    {
        Trade[] intraday = [Trade(Monday.AddHours(15).AddMinutes(30), 4m), Trade(Monday.AddHours(14).AddMinutes(45), -1m), Trade(Monday.AddHours(15), -3m)];
        Trade[] daily = [Trade(Monday, 1m), Trade(Monday.AddDays(1), 2m)];

        var byHour = EntryTimeStatistics.ByHour(intraday);

        Assert.Equal([new EntryTimeStatistics(14, 1, 0m, -1m, -0.01m), new EntryTimeStatistics(15, 2, 0.5m, 1m, 0.005m)], byHour);
        Assert.Empty(EntryTimeStatistics.ByHour(daily));
        Assert.Empty(EntryTimeStatistics.ByWeekday([Trade(Monday, 1m, open: true)]));
    }
}
