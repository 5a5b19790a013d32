using System.Globalization;

namespace Bulwark.Core.Strategies;

/// <summary>
/// What the options of the oscillator reversions share (rsi-reversion, stochastic-reversion): long while the oscillator
/// (0 to 100) is below <see cref="Oversold"/>, closed once it is back to <see cref="ExitLevel"/>; with
/// <see cref="AllowShort"/>, short above <see cref="Overbought"/>, covered once it is back to
/// <see cref="EffectiveShortExitLevel"/>. <see cref="TrendPeriod"/> takes longs only above the average of that many
/// closes (simple, or any other <see cref="TrendAverage"/>) and shorts only below (buying the dips of an uptrend). Each
/// strategy sets its own default lines.
/// </summary>
public abstract record OscillatorReversionOptions
{
    /// <summary>The longest oscillator window or trend average, in bars (each keeps its window in memory).</summary>
    public const int MaxPeriod = StrategyProblem.MaxPeriod;

    /// <summary>A reading below this is oversold: a long entry. Above 0, below <see cref="Overbought"/>.</summary>
    public decimal Oversold { get; init; }

    /// <summary>A reading above this is overbought: a short entry with <see cref="AllowShort"/>. Below 100.</summary>
    public decimal Overbought { get; init; }

    /// <summary>
    /// A long is closed once the reading is at least this: the mean the price reverted to. From <see cref="Oversold"/> to
    /// <see cref="Overbought"/> (at <see cref="Overbought"/>, a long is held until the reading reaches the overbought
    /// level, the classic 30/70 rule of the RSI).
    /// </summary>
    public decimal ExitLevel { get; init; } = 50m;

    /// <summary>
    /// A short is covered once the reading is at most this; null: the mirror of <see cref="ExitLevel"/> between the two
    /// lines (<see cref="Oversold"/> + <see cref="Overbought"/> - <see cref="ExitLevel"/>: 50 for 30/70/50, 30 for
    /// 30/70/70), so a short is held as far past the middle as a long is. From <see cref="Oversold"/> to
    /// <see cref="Overbought"/>.
    /// </summary>
    public decimal? ShortExitLevel { get; init; }

    /// <summary>The level a short is covered at: <see cref="ShortExitLevel"/>, or the mirror of <see cref="ExitLevel"/>.</summary>
    public decimal EffectiveShortExitLevel => ShortExitLevel ?? Oversold + Overbought - ExitLevel;

    /// <summary>The four levels, the short's exit worked out.</summary>
    internal OscillatorLevels Levels => new(Oversold, Overbought, ExitLevel, EffectiveShortExitLevel);

    /// <summary>Also trade the mirror image: short while the reading is above <see cref="Overbought"/>.</summary>
    public bool AllowShort { get; init; }

    /// <summary>Longs only while the close is above the average of this many closes, shorts only below; null: any.</summary>
    public int? TrendPeriod { get; init; }

    /// <summary>
    /// The kind of the <see cref="TrendPeriod"/> average: simple by default, or any other
    /// <see cref="Strategies.TrendAverage"/>.
    /// </summary>
    public TrendAverage TrendAverage { get; init; }

    /// <summary>
    /// Every problem, keyed by parameter name; empty when valid: each window and the trend average from 1 to
    /// <see cref="MaxPeriod"/> bars, oversold and overbought strictly inside the scale, oversold below overbought, each
    /// exit from one to the other, then the strategy's own checks.
    /// </summary>
    public IReadOnlyList<StrategyProblem> Validate()
    {
        var problems = new List<StrategyProblem>();
        var inv = CultureInfo.InvariantCulture;
        foreach (var (key, bars) in Windows)
            if (StrategyProblem.OfPeriod(key, bars) is { } bad) problems.Add(bad);
        if (TrendSides.PeriodProblem(TrendPeriod) is { } trend) problems.Add(trend);
        var levels = problems.Count;
        if (Oversold is <= 0m or >= 100m) problems.Add(new("oversold", string.Create(inv, $"must be above 0 and below 100 ({OscillatorName} runs from 0 to 100), got {Oversold}")));
        if (Overbought is <= 0m or >= 100m) problems.Add(new("overbought", string.Create(inv, $"must be above 0 and below 100 ({OscillatorName} runs from 0 to 100), got {Overbought}")));
        if (problems.Count > levels) return problems;
        if (Oversold >= Overbought)
            problems.Add(new("oversold", string.Create(inv, $"must be below overbought ({Overbought}), got {Oversold}")));
        else if (ExitLevel < Oversold || ExitLevel > Overbought)
            problems.Add(new("exitLevel", string.Create(inv, $"must be from oversold ({Oversold}) to overbought ({Overbought}), got {ExitLevel}")));
        else if (ShortExitLevel is { } cover && (cover < Oversold || cover > Overbought))
            problems.Add(new("shortExitLevel", string.Create(inv, $"must be from oversold ({Oversold}) to overbought ({Overbought}), got {cover}")));
        if (problems.Count == 0) problems.AddRange(OwnProblems());
        return problems;
    }

    /// <summary>The oscillator's windows in bars, keyed by parameter name, each from 1 to <see cref="MaxPeriod"/>.</summary>
    private protected abstract IEnumerable<(string Key, int Bars)> Windows { get; }

    /// <summary>A strategy's own problems beyond the windows and levels, checked once those are valid; none by default.</summary>
    private protected virtual IEnumerable<StrategyProblem> OwnProblems() => [];

    /// <summary>The oscillator in messages ("the RSI").</summary>
    private protected abstract string OscillatorName { get; }
}
