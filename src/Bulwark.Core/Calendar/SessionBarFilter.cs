using Bulwark.Core.Model;

namespace Bulwark.Core.Calendar;

/// <summary>
/// Which bars fall in an exchange's sessions: a daily (or longer) bar by its session date, an intraday bar by its
/// open time (regular hours, or extended with <paramref name="extended"/>). Backtests drop the rest by default.
/// </summary>
public sealed class SessionBarFilter(IExchangeCalendar calendar, bool extended = false)
{
    public IExchangeCalendar Calendar { get; } = calendar;

    public bool Accepts(in Bar bar) =>
        bar.IsDaily
            ? Calendar.SessionOn(bar.SessionDate) is not null
            : Calendar.IsOpen(bar.Time, extended).IsOpen;
}
