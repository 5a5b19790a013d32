using System.Globalization;
using Bulwark.Backtest;
using Bulwark.Core.Calendar;
using Bulwark.Core.Model;

namespace Bulwark.Cli;

/// <summary>
/// Sessions of an instrument's exchange, between its first and last bar, in which it has no bar at all: a gap in the
/// data (a vendor's missing days, files joined with a hole) that a backtest steps over as if no time had passed, so
/// a 20-day average spans more than 20 sessions and a position is held through days nobody saw. Said on standard
/// error before the run, like <see cref="PriceJumps"/>; only when bars are kept to the calendar (not --no-calendar).
/// </summary>
internal static class MissingSessions
{
    /// <summary>Per symbol, the sessions without a bar: the first <paramref name="max"/> dates and how many in all.</summary>
    public static IReadOnlyList<(string Symbol, string Exchange, IReadOnlyList<DateOnly> First, int Count)> Find(
        IReadOnlyList<Bar> bars, BacktestOptions options, int max)
    {
        var found = new List<(string, string, IReadOnlyList<DateOnly>, int)>();
        foreach (var group in bars.GroupBy(b => b.Symbol, StringComparer.Ordinal))
        {
            if (!options.Instruments.TryGetValue(group.Key, out var instrument)) continue;
            var calendar = ExchangeCalendars.Get(instrument.Exchange, options.Calendars);
            var traded = SessionsWithBars(group, calendar);
            if (traded.Count == 0) continue;
            var from = Max(traded.Min, calendar.FirstDate);
            var to = traded.Max < calendar.LastDate ? traded.Max : calendar.LastDate;
            if (from > to) continue;
            var missing = calendar.Sessions(from, to).Select(s => s.Date).Where(d => !traded.Contains(d)).ToList();
            if (missing.Count > 0) found.Add((group.Key, calendar.Code, missing.Take(max).ToList(), missing.Count));
        }
        return found;
    }

    /// <summary>Says on standard error what <see cref="Find"/> found; nothing when the data covers every session or the calendar is off.</summary>
    public static void Warn(IReadOnlyList<Bar> bars, BacktestOptions options)
    {
        if (!options.EnforceTradingHours) return;
        const int Shown = 5;
        foreach (var (symbol, exchange, first, count) in Find(bars, options, Shown))
        {
            var dates = string.Join(", ", first.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bulwark: {symbol} has no bar in {count} {exchange} session{(count == 1 ? "" : "s")} between its first and last bar: {dates}{(count > Shown ? ", ..." : "")}; the run steps over them as if no time had passed"));
        }
    }

    /// <summary>The session dates the bars fall in: a daily bar's own date, an intraday bar's session (none outside sessions).</summary>
    private static SortedSet<DateOnly> SessionsWithBars(IEnumerable<Bar> bars, IExchangeCalendar calendar)
    {
        var dates = new SortedSet<DateOnly>();
        ExchangeSession? current = null;
        foreach (var bar in bars)
        {
            if (bar.IsDaily)
            {
                dates.Add(bar.SessionDate);
                continue;
            }
            // Bars come in time order: the session is looked up again only once a bar leaves the last one found.
            if (current is not { } s || bar.Time < s.ExtendedOpen || bar.Time >= s.ExtendedClose) current = calendar.SessionFor(bar.Time);
            if (current is { } session) dates.Add(session.Date);
        }
        return dates;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
