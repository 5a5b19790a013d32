using System.Globalization;
using Bulwark.Core.Model;

namespace Bulwark.Core.Risk;

/// <summary>
/// The resting exit orders the kernel keeps at the venue for every position a strategy opens, for the whole position: a
/// stop — fixed <see cref="StopLossPercent"/> from the average entry price, <see cref="StopLossAtr"/> average true ranges
/// from it (the range measured when the position took its size), trailing <see cref="TrailingPercent"/> or
/// <see cref="TrailingAtr"/> average true ranges behind the best close since entry (or the best high or low:
/// <see cref="TrailFrom"/>), from the entry or once a profit is shown (<see cref="TrailActivationPercent"/>), or several
/// (the tightest holds) —
/// and a take-profit limit <see cref="TakeProfitPercent"/> beyond the average entry, for the whole position or a share of
/// it (<see cref="ScaleOutPercent"/>), at one level or a ladder of them (<see cref="ScaleOutSteps"/>). Given a stop and a take-profit, both go to the venue in one one-cancels-other group, so at
/// most one of them sells. Each percent is in (0, 100); null is off; at least one is given.
/// Levels are on the tick, rounded toward the price they are measured from, so the loss a stop allows is never more than
/// its percent (gaps and slippage aside), and a take-profit sells within a tick of its percent, never beyond it.
/// </summary>
public sealed record ProtectiveStop(decimal? StopLossPercent, decimal? TrailingPercent, decimal? TakeProfitPercent = null)
{
    /// <summary>The most average true ranges a stop may be from the entry.</summary>
    public const decimal MaxAtrMultiple = 100m;

    /// <summary>The longest average true range a stop may be measured with.</summary>
    public const int MaxAtrPeriod = 1000;

    /// <summary>
    /// A stop this many average true ranges (<see cref="AtrPeriod"/> bars, Wilder's) from the average entry price, the
    /// range taken when the position took its size (opened, added to), so the distance follows the market's volatility
    /// without moving while the position is held; null is off. In (0, <see cref="MaxAtrMultiple"/>].
    /// </summary>
    public decimal? StopLossAtr { get; init; }

    /// <summary>
    /// A stop this many average true ranges (<see cref="AtrPeriod"/> bars, the range as of each bar) behind the best close
    /// since entry (or high or low: <see cref="TrailFrom"/>), moving only toward the price (a chandelier exit); null is off. In (0, <see cref="MaxAtrMultiple"/>].
    /// </summary>
    public decimal? TrailingAtr { get; init; }

    /// <summary>
    /// What <see cref="TrailingPercent"/> and <see cref="TrailingAtr"/> trail behind: the best close since entry (the
    /// default), or the best high of a long and low of a short (<see cref="TrailReference.Extreme"/>).
    /// </summary>
    public TrailReference TrailFrom { get; init; } = TrailReference.Close;

    /// <summary>
    /// A break-even stop: once the best close (or high or low: <see cref="TrailFrom"/>) since entry has gone this percent
    /// beyond the average entry, the stop is moved to the entry (on the tick toward the profit), and stays there or
    /// better; null is off. In (0, 100). It moves a stop, so another (fixed, in ATRs or trailing) must be given.
    /// </summary>
    public decimal? BreakEvenPercent { get; init; }

    /// <summary>
    /// A trail with an activation price: the trail (<see cref="TrailingPercent"/>, <see cref="TrailingAtr"/>) counts only
    /// once the best close (or high or low: <see cref="TrailFrom"/>) since entry has gone this percent beyond the average
    /// entry; until then the fixed stop (<see cref="StopLossPercent"/>, <see cref="StopLossAtr"/>) holds, so a trade is
    /// given room until it shows that profit and then trailed closely. Null: the trail counts from the entry. In (0, 100).
    /// It needs a trail to activate and a fixed stop to hold before it does.
    /// </summary>
    public decimal? TrailActivationPercent { get; init; }

