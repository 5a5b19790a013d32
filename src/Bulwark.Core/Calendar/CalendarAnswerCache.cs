namespace Bulwark.Core.Calendar;

/// <summary>
/// Remembers, for one calendar, how long its last answers stay true: "open until the next close" and "in (or
/// out of) the end-of-day flatten window until the next boundary". The kernel asks on every signal; the calendar
/// is consulted again only when the clock crosses a boundary. Single-threaded (the kernel's writer).
/// </summary>
internal sealed class CalendarAnswerCache(IExchangeCalendar calendar, bool extended, TimeSpan flattenBeforeClose,
    TimeSpan noEntriesAfterOpen = default, TimeSpan noEntriesBeforeClose = default)
{
    private DateTimeOffset _openFrom = DateTimeOffset.MaxValue;
    private DateTimeOffset _openUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _windowFrom = DateTimeOffset.MaxValue;
    private DateTimeOffset _windowUntil = DateTimeOffset.MinValue;
    private bool _inWindow;
    private bool _beforeLongGap;
    private DateTimeOffset _entryFrom = DateTimeOffset.MaxValue;
    private DateTimeOffset _entryUntil = DateTimeOffset.MinValue;
    private EntryWindow _entryWindow;
    private ExchangeSession _entrySession;

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

    /// <summary>
    /// Whether the close of the flatten window <see cref="InFlattenWindow"/> last answered yes for is followed by more than a
    /// day without trading (a weekend, a holiday): the next regular open is more than 24 hours after it.
    /// </summary>
    public bool BeforeLongGap => _inWindow && _beforeLongGap;

    /// <summary>Whether <paramref name="now"/> is between the flatten time and a close followed by a gap.</summary>
    public bool InFlattenWindow(DateTimeOffset now, out ExchangeSession session)
    {
        session = default;
        if (now < _windowFrom || now >= _windowUntil) Recompute(now);
        if (!_inWindow) return false;
        session = Calendar.SessionFor(now)!.Value;
        return true;
    }

    /// <summary>Which no-entry window <paramref name="now"/> is in, and the session it belongs to when in one.</summary>
    public EntryWindow InEntryWindow(DateTimeOffset now, out ExchangeSession session)
    {
        if (now < _entryFrom || now >= _entryUntil) RecomputeEntryWindow(now);
        session = _entrySession;
        return _entryWindow;
    }

    /// <summary>
    /// The window at <paramref name="now"/> and how long the answer holds: the opening window runs from a regular open that
    /// follows a gap (the instant before it is closed) for <c>noEntriesAfterOpen</c>, at most to the close; the closing
    /// window runs for <c>noEntriesBeforeClose</c> up to a close followed by a gap, as the flatten window does. The pre- and
    /// post-market are in neither.
    /// </summary>
    private void RecomputeEntryWindow(DateTimeOffset now)
    {
        _entryFrom = now;
        _entryWindow = EntryWindow.None;
        if (Calendar.SessionFor(now) is not { } s)
        {
            _entryUntil = Calendar.NextOpen(now, extended: true);
            return;
        }
        _entrySession = s;
        if (now < s.Open) _entryUntil = s.Open;
        else if (now >= s.Close) _entryUntil = s.ExtendedClose;
        else if (noEntriesAfterOpen > TimeSpan.Zero && now < s.Open + noEntriesAfterOpen
                 && !Calendar.IsOpen(s.Open.AddTicks(-1)).IsOpen)
            (_entryWindow, _entryUntil) = (EntryWindow.AfterOpen, Min(s.Open + noEntriesAfterOpen, s.Close));
        else if (noEntriesBeforeClose > TimeSpan.Zero && !Calendar.IsOpen(s.Close).IsOpen)
            (_entryWindow, _entryUntil) = now >= s.Close - noEntriesBeforeClose
                ? (EntryWindow.BeforeClose, s.Close)
                : (EntryWindow.None, s.Close - noEntriesBeforeClose);
        else _entryUntil = s.Close;
    }

    /// <summary>More than a day until the next regular open; at the calendar's last session, when none is known, a gap too.</summary>
    private bool LongGapAfter(DateTimeOffset close)
    {
        try
        {
            return Calendar.NextOpen(close) - close > TimeSpan.FromDays(1);
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

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
            _beforeLongGap = LongGapAfter(s.Close);
        }
        else
        {
            (_inWindow, _windowUntil) = (false, s.ExtendedClose);
        }
    }
}
