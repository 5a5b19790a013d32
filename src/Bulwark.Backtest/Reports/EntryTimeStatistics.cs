namespace Bulwark.Backtest.Reports;

/// <summary>
/// What the closed trades entered at one time came to: on one weekday, or in one hour of the day, so an edge that
/// lives on Mondays or in the first hour, or a loss that does, is seen. Times are read in the zone given (the
/// exchange's, for an intraday run on one exchange, so a New York session's first hour is 09:00 in winter and summer
/// alike) or in UTC. PnL as <see cref="Trade.PnL"/> has it; open trades are left out, as from the win rate.
/// </summary>
/// <param name="Key">The weekday (0 Sunday to 6 Saturday) or the hour (0 to 23) the trades were entered in.</param>
/// <param name="Trades">Closed trades entered then.</param>
/// <param name="WinRate">Winning trades over them.</param>
/// <param name="PnL">Their PnL, summed.</param>
/// <param name="AverageReturn">Their mean return (<see cref="Trade.Return"/>).</param>
public sealed record EntryTimeStatistics(int Key, int Trades, decimal WinRate, decimal PnL, decimal AverageReturn)
{
    /// <summary>Each weekday some closed trade was entered on, Monday first (Sunday last, as a trading week reads).</summary>
    /// <param name="zone">The zone whose dates count; null: UTC (a daily bar stamped at midnight UTC keeps its own date).</param>
    public static IReadOnlyList<EntryTimeStatistics> ByWeekday(IReadOnlyList<Trade> trades, TimeZoneInfo? zone = null) =>
        Of(trades, t => (int)Local(t.EntryTime, zone).DayOfWeek, key => (key + 6) % 7);

    /// <summary>
    /// Each hour of the day (in <paramref name="zone"/>, or UTC) some closed trade was entered in, in order; empty when every
    /// trade was entered at the same time of day (daily bars), where the hour says nothing.
    /// </summary>
    public static IReadOnlyList<EntryTimeStatistics> ByHour(IReadOnlyList<Trade> trades, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var closed = trades.Where(t => !t.IsOpen).ToList();
        return closed.Select(t => t.EntryTime.UtcDateTime.TimeOfDay).Distinct().Count() < 2 ? []
            : Of(closed, t => Local(t.EntryTime, zone).Hour, key => key);
    }

    private static DateTime Local(DateTimeOffset time, TimeZoneInfo? zone) =>
        zone is null ? time.UtcDateTime : TimeZoneInfo.ConvertTime(time, zone).DateTime;

    private static List<EntryTimeStatistics> Of(IReadOnlyList<Trade> trades, Func<Trade, int> keyOf, Func<int, int> order)
    {
        ArgumentNullException.ThrowIfNull(trades);
        return
        [
            .. trades.Where(t => !t.IsOpen).GroupBy(keyOf).OrderBy(g => order(g.Key)).Select(g =>
            {
                var count = g.Count();
                return new EntryTimeStatistics(g.Key, count, (decimal)g.Count(t => t.PnL > 0m) / count, g.Sum(t => t.PnL),
                    g.Sum(t => t.Return) / count);
            }),
        ];
    }
}
