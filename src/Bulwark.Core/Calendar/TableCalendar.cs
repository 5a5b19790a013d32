namespace Bulwark.Core.Calendar;

/// <summary>
/// A calendar as precomputed tables: the sessions as UTC ticks in order, and for every local day the session dated that
/// day, its holiday name, and the first session still running at its midnight. A query finds the local day by division
/// (<see cref="LocalDayTable"/>), then looks at one or two sessions: constant time, no allocation, no zone conversion.
/// </summary>
internal sealed class TableCalendar : IExchangeCalendar
{
    private readonly LocalDayTable _days;
    private readonly SessionRow[] _rows;
    private readonly DateOnly[] _dates;
    private readonly string?[] _earlyCloseNames;
    private readonly int[] _sessionOfDay;      // session dated that day, or -1
    private readonly string?[] _holidayNames;  // closed weekday: its name; weekend: null
    private readonly int[] _firstLive;         // first session whose extended close is after the day's midnight

    /// <param name="sessions">In order, not overlapping, each dated within the range and ending by its end.</param>
    /// <param name="holidays">Names of the closed days that are not weekends.</param>
    public TableCalendar(string code, string name, LocalDayTable days, IReadOnlyList<SessionSpec> sessions,
        IReadOnlyDictionary<DateOnly, string> holidays)
    {
        Code = code;
        Name = name;
        _days = days;
        _rows = new SessionRow[sessions.Count];
        _dates = new DateOnly[sessions.Count];
        _earlyCloseNames = new string?[sessions.Count];
        _sessionOfDay = new int[days.Count];
        _holidayNames = new string?[days.Count];
        _firstLive = new int[days.Count];
        Array.Fill(_sessionOfDay, -1);
        for (var i = 0; i < sessions.Count; i++) AddSession(i, sessions[i]);
        foreach (var (date, holiday) in holidays)
        {
            var day = days.IndexOf(date, nameof(holidays));
            if (_sessionOfDay[day] >= 0) throw new InvalidOperationException($"{code}: {date:yyyy-MM-dd} is both a session and '{holiday}'.");
            _holidayNames[day] = holiday;
        }
        var s = 0;
        for (var day = 0; day < days.Count; day++)
        {
            while (s < _rows.Length && _rows[s].ExtendedClose <= days.Midnight(day)) s++;
            _firstLive[day] = s;
        }
    }

    public string Code { get; }
    public string Name { get; }
    public TimeZoneInfo TimeZone => _days.Zone;
    public DateOnly FirstDate => _days.First;
    public DateOnly LastDate => _days.Last;

    public int SessionCount => _rows.Length;

    public IReadOnlyList<ExchangeSession> Sessions(DateOnly from, DateOnly to)
    {
        _ = _days.IndexOf(from, nameof(from));
        _ = _days.IndexOf(to, nameof(to));
        if (to < from) throw new ArgumentException($"'to' ({to:yyyy-MM-dd}) is before 'from' ({from:yyyy-MM-dd}).", nameof(to));
        var start = FirstSessionOnOrAfter(from);
        var end = FirstSessionOnOrAfter(to.AddDays(1));
        var result = new ExchangeSession[end - start];
        for (var i = start; i < end; i++) result[i - start] = Session(i);
        return result;
    }

    public ExchangeSession? SessionOn(DateOnly date)
    {
        var s = _sessionOfDay[_days.IndexOf(date, nameof(date))];
        return s < 0 ? null : Session(s);
    }

    public bool IsEarlyClose(DateOnly date)
    {
        var s = _sessionOfDay[_days.IndexOf(date, nameof(date))];
        return s >= 0 && _earlyCloseNames[s] is not null;
    }

    public MarketStatus IsOpen(DateTimeOffset at, bool extended = false)
    {
        var t = at.UtcTicks;
        var day = _days.LocalDay(t);
        var s = LiveSession(day, t);
        if (s < 0) return ClosedBetweenSessions(day, t);
        var row = _rows[s];
        var occasion = _earlyCloseNames[s];
        if (t < row.Open)
            return extended ? new(true, MarketStatusReason.PreMarket, occasion) : new(false, MarketStatusReason.BeforeOpen, occasion);
        if (t < row.Close) return new(true, MarketStatusReason.Regular, occasion);
        return extended ? new(true, MarketStatusReason.PostMarket, occasion) : AfterClose(s);
    }