    /// <summary>
    /// A scale-out: the take-profit sells (buys back) only this percent of the position, rounded down to whole lots (at
    /// least one lot; what is left when that is less), and the rest rides on the stop with no further take-profit until
    /// the position closes, or until the next step of a ladder (<see cref="ScaleOutSteps"/>). Null: the take-profit is for
    /// the whole position. In (0, 100). It needs the take-profit it sizes and a stop for the rest.
    /// </summary>
    public decimal? ScaleOutPercent { get; init; }

    /// <summary>The most steps a ladder of take-profits may have.</summary>
    public const int MaxScaleOutSteps = 10;

    /// <summary>
    /// A ladder of scale-outs: how many take-profits the position is scaled out at, one at a time. Step k (from 1) is a
    /// limit k × <see cref="TakeProfitPercent"/> beyond the average entry and sells <see cref="ScaleOutPercent"/> of the
    /// position as it was before the first step (or what is left), so 33 percent at 2, 4 and 6 percent with 3 steps takes
    /// a third at each. After the last step the rest rides on the stop alone. 1 (the default) is a single scale-out. In
    /// [1, <see cref="MaxScaleOutSteps"/>]; above 1 it needs <see cref="ScaleOutPercent"/>, every step but the last must
    /// leave something to sell, and a short's last step must stay above zero (steps × takeProfitPercent under 100).
    /// </summary>
    public int ScaleOutSteps { get; init; } = 1;

    /// <summary>Why a ladder without a scale-out's share is refused, after the parameter's name.</summary>
    public const string StepsNeedAScaleOut = "ladders a scale-out: give scaleOutPercent with it";

    /// <summary>
    /// The take-profit's step for a position that has scaled out <paramref name="scaleOuts"/> times in its round trip
    /// (0 for the first), or null once the ladder is done: the rest then rides on the stop. Without a scale-out, a
    /// take-profit for the whole position is always step 0.
    /// </summary>
    public int? TakeProfitStep(int scaleOuts) =>
        ScaleOutPercent is null ? 0 : scaleOuts < ScaleOutSteps ? Math.Max(scaleOuts, 0) : null;

    /// <summary>Why a scale-out without a take-profit is refused, after the parameter's name.</summary>
    public const string ScaleOutNeedsATarget = "sizes the take-profit: give takeProfitPercent or takeProfitAtr with it";

    /// <summary>Why a scale-out without a stop is refused, after the parameter's name.</summary>
    public const string ScaleOutNeedsAStop =
        "leaves the rest of the position without an exit once the take-profit fills: give stopLossPercent, stopLossAtr, trailingStopPercent or trailingStopAtr with it";

    /// <summary>
    /// What the take-profit of a <paramref name="position"/> (unsigned) sells: <see cref="ScaleOutPercent"/> of
    /// <paramref name="basis"/> (the position before the ladder's first step; the position itself when null or not above
    /// 0) rounded down to whole lots of <paramref name="lotSize"/>, at least one lot and at most the position; the whole
    /// position without a scale-out.
    /// </summary>
    public decimal TakeProfitQuantity(decimal position, decimal lotSize, decimal? basis = null)
    {
        if (ScaleOutPercent is not { } percent || lotSize <= 0m) return position;
        var of = basis is > 0m ? basis.Value : position;
        var lots = Math.Floor(of * percent / 100m / lotSize);
        return Math.Min(position, Math.Max(1m, lots) * lotSize);
    }

    /// <summary>Why an activation without a trail is refused, after the parameter's name.</summary>
    public const string ActivationNeedsATrail = "activates a trail: give trailingStopPercent or trailingStopAtr with it";

    /// <summary>Why an activation without a fixed stop is refused, after the parameter's name.</summary>
    public const string ActivationNeedsAFixedStop =
        "leaves the position without a stop until the trail activates: give stopLossPercent or stopLossAtr with it";

    /// <summary>Why a break-even alone is refused, after the parameter's name.</summary>
    public const string BreakEvenNeedsAStop = "moves a stop: give stopLossPercent, stopLossAtr, trailingStopPercent or trailingStopAtr with it";

