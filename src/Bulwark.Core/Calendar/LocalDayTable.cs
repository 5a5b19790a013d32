using System.Diagnostics.CodeAnalysis;

namespace Bulwark.Core.Calendar;

/// <summary>
/// The UTC instant of every local midnight of a zone over a date range, so that the local date of an instant is a
/// division and one comparison: no <see cref="TimeZoneInfo"/> call per query. Day index 0 is <see cref="First"/>.
/// </summary>
internal sealed class LocalDayTable
{
    private readonly long[] _midnights;
    private readonly long _span;

    public LocalDayTable(TimeZoneInfo zone, DateOnly first, DateOnly last)
    {
        if (last < first) throw new ArgumentException($"last date {last:yyyy-MM-dd} is before first date {first:yyyy-MM-dd}");
        Zone = zone;
        First = first;
        Count = last.DayNumber - first.DayNumber + 1;
        _midnights = new long[Count + 1];
        for (var i = 0; i <= Count; i++) _midnights[i] = ToUtcTicks(zone, first.AddDays(i), TimeOnly.MinValue);
        _span = _midnights[Count] - _midnights[0];
    }

    public TimeZoneInfo Zone { get; }
    public DateOnly First { get; }
    public DateOnly Last => First.AddDays(Count - 1);
    public int Count { get; }

    /// <summary>UTC ticks of the local midnight that starts day <paramref name="day"/> (0..Count, Count being the end).</summary>
    public long Midnight(int day) => _midnights[day];

    public DateOnly DateOf(int day) => First.AddDays(day);

    public bool Contains(DateOnly date) => date >= First && date.DayNumber - First.DayNumber < Count;

    /// <exception cref="ArgumentOutOfRangeException">The date is outside the table.</exception>
    public int IndexOf(DateOnly date, string paramName)
    {
        if (!Contains(date))
            throw new ArgumentOutOfRangeException(paramName, date, $"{date:yyyy-MM-dd} is outside the calendar's range {First:yyyy-MM-dd}..{Last:yyyy-MM-dd}.");
        return date.DayNumber - First.DayNumber;
    }

    /// <summary>The local day an instant falls on.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The instant is outside the table.</exception>
    public int LocalDay(long utcTicks)
    {
        var offset = utcTicks - _midnights[0];
        if ((ulong)offset >= (ulong)_span) ThrowOutOfRange(utcTicks);
        // Day lengths differ from 24 h only by daylight saving, so the estimate is off by at most one day.
        var day = Math.Min((int)(offset / TimeSpan.TicksPerDay), Count - 1);
        if (utcTicks >= _midnights[day + 1]) return day + 1;
        return utcTicks < _midnights[day] ? day - 1 : day;
    }

    /// <summary>
    /// A local wall-clock time as UTC ticks: midnight plus the time on a day of exactly 24 hours (no daylight-saving
    /// switch), the zone's rules otherwise.
    /// </summary>
    public long ToUtcTicks(DateOnly date, TimeOnly time)
    {
        var day = date.DayNumber - First.DayNumber;
        return day >= 0 && day < Count && _midnights[day + 1] - _midnights[day] == TimeSpan.TicksPerDay
            ? _midnights[day] + time.Ticks
            : ToUtcTicks(Zone, date, time);
    }

    /// <summary>
    /// A local wall-clock time as UTC ticks. A time skipped by a daylight-saving jump moves forward to the first valid
    /// minute; an ambiguous time (clocks going back) is taken as the earlier, daylight, instant.
    /// </summary>
    public static long ToUtcTicks(TimeZoneInfo zone, DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var daylight = offsets.Max();
            return local.Ticks - daylight.Ticks;
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone).Ticks;
    }

    [DoesNotReturn]
    private void ThrowOutOfRange(long utcTicks) =>
        throw new ArgumentOutOfRangeException("at", new DateTimeOffset(utcTicks, TimeSpan.Zero),
            $"{new DateTimeOffset(utcTicks, TimeSpan.Zero):O} is outside the calendar's range {First:yyyy-MM-dd}..{Last:yyyy-MM-dd} ({Zone.Id}).");
}
