using System.Globalization;

namespace Bulwark.Core.MarketData;

/// <summary>
/// Turns the wall-clock date-times of a data file (no offset written, as exchange-local vendor data has them) into
/// UTC instants in the file's time zone, one row after another.
/// <list type="bullet">
/// <item>A time that does not exist (skipped when daylight saving time starts) is an error, never silently moved.</item>
/// <item>A time that exists twice (repeated when daylight saving time ends) is the first of its instants after the
/// previous row. So the hour written twice over by a 24-hour market reads as the two hours it was, in order; an hour
/// written once reads as its first occurrence.</item>
/// </list>
/// A day without a switch is looked up in the zone once and then costs a subtraction per row.
/// </summary>
internal sealed class WallClockTimes(TimeZoneInfo zone)
{
    private long _day = long.MinValue; // local ticks of the cached day's midnight
    private long _dayOffset;           // that day's UTC offset in ticks, valid for the whole day
    private bool _plainDay;            // the day has no daylight-saving switch

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The UTC instant of the wall-clock time <paramref name="local"/> (its ticks read as local), or why none.</summary>
    /// <param name="previous">The previous row's instant, if there is one: it picks between the two readings of a repeated time.</param>
    public bool TryToUtc(DateTime local, DateTimeOffset? previous, out DateTimeOffset utc, out string? problem)
    {
        problem = null;
        var ticks = local.Ticks;
        var day = ticks - (ticks % TimeSpan.TicksPerDay);
        if (day != _day) Load(day);
        long offset;
        if (_plainDay) offset = _dayOffset;
        else if (!TrySwitchDayOffset(new DateTime(ticks, DateTimeKind.Unspecified), previous, out offset, out problem))
        {
            utc = default;
            return false;
        }
        var utcTicks = ticks - offset;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            utc = default;
            problem = $"{Describe(local)} in {Zone.Id} is outside the representable range";
            return false;
        }
        utc = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return true;
    }

    /// <summary>
    /// A day is plain when its first and last instants have the same offset: a switch changes the offset, and
    /// <see cref="TimeZoneInfo.GetUtcOffset(DateTime)"/> gives the standard offset for a skipped or repeated time, so a
    /// switch at midnight is seen too.
    /// </summary>
    private void Load(long day)
    {
        _day = day;
        var first = Zone.GetUtcOffset(new DateTime(day, DateTimeKind.Unspecified));
        var lastTicks = Math.Min(day + TimeSpan.TicksPerDay - 1, DateTime.MaxValue.Ticks);
        var last = Zone.GetUtcOffset(new DateTime(lastTicks, DateTimeKind.Unspecified));
        _plainDay = first == last;
        _dayOffset = first.Ticks;
    }

    private bool TrySwitchDayOffset(DateTime local, DateTimeOffset? previous, out long offset, out string? problem)
    {
        problem = null;
        offset = 0;
        if (Zone.IsInvalidTime(local))
        {
            problem = $"{Describe(local)} does not exist in {Zone.Id} (the clocks skip it when daylight saving time starts)";
            return false;
        }
        if (!Zone.IsAmbiguousTime(local))
        {
            offset = Zone.GetUtcOffset(local).Ticks;
            return true;
        }
        // The earliest instant after the previous row (larger offsets are earlier instants), else the earliest.
        var offsets = Zone.GetAmbiguousTimeOffsets(local).Select(o => o.Ticks).OrderDescending().ToArray();
        offset = previous is { } p ? offsets.FirstOrDefault(o => local.Ticks - o > p.UtcTicks, offsets[0]) : offsets[0];
        return true;
    }

    private static string Describe(DateTime local) => local.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');
}
