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

    [Fact]
    public void InTheExchangesZone_TheSessionsHoursStayPut_AcrossDaylightSaving_AndLateEntriesKeepTheirLocalDay()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        // 09:30 in New York is 14:30 UTC in January (EST) and 13:30 UTC in July (EDT); 20:30 on a Friday in New York is
        // Saturday 01:30 UTC in January.
        var january = new DateTimeOffset(2024, 1, 5, 14, 30, 0, TimeSpan.Zero); // a Friday
        var july = new DateTimeOffset(2024, 7, 5, 13, 30, 0, TimeSpan.Zero);    // a Friday
        var lateFriday = new DateTimeOffset(2024, 1, 6, 1, 30, 0, TimeSpan.Zero);
        Trade[] trades = [Trade(january, 2m), Trade(july, -1m), Trade(lateFriday, 3m)];

        var byHour = EntryTimeStatistics.ByHour(trades, newYork);
        var byDay = EntryTimeStatistics.ByWeekday(trades, newYork);

        Assert.Equal([new EntryTimeStatistics(9, 2, 0.5m, 1m, 0.005m), new EntryTimeStatistics(20, 1, 1m, 3m, 0.03m)], byHour);
        Assert.Equal([new EntryTimeStatistics((int)DayOfWeek.Friday, 3, 2m / 3m, 4m, 0.04m / 3m)], byDay);
        // In UTC the same entries are three hours and two days.
        Assert.Equal([1, 13, 14], EntryTimeStatistics.ByHour(trades).Select(e => e.Key));
        Assert.Equal([(int)DayOfWeek.Friday, (int)DayOfWeek.Saturday], EntryTimeStatistics.ByWeekday(trades).Select(e => e.Key));
    }
}