    /// <summary>
    /// Whether a stop or the take-profit is measured in average true ranges, so the kernel needs the symbol's range to set
    /// it (and entries wait for it).
    /// </summary>
    public bool UsesAtr => StopLossAtr is not null || TrailingAtr is not null || TakeProfitAtr is not null;

    /// <summary>
    /// A take-profit this many average true ranges (<see cref="AtrPeriod"/> bars) beyond the average entry price, the range
    /// taken when the position took its size (as <see cref="StopLossAtr"/>'s), so a 2 ATR stop and a 3 ATR target keep
    /// their ratio in any market; on a ladder (<see cref="ScaleOutSteps"/>) step k is k times it. Null is off. In (0,
    /// <see cref="MaxAtrMultiple"/>]; not with <see cref="TakeProfitPercent"/>.
    /// </summary>
    public decimal? TakeProfitAtr { get; init; }

    /// <summary>Why a take-profit given both in percent and in ATRs is refused, after the parameter's name.</summary>
    public const string TargetTwice = "is the take-profit's distance in average true ranges: give it or takeProfitPercent, not both";

    /// <summary>Whether a take-profit is kept, in percent or in ATRs.</summary>
    public bool HasTarget => TakeProfitPercent is not null || TakeProfitAtr is not null;

    /// <summary>The bars of the average true range <see cref="StopLossAtr"/> and <see cref="TrailingAtr"/> count, in [1, <see cref="MaxAtrPeriod"/>].</summary>
    public int AtrPeriod { get; init; } = 14;

    /// <summary>Whether a stop (fixed, in ATRs or trailing) is kept; false for a take-profit alone.</summary>
    public bool HasStop => StopLossPercent is not null || TrailingPercent is not null || StopLossAtr is not null || TrailingAtr is not null;

    /// <summary>
    /// What is wrong with the exits, or null: at least one given, each percent above 0 and under 100, each multiple of the
    /// range above 0 and at most <see cref="MaxAtrMultiple"/>, the range's period from 1 to <see cref="MaxAtrPeriod"/>.
    /// </summary>
    public string? Problem =>
        !HasStop && !HasTarget ? "neither a stop loss, a trailing stop nor a take-profit is given"
        : BadMultiple(StopLossAtr) ? string.Create(CultureInfo.InvariantCulture, $"stopLossAtr must be above 0 and at most {MaxAtrMultiple}, got {StopLossAtr}")
        : BadMultiple(TrailingAtr) ? string.Create(CultureInfo.InvariantCulture, $"trailingStopAtr must be above 0 and at most {MaxAtrMultiple}, got {TrailingAtr}")
        : BadMultiple(TakeProfitAtr) ? string.Create(CultureInfo.InvariantCulture, $"takeProfitAtr must be above 0 and at most {MaxAtrMultiple}, got {TakeProfitAtr}")
        : TakeProfitAtr is not null && TakeProfitPercent is not null ? "takeProfitAtr " + TargetTwice
        : AtrPeriod is < 1 or > MaxAtrPeriod ? string.Create(CultureInfo.InvariantCulture, $"atrPeriod must be from 1 to {MaxAtrPeriod}, got {AtrPeriod}")
        : Bad(StopLossPercent) ? string.Create(CultureInfo.InvariantCulture, $"stopLossPercent must be above 0 and under 100, got {StopLossPercent}")
        : Bad(TrailingPercent) ? string.Create(CultureInfo.InvariantCulture, $"trailingStopPercent must be above 0 and under 100, got {TrailingPercent}")
        : Bad(TakeProfitPercent) ? string.Create(CultureInfo.InvariantCulture, $"takeProfitPercent must be above 0 and under 100, got {TakeProfitPercent}")
        : Bad(BreakEvenPercent) ? string.Create(CultureInfo.InvariantCulture, $"breakEvenPercent must be above 0 and under 100, got {BreakEvenPercent}")
        : BreakEvenPercent is not null && !HasStop ? "breakEvenPercent " + BreakEvenNeedsAStop
        : Bad(TrailActivationPercent) ? string.Create(CultureInfo.InvariantCulture, $"trailActivationPercent must be above 0 and under 100, got {TrailActivationPercent}")
        : TrailActivationPercent is not null && !HasTrail ? "trailActivationPercent " + ActivationNeedsATrail
        : TrailActivationPercent is not null && StopLossPercent is null && StopLossAtr is null ? "trailActivationPercent " + ActivationNeedsAFixedStop
        : Bad(ScaleOutPercent) ? string.Create(CultureInfo.InvariantCulture, $"scaleOutPercent must be above 0 and under 100, got {ScaleOutPercent}")
        : ScaleOutPercent is not null && !HasTarget ? "scaleOutPercent " + ScaleOutNeedsATarget
        : ScaleOutPercent is not null && !HasStop ? "scaleOutPercent " + ScaleOutNeedsAStop
        : LadderProblem;

