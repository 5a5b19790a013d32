using System.Globalization;
using Bulwark.Core.Model;

namespace Bulwark.Core.Risk;

/// <summary>
/// A resting stop order the kernel keeps at the venue for every position a strategy opens, for the whole position: a
/// fixed stop <see cref="StopLossPercent"/> from the average entry price, a trailing stop <see cref="TrailingPercent"/>
/// behind the best close since entry, or both (the tighter one holds). Each percent is in (0, 100); null is off.
/// Levels are on the tick, rounded toward the price, so the loss a stop allows is never more than its percent (gaps and
/// slippage aside).
/// </summary>
public sealed record ProtectiveStop(decimal? StopLossPercent, decimal? TrailingPercent)
{
    /// <summary>What is wrong with the percents, or null: at least one given, each above 0 and under 100.</summary>
    public string? Problem =>
        StopLossPercent is null && TrailingPercent is null ? "neither a stop loss nor a trailing stop is given"
        : Bad(StopLossPercent) ? string.Create(CultureInfo.InvariantCulture, $"stopLossPercent must be above 0 and under 100, got {StopLossPercent}")
        : Bad(TrailingPercent) ? string.Create(CultureInfo.InvariantCulture, $"trailingStopPercent must be above 0 and under 100, got {TrailingPercent}")
        : null;

    /// <summary>
    /// The trailing level of a long (<paramref name="isLong"/>) or short position entered at <paramref name="averagePrice"/>:
    /// <see cref="TrailingPercent"/> behind the entry, or behind <paramref name="close"/> when it is better, and never worse
    /// than <paramref name="floor"/> (the level already reached: a trail only moves toward the price). Null with no trail.
    /// </summary>
    public decimal? TrailFor(bool isLong, decimal averagePrice, decimal close, decimal? floor, Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (TrailingPercent is not { } trail) return null;
        var best = isLong ? Math.Max(averagePrice, close) : Math.Min(averagePrice, close);
        return Tighter(floor, Level(best, trail, isLong, instrument), isLong);
    }

    /// <summary>The stop price: the tighter of the fixed level from <paramref name="averagePrice"/> and <paramref name="trail"/>.</summary>
    public decimal StopFor(bool isLong, decimal averagePrice, decimal? trail, Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        decimal? fixedLevel = StopLossPercent is { } percent ? Level(averagePrice, percent, isLong, instrument) : null;
        return Tighter(fixedLevel, trail, isLong)
            ?? throw new InvalidOperationException("A protective stop needs a stop loss or a trailing stop.");
    }

    /// <summary>Whether <paramref name="percent"/> can be a stop's distance: above 0 and under 100.</summary>
    public static bool IsValidPercent(decimal percent) => percent is > 0m and < 100m;

    private static bool Bad(decimal? percent) => percent is { } p && !IsValidPercent(p);

    private static decimal? Tighter(decimal? a, decimal? b, bool isLong) =>
        a is not { } x ? b : b is not { } y ? x : isLong ? Math.Max(x, y) : Math.Min(x, y);

    /// <summary><paramref name="percent"/> away from <paramref name="reference"/> against the position, on the tick toward it.</summary>
    private static decimal Level(decimal reference, decimal percent, bool isLong, Instrument instrument)
    {
        var raw = isLong ? reference * (1m - (percent / 100m)) : reference * (1m + (percent / 100m));
        var tick = instrument.TickAt(raw);
        var ticks = raw / tick;
        var level = (isLong ? Math.Ceiling(ticks) : Math.Floor(ticks)) * tick;
        return Math.Max(level, instrument.FinestTick);
    }
}
