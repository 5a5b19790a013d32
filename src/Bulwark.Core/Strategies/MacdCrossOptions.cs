using System.Globalization;

namespace Bulwark.Core.Strategies;

/// <summary>
/// The periods of <see cref="MacdCrossStrategy"/>: the MACD line is EMA(<see cref="Fast"/>) less
/// EMA(<see cref="Slow"/>) of the closes, its signal line an EMA(<see cref="Signal"/>) of it; <see cref="Cross"/> says
/// which line it must cross. <see cref="TrendPeriod"/> takes long crosses only above the average of that many closes
/// (simple, or any other <see cref="TrendAverage"/>) and short ones only below.
/// </summary>
public sealed record MacdCrossOptions
{
    /// <summary>The longest average, in bars.</summary>
    public const int MaxPeriod = StrategyProblem.MaxPeriod;

    public int Fast { get; init; } = 12;

    public int Slow { get; init; } = 26;

    /// <summary>The signal line's period; not used when <see cref="Cross"/> is <see cref="CrossLine.Zero"/>.</summary>
    public int Signal { get; init; } = 9;

    public CrossLine Cross { get; init; } = CrossLine.Signal;

    /// <summary>
    /// Which signal-line crosses are entries, by the line's side of zero; an exit is never filtered. Only with
    /// <see cref="CrossLine.Signal"/>: a cross of zero is at zero.
    /// </summary>
    public MacdZeroFilter ZeroFilter { get; init; } = MacdZeroFilter.None;

    /// <summary>Whether a cross of the line at <paramref name="line"/> may open a long (or a short), by <see cref="ZeroFilter"/>.</summary>
    public bool Admits(decimal line, bool isLong) => ZeroFilter switch
    {
        MacdZeroFilter.Trend => isLong ? line > 0m : line < 0m,
        MacdZeroFilter.Reversal => isLong ? line < 0m : line > 0m,
        _ => true,
    };

    /// <summary>Also trade the mirror image: short when the MACD line crosses below, covered when it crosses back above.</summary>
    public bool AllowShort { get; init; }

    /// <summary>
    /// The bars of the trend average an entry must be on the right side of (a long's close above it, a short's below), as
    /// in the common rule of taking MACD buys only above the 200-day average; null: none. Exits are never filtered.
    /// </summary>
    public int? TrendPeriod { get; init; }

    /// <summary>
    /// The kind of the <see cref="TrendPeriod"/> average: simple by default, or any other
    /// <see cref="Strategies.TrendAverage"/>.
    /// </summary>
    public TrendAverage TrendAverage { get; init; }

    /// <summary>The values the MACD line is ready after (the signal line's when it is crossed); a cross needs one more.</summary>
    public int ValuesToReady => Cross == CrossLine.Zero ? Slow : Slow + Signal - 1;

    /// <summary>Every problem, keyed by parameter name; empty when valid.</summary>
    public IReadOnlyList<StrategyProblem> Validate()
    {
        var problems = new List<StrategyProblem>();
        var inv = CultureInfo.InvariantCulture;
        var fast = StrategyProblem.OfPeriod("fast", Fast);
        if (fast is not null) problems.Add(fast);
        if (StrategyProblem.OfPeriod("slow", Slow) is { } slow) problems.Add(slow);
        else if (fast is null && Slow <= Fast) problems.Add(new("slow", string.Create(inv, $"must be above fast ({Fast}): the MACD line is the fast average less the slow one; got {Slow}")));
        if (StrategyProblem.OfPeriod("signal", Signal) is { } signal) problems.Add(signal);
        if (Cross == CrossLine.Zero && ZeroFilter != MacdZeroFilter.None)
            problems.Add(new("zeroFilter", $"needs cross=signal: it keeps the signal-line crosses on one side of zero, and a cross of zero is at zero; got {ZeroFilter.ToString().ToLowerInvariant()}"));
        if (TrendSides.PeriodProblem(TrendPeriod) is { } trend) problems.Add(trend);
        return problems;
    }
}
