using System.Diagnostics;
using Bulwark.Core.Calendar;

namespace Bulwark.Cli.Bench;

/// <summary>
/// The XNYS calendar: one is-open query at pseudo-random instants over 1990-2050 (mean nanoseconds and bytes allocated
/// per query), sessions per second through <see cref="IExchangeCalendar.Sessions"/> for the whole range, and the time
/// to build the calendar from its rules (warm: after one build has loaded the zone database and jitted the code).
/// </summary>
internal static class CalendarBenchmarks
{
    private const int DistinctInstants = 1 << 20; // 16 MB of instants, reused round-robin
    private const int Seed = 20240311;

    public static BenchResult[] Run(int queries = 10_000_000)
    {
        ExchangeCalendars.Create(ExchangeCalendars.Nyse, ExchangeCalendarOverrides.None); // warm-up: JIT, zone database
        var build = Stopwatch.StartNew();
        var calendar = ExchangeCalendars.Create(ExchangeCalendars.Nyse, ExchangeCalendarOverrides.None);
        build.Stop();
        var instants = RandomInstants(calendar);
        Query(calendar, instants, DistinctInstants); // warm-up: JIT tiers, caches

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        var open = Query(calendar, instants, queries);
        var elapsed = Stopwatch.GetElapsedTime(started);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        if (open == 0) throw new InvalidOperationException("calendar benchmark: no instant was open, the instants are wrong");

        return
        [
            new("calendar.isOpenNs", elapsed.TotalNanoseconds / queries, "ns"),
            new("calendar.isOpenBytes", allocated / (double)queries, "bytes"),
            new("calendar.sessionsPerSec", SessionsPerSecond(calendar), "sessions/s"),
            new("calendar.buildMs", build.Elapsed.TotalMilliseconds, "ms"),
        ];
    }

    private static int Query(IExchangeCalendar calendar, DateTimeOffset[] instants, int queries)
    {
        var open = 0;
        for (var i = 0; i < queries; i++)
            if (calendar.IsOpen(instants[i & (DistinctInstants - 1)]).IsOpen) open++;
        return open;
    }

    /// <summary>All sessions 1990-2050, repeatedly, for about a second.</summary>
    private static double SessionsPerSecond(IExchangeCalendar calendar)
    {
        var sessions = 0L;
        calendar.Sessions(calendar.FirstDate, calendar.LastDate); // warm-up
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromSeconds(1))
            sessions += calendar.Sessions(calendar.FirstDate, calendar.LastDate).Count;
        return sessions / sw.Elapsed.TotalSeconds;
    }

    private static DateTimeOffset[] RandomInstants(IExchangeCalendar calendar)
    {
        var start = new DateTimeOffset(calendar.FirstDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1);
        var span = new DateTimeOffset(calendar.LastDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - start;
        var random = new Random(Seed);
        var instants = new DateTimeOffset[DistinctInstants];
        for (var i = 0; i < instants.Length; i++) instants[i] = start.AddTicks(random.NextInt64(span.Ticks));
        return instants;
    }
}