    /// <summary>What is wrong with <see cref="ScaleOutSteps"/>, after the parameter's name, or null.</summary>
    private string? LadderProblem => StepsProblem(ScaleOutSteps, ScaleOutPercent, TakeProfitPercent) is { } problem ? "scaleOutSteps " + problem : null;

    /// <summary>
    /// What is wrong with a ladder of <paramref name="steps"/> of <paramref name="share"/> percent each at multiples of
    /// <paramref name="target"/> percent, after the parameter's name, or null: from 1 to <see cref="MaxScaleOutSteps"/>;
    /// above 1 it needs a share, the steps before the last must leave something to sell, and the last must be under 100
    /// percent from the entry (a short's take-profit above zero).
    /// </summary>
    public static string? StepsProblem(int steps, decimal? share, decimal? target) =>
        steps is < 1 or > MaxScaleOutSteps ? string.Create(CultureInfo.InvariantCulture, $"must be from 1 to {MaxScaleOutSteps}, got {steps}")
        : steps == 1 ? null
        : share is not { } s ? StepsNeedAScaleOut
        : (steps - 1) * s >= 100m ? string.Create(CultureInfo.InvariantCulture,
            $"of {steps} at scaleOutPercent {s} would sell the whole position before the last step: give fewer steps or a smaller share")
        : target is { } t && steps * t >= 100m ? string.Create(CultureInfo.InvariantCulture,
            $"of {steps} at takeProfitPercent {t} puts the last step {steps * t} percent from the entry: a short's must be under 100")
        : null;

    /// <summary>
    /// Whether <paramref name="best"/> (the best close or extreme since entry) has gone <paramref name="percent"/> beyond
    /// <paramref name="averagePrice"/>: above it for a long, below it for a short.
    /// </summary>
    private static bool Reached(bool isLong, decimal averagePrice, decimal best, decimal percent) =>
        isLong ? best >= averagePrice * (1m + (percent / 100m)) : best <= averagePrice * (1m - (percent / 100m));

    /// <summary>Whether the stop's level moves toward the price while the position is held: a trail, or a break-even.</summary>
    public bool Moves => HasTrail || BreakEvenPercent is not null;

    /// <summary>
    /// The level the stop has moved to: <paramref name="trail"/> (see <see cref="TrailFor"/>), and with a break-even, the
    /// entry once <paramref name="best"/> has gone <see cref="BreakEvenPercent"/> beyond it, never worse than
    /// <paramref name="floor"/> (the level reached already); the tighter of the two. Null while neither has moved it.
    /// </summary>
    public decimal? MovedLevel(bool isLong, decimal averagePrice, decimal best, decimal? floor, decimal? trail, Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (BreakEvenPercent is not { } percent) return trail;
        decimal? breakEven = Reached(isLong, averagePrice, best, percent) ? OnTick(averagePrice, below: isLong, instrument) : null;
        return Tighter(trail, Tighter(floor, breakEven, isLong), isLong);
    }

    /// <summary>Whether a trailing stop is kept (in percent, in ATRs or both), whose level only moves toward the price.</summary>
    public bool HasTrail => TrailingPercent is not null || TrailingAtr is not null;

