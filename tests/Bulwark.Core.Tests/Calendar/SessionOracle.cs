using Bulwark.Core.Calendar;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Calendar;

/// <summary>The calendar's full session list, searched the slow and obvious way.</summary>
internal sealed class SessionOracle
{
    private readonly IReadOnlyList<ExchangeSession> _sessions;
    private readonly DateTimeOffset _start;
    private readonly int _minutes;

    public SessionOracle(IExchangeCalendar calendar)
    {
        _sessions = calendar.Sessions(calendar.FirstDate, calendar.LastDate);
        _start = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(calendar.FirstDate.ToDateTime(TimeOnly.MinValue), calendar.TimeZone), TimeSpan.Zero);
        // Stop a few days before the end so every instant has a next open and close.
        var end = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(calendar.LastDate.AddDays(-5).ToDateTime(TimeOnly.MinValue), calendar.TimeZone), TimeSpan.Zero);
        _minutes = (int)(end - _start).TotalMinutes;
    }

    /// <summary>Uniform instants over the range, and instants within a tick of a session boundary.</summary>
    public Arbitrary<DateTimeOffset> Instants()
    {
        var uniform = from m in Gen.Choose(0, _minutes - 1)
                      from s in Gen.Choose(0, 59)
                      select _start.AddMinutes(m).AddSeconds(s);
        // From the second session: a tick before the first one's open (CRYPTO's is midnight of the calendar's first day)
        // may fall before the calendar's range, which the calendar refuses rightly.
        var boundary = from i in Gen.Choose(1, _sessions.Count - 10)
                       from which in Gen.Choose(0, 3)
                       from delta in Gen.Choose(-1, 1)
                       select Boundary(_sessions[i], which).AddTicks(delta);
        return Gen.OneOf(uniform, boundary).ToArbitrary();
    }

    public ExchangeSession? Containing(DateTimeOffset t, bool extended)
    {
        foreach (var s in _sessions)
            if (extended ? s.ExtendedOpen <= t && t < s.ExtendedClose : s.Open <= t && t < s.Close) return s;
        return null;
    }

    public DateTimeOffset FirstAfter(DateTimeOffset t, Func<ExchangeSession, DateTimeOffset> bound) =>
        _sessions.Select(bound).First(b => b > t);

    private static DateTimeOffset Boundary(ExchangeSession s, int which) => which switch
    {
        0 => s.ExtendedOpen,
        1 => s.Open,
        2 => s.Close,
        _ => s.ExtendedClose,
    };
}
