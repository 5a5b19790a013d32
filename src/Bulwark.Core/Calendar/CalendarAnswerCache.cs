namespace Bulwark.Core.Calendar;

/// <summary>
/// Remembers, for one calendar, how long its last answers stay true: "open until the next close" and "in (or
/// out of) the end-of-day flatten window until the next boundary". The kernel asks on every signal; the calendar
/// is consulted again only when the clock crosses a boundary. Single-threaded (the kernel's writer).
/// </summary>
internal sealed class CalendarAnswerCache(IExchangeCalendar calendar, bool extended, TimeSpan flattenBeforeClose)
{
    private DateTimeOffset _openFrom = DateTimeOffset.MaxValue;
    private DateTimeOffset _openUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _windowFrom = DateTimeOffset.MaxValue;
    private DateTimeOffset _windowUntil = DateTimeOffset.MinValue;
    private bool _inWindow;

    public IExchangeCalendar Calendar { get; } = calendar;

    /// <summary>Null when open; otherwise the calendar's status (why it is closed).</summary>
    public MarketStatus? ClosedStatus(DateTimeOffset now)
    {
        if (now >= _openFrom && now < _openUntil) return null;
        var status = Calendar.IsOpen(now, extended);
        if (!status.IsOpen) return status;
        _openFrom = now;
        _openUntil = Calendar.NextClose(now, extended);
        return null;
    }

    /// <summary>Whether <paramref name="now"/> is between the flatten time and a close followed by a gap.</summary>
    public bool InFlattenWindow(DateTimeOffset now, out ExchangeSession session)
    {
        session = default;
        if (now < _windowFrom || now >= _windowUntil) Recompute(now);
        if (!_inWindow) return false;
        session = Calendar.SessionFor(now)!.Value;
        return true;
    }

    private void Recompute(DateTimeOffset now)
    {
        _windowFrom = now;
        if (Calendar.SessionFor(now) is not { } s)
        {
            _inWindow = false;
            _windowUntil = Calendar.NextOpen(now, extended: true);
            return;
        }
        var flattenAt = s.Close - flattenBeforeClose;
        if (Calendar.IsOpen(s.Close).IsOpen)
        {
            (_inWindow, _windowUntil) = (false, s.ExtendedClose); // the next session starts at this close: no gap
        }
        else if (now < flattenAt)
        {
            (_inWindow, _windowUntil) = (false, flattenAt);
        }
        else if (now < s.Close)
        {
            (_inWindow, _windowUntil) = (true, s.Close);
        }
        else
        {
            (_inWindow, _windowUntil) = (false, s.ExtendedClose);
        }
    }
}
