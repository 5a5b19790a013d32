using System.Globalization;
using Bulwark.Core.Model;

namespace Bulwark.Core.Risk;

/// <summary>
/// The resting exit orders the kernel keeps at the venue for every position a strategy opens, for the whole position: a
/// stop — fixed <see cref="StopLossPercent"/> from the average entry price, trailing <see cref="TrailingPercent"/> behind
/// the best close since entry, or both (the tighter one holds) — and a take-profit limit <see cref="TakeProfitPercent"/>
/// beyond the average entry. Given a stop and a take-profit, both go to the venue in one one-cancels-other group, so at
/// most one of them sells. Each percent is in (0, 100); null is off; at least one is given.
/// Levels are on the tick, rounded toward the price they are measured from, so the loss a stop allows is never more than
/// its percent (gaps and slippage aside), and a take-profit sells within a tick of its percent, never beyond it.
/// </summary>
public sealed record ProtectiveStop(decimal? StopLossPercent, decimal? TrailingPercent, decimal? TakeProfitPercent = null)
{
    /// <summary>Whether a stop (fixed or trailing) is kept; false for a take-profit alone.</summary>
    public bool HasStop => StopLossPercent is not null || TrailingPercent is not null;

    /// <summary>What is wrong with the percents, or null: at least one given, each above 0 and under 100.</summary>
    public string? Problem =>
        !HasStop && TakeProfitPercent is null ? "neither a stop loss, a trailing stop nor a take-profit is given"
        : Bad(StopLossPercent) ? string.Create(CultureInfo.InvariantCulture, $"stopLossPercent must be above 0 and under 100, got {StopLossPercent}")
        : Bad(TrailingPercent) ? string.Create(CultureInfo.InvariantCulture, $"trailingStopPercent must be above 0 and under 100, got {TrailingPercent}")
        : Bad(TakeProfitPercent) ? string.Create(CultureInfo.InvariantCulture, $"takeProfitPercent must be above 0 and under 100, got {TakeProfitPercent}")
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

    /// <summary>
    /// The take-profit's limit price for a long (<paramref name="isLong"/>) or short position entered at
    /// <paramref name="averagePrice"/>: <see cref="TakeProfitPercent"/> beyond it, on the tick toward it. Null with none.
    /// </summary>
    public decimal? TakeProfitFor(bool isLong, decimal averagePrice, Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (TakeProfitPercent is not { } percent) return null;
        // A short's take-profit is a buy below the entry: a percent under 100 keeps it above zero.
        return Level(averagePrice, percent, !isLong, instrument);
    }

    /// <summary>Whether <paramref name="percent"/> can be a stop's distance: above 0 and under 100.</summary>
    public static bool IsValidPercent(decimal percent) => percent is > 0m and < 100m;

    private static bool Bad(decimal? percent) => percent is { } p && !IsValidPercent(p);

    private static decimal? Tighter(decimal? a, decimal? b, bool isLong) =>
        a is not { } x ? b : b is not { } y ? x : isLong ? Math.Max(x, y) : Math.Min(x, y);

    /// <summary>
    /// <paramref name="percent"/> below <paramref name="reference"/> (<paramref name="below"/>) or above it, on the tick
    /// toward it: a long's stop or a short's take-profit below, a short's stop or a long's take-profit above.
    /// </summary>
    private static decimal Level(decimal reference, decimal percent, bool below, Instrument instrument)
    {
        var raw = below ? reference * (1m - (percent / 100m)) : reference * (1m + (percent / 100m));
        var tick = instrument.TickAt(raw);
        var ticks = raw / tick;
        var level = (below ? Math.Ceiling(ticks) : Math.Floor(ticks)) * tick;
        return Math.Max(level, instrument.FinestTick);
    }
}