    public DateTimeOffset NextOpen(DateTimeOffset at, bool extended = false)
    {
        var t = at.UtcTicks;
        var s = _firstLive[_days.LocalDay(t)];
        while (s < _rows.Length && (extended ? _rows[s].ExtendedOpen : _rows[s].Open) <= t) s++;
        if (s == _rows.Length) throw NoSessionAfter(at, "opens");
        return Utc(extended ? _rows[s].ExtendedOpen : _rows[s].Open);
    }

    public DateTimeOffset NextClose(DateTimeOffset at, bool extended = false)
    {
        var t = at.UtcTicks;
        var s = _firstLive[_days.LocalDay(t)];
        while (s < _rows.Length && (extended ? _rows[s].ExtendedClose : _rows[s].Close) <= t) s++;
        if (s == _rows.Length) throw NoSessionAfter(at, "closes");
        return Utc(extended ? _rows[s].ExtendedClose : _rows[s].Close);
    }

    public ExchangeSession? SessionFor(DateTimeOffset at)
    {
        var t = at.UtcTicks;
        var s = LiveSession(_days.LocalDay(t), t);
        return s < 0 ? null : Session(s);
    }

    /// <summary>The session whose extended window contains <paramref name="t"/>, or -1.</summary>
    private int LiveSession(int day, long t)
    {
        var s = _firstLive[day];
        while (s < _rows.Length && _rows[s].ExtendedClose <= t) s++;
        return s < _rows.Length && _rows[s].ExtendedOpen <= t ? s : -1;
    }

    private MarketStatus ClosedBetweenSessions(int day, long t)
    {
        var s = _sessionOfDay[day];
        if (s >= 0)
            return t < _rows[s].ExtendedOpen ? new(false, MarketStatusReason.BeforeOpen, _earlyCloseNames[s]) : AfterClose(s);
        var holiday = _holidayNames[day];
        return holiday is null ? new(false, MarketStatusReason.Weekend, null) : new(false, MarketStatusReason.Holiday, holiday);
    }

    private MarketStatus AfterClose(int s) => _earlyCloseNames[s] is { } occasion
        ? new(false, MarketStatusReason.EarlyClose, occasion)
        : new(false, MarketStatusReason.AfterClose, null);

    private ExchangeSession Session(int s)
    {
        var row = _rows[s];
        return new(_dates[s], Utc(row.Open), Utc(row.Close), Utc(row.ExtendedOpen), Utc(row.ExtendedClose), _earlyCloseNames[s] is not null);
    }

    private int FirstSessionOnOrAfter(DateOnly date)
    {
        var index = Array.BinarySearch(_dates, date);
        return index >= 0 ? index : ~index;
    }

    private void AddSession(int i, SessionSpec spec)
    {
        var day = _days.IndexOf(spec.Date, "sessions");
        if (!spec.Bounds.IsValid) throw new InvalidOperationException($"{Code}: session {spec.Date:yyyy-MM-dd} has bounds out of order.");
        if (i > 0 && (_dates[i - 1] >= spec.Date || _rows[i - 1].ExtendedClose > spec.Bounds.ExtendedOpen))
            throw new InvalidOperationException($"{Code}: session {spec.Date:yyyy-MM-dd} is out of order or overlaps the one before.");
        if (spec.Bounds.ExtendedClose > _days.Midnight(_days.Count))
            throw new InvalidOperationException($"{Code}: session {spec.Date:yyyy-MM-dd} ends after the calendar's range.");
        _rows[i] = spec.Bounds;
        _dates[i] = spec.Date;
        _earlyCloseNames[i] = spec.EarlyCloseName;
        _sessionOfDay[day] = i;
    }

    private InvalidOperationException NoSessionAfter(DateTimeOffset at, string what) =>
        new($"{Code}: no session {what} after {at:O} within the calendar's range (to {LastDate:yyyy-MM-dd}).");

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);
}