    /// <summary>
    /// The trailing level of a long (<paramref name="isLong"/>) or short position entered at <paramref name="averagePrice"/>:
    /// <see cref="TrailingPercent"/> behind the entry, or behind <paramref name="best"/> (the best close or extreme seen
    /// while it was held, <see cref="TrailFrom"/>) when it is better, and never worse
    /// than <paramref name="floor"/> (the level already reached: a trail only moves toward the price); given a trail in
    /// ATRs as well, the tighter of it (<see cref="AtrTrailFor"/>, with the range <paramref name="atr"/>) and that. Null with
    /// no trail. With <see cref="TrailActivationPercent"/>, the floor alone until <paramref name="best"/> has gone that far
    /// beyond the entry: after a restart the floor is the level the venue holds, so a trail that had moved it keeps it.
    /// </summary>
    public decimal? TrailFor(bool isLong, decimal averagePrice, decimal best, decimal? floor, Instrument instrument, decimal? atr = null)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (HasTrail && TrailActivationPercent is { } activation && !Reached(isLong, averagePrice, best, activation)) return floor;
        decimal? percentTrail = null;
        if (TrailingPercent is { } trail)
        {
            var from = isLong ? Math.Max(averagePrice, best) : Math.Min(averagePrice, best);
            percentTrail = Tighter(floor, Level(from, trail, isLong, instrument), isLong);
        }
        return Tighter(percentTrail, AtrTrailFor(isLong, averagePrice, best, atr, floor, instrument), isLong);
    }

    /// <summary>
    /// The stop an entry at <paramref name="entry"/> gets at once: the tightest of its fixed level, its level in ATRs and
    /// its trail from the entry, with the range <paramref name="atr"/> (null before it is known: the levels in ATRs are
    /// then left out). Null when none of them is known.
    /// </summary>
    public decimal? EntryStop(bool isLong, decimal entry, Instrument instrument, decimal? atr)
    {
        var atrLevel = StopLossAtr is not null && atr is { } range ? AtrLevelFor(isLong, entry, range, instrument) : null;
        return StopFor(isLong, entry, TrailFor(isLong, entry, entry, null, instrument, atr), instrument, atrLevel);
    }

    /// <summary>
    /// The stop price: the tightest of the fixed level from <paramref name="averagePrice"/>, <paramref name="atrLevel"/>
    /// (see <see cref="AtrLevelFor"/>) and <paramref name="trail"/>; null when none is known (a stop in ATRs alone before
    /// the range is).
    /// </summary>
    public decimal? StopFor(bool isLong, decimal averagePrice, decimal? trail, Instrument instrument, decimal? atrLevel = null)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        decimal? fixedLevel = StopLossPercent is { } percent ? Level(averagePrice, percent, isLong, instrument) : null;
        return Tighter(Tighter(fixedLevel, atrLevel, isLong), trail, isLong);
    }

    /// <summary>
    /// The ATR trailing level of a long (<paramref name="isLong"/>) or short position entered at
    /// <paramref name="averagePrice"/>: <see cref="TrailingAtr"/> times <paramref name="atr"/> behind the entry, or behind
    /// <paramref name="best"/> (the best close or extreme so far) when it is better, on the tick toward it, and never worse
    /// than <paramref name="floor"/> (the level reached already). Without the range (null), the floor alone. Null with no
    /// ATR trail.
    /// </summary>
    public decimal? AtrTrailFor(bool isLong, decimal averagePrice, decimal best, decimal? atr, decimal? floor, Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (TrailingAtr is not { } multiple) return null;
        if (atr is not { } range) return floor;
        var from = isLong ? Math.Max(averagePrice, best) : Math.Min(averagePrice, best);
        var raw = isLong ? from - (multiple * range) : from + (multiple * range);
        return Tighter(floor, OnTick(Math.Max(raw, 0m), below: isLong, instrument), isLong);
    }

    /// <summary>
    /// <see cref="StopLossAtr"/> times <paramref name="atr"/> below a long's <paramref name="averagePrice"/> (above a
    /// short's), on the tick toward it, so the loss it allows is never more than that many ranges; at least the finest
    /// tick. Null with no stop in ATRs.
    /// </summary>
    public decimal? AtrLevelFor(bool isLong, decimal averagePrice, decimal atr, Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (StopLossAtr is not { } multiple) return null;
        var raw = isLong ? averagePrice - (multiple * atr) : averagePrice + (multiple * atr);
        return OnTick(Math.Max(raw, 0m), below: isLong, instrument);
    }

    /// <summary>
    /// The take-profit's limit price for a long (<paramref name="isLong"/>) or short position entered at
    /// <paramref name="averagePrice"/>: <see cref="TakeProfitPercent"/> beyond it (times <paramref name="step"/> + 1 on a
    /// ladder, <see cref="ScaleOutSteps"/>), on the tick toward it. Null with none.
    /// </summary>
    public decimal? TakeProfitFor(bool isLong, decimal averagePrice, Instrument instrument, int step = 0)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (TakeProfitPercent is not { } percent) return null;
        // A short's take-profit is a buy below the entry: a percent under 100 (the ladder's last step too) keeps it above zero.
        return Level(averagePrice, percent * (step + 1), !isLong, instrument);
    }

    /// <summary>
    /// The take-profit's limit price in ATRs for a long (<paramref name="isLong"/>) or short position entered at
    /// <paramref name="averagePrice"/>: <see cref="TakeProfitAtr"/> times <paramref name="atr"/> beyond it (times
    /// <paramref name="step"/> + 1 on a ladder), on the tick toward it; a short's at least the finest tick. Null with none.
    /// </summary>
    public decimal? TakeProfitAtrFor(bool isLong, decimal averagePrice, decimal atr, Instrument instrument, int step = 0)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (TakeProfitAtr is not { } multiple) return null;
        var distance = multiple * atr * (step + 1);
        return OnTick(Math.Max(isLong ? averagePrice + distance : averagePrice - distance, 0m), below: !isLong, instrument);
    }

    /// <summary>
    /// The range a take-profit in ATRs was set with, read back from its <paramref name="level"/> at <paramref name="step"/>
    /// (a restart knows the level the venue holds, not the range): the distance from <paramref name="averagePrice"/> over
    /// (step + 1) times <see cref="TakeProfitAtr"/>. Null with none, or a level at the entry.
    /// </summary>
    public decimal? RangeOfTarget(decimal averagePrice, decimal level, int step) =>
        TakeProfitAtr is { } multiple && level != averagePrice ? Math.Abs(level - averagePrice) / (multiple * (step + 1)) : null;

    /// <summary>Whether <paramref name="percent"/> can be a stop's distance: above 0 and under 100.</summary>
    public static bool IsValidPercent(decimal percent) => percent is > 0m and < 100m;

    private static bool Bad(decimal? percent) => percent is { } p && !IsValidPercent(p);

    private static bool BadMultiple(decimal? multiple) => multiple is <= 0m or > MaxAtrMultiple;

    /// <summary>The tighter of two stop levels (the higher for a long, the lower for a short); either may be null.</summary>
    private static decimal? Tighter(decimal? a, decimal? b, bool isLong) =>
        a is not { } x ? b : b is not { } y ? x : isLong ? Math.Max(x, y) : Math.Min(x, y);

    /// <summary>
    /// <paramref name="percent"/> below <paramref name="reference"/> (<paramref name="below"/>) or above it, on the tick
    /// toward it: a long's stop or a short's take-profit below, a short's stop or a long's take-profit above.
    /// </summary>
    private static decimal Level(decimal reference, decimal percent, bool below, Instrument instrument)
    {
        var raw = below ? reference * (1m - (percent / 100m)) : reference * (1m + (percent / 100m));
        return OnTick(raw, below, instrument);
    }

    /// <summary><paramref name="raw"/> on the tick toward the price it was measured from (up when <paramref name="below"/> it), at least the finest tick.</summary>
    private static decimal OnTick(decimal raw, bool below, Instrument instrument)
    {
        var tick = instrument.TickAt(raw);
        var ticks = raw / tick;
        var level = (below ? Math.Ceiling(ticks) : Math.Floor(ticks)) * tick;
        return Math.Max(level, instrument.FinestTick);
    }
}
