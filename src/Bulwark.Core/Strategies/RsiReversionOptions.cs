using System.Globalization;

namespace Bulwark.Core.Strategies;

/// <summary>
/// The levels of <see cref="RsiReversionStrategy"/>: long while Wilder's RSI of <see cref="RsiPeriod"/> closes is below
/// <see cref="Oversold"/>, closed once it is back to <see cref="ExitLevel"/>; with <see cref="AllowShort"/>, short above
/// <see cref="Overbought"/>, covered once it is back to <see cref="EffectiveShortExitLevel"/>. <see cref="TrendPeriod"/> takes longs only
/// above the simple average of that many closes and shorts only below (buying the dips of an uptrend).
/// </summary>
public sealed record RsiReversionOptions
{
    /// <summary>The longest RSI or trend average, in bars (the average keeps its window in memory).</summary>
    public const int MaxPeriod = 100_000;

    public int RsiPeriod { get; init; } = 14;

    /// <summary>An RSI below this is oversold: a long entry. Above 0, below <see cref="Overbought"/>.</summary>
    public decimal Oversold { get; init; } = 30m;

    /// <summary>An RSI above this is overbought: a short entry with <see cref="AllowShort"/>. Below 100.</summary>
    public decimal Overbought { get; init; } = 70m;

    /// <summary>
    /// A long is closed once the RSI is at least this, a short once it is at most this: the mean the price reverted to.
    /// From <see cref="Oversold"/> to <see cref="Overbought"/> (at <see cref="Overbought"/>, a long is held until the
    /// RSI reaches the overbought level, the classic 30/70 rule).
    /// </summary>
    public decimal ExitLevel { get; init; } = 50m;

    /// <summary>
    /// A short is covered once the RSI is at most this; null: the mirror of <see cref="ExitLevel"/> between the two lines
    /// (<see cref="Oversold"/> + <see cref="Overbought"/> - <see cref="ExitLevel"/>: 50 for 30/70/50, 30 for 30/70/70),
    /// so a short is held as far past the middle as a long is. From <see cref="Oversold"/> to <see cref="Overbought"/>.
    /// </summary>
    public decimal? ShortExitLevel { get; init; }

    /// <summary>The level a short is covered at: <see cref="ShortExitLevel"/>, or the mirror of <see cref="ExitLevel"/>.</summary>
    public decimal EffectiveShortExitLevel => ShortExitLevel ?? Oversold + Overbought - ExitLevel;

    /// <summary>Also trade the mirror image: short while the RSI is above <see cref="Overbought"/>.</summary>
    public bool AllowShort { get; init; }

    /// <summary>Longs only while the close is above the simple average of this many closes, shorts only below; null: any.</summary>
    public int? TrendPeriod { get; init; }

    /// <summary>Every problem, keyed by parameter name; empty when valid.</summary>
    public IReadOnlyList<StrategyProblem> Validate()
    {
        var problems = new List<StrategyProblem>();
        var inv = CultureInfo.InvariantCulture;
        if (RsiPeriod is < 1 or > MaxPeriod) problems.Add(new("rsiPeriod", string.Create(inv, $"must be from 1 to {MaxPeriod} bars, got {RsiPeriod}")));
        if (TrendPeriod is < 1 or > MaxPeriod) problems.Add(new("trendPeriod", string.Create(inv, $"must be from 1 to {MaxPeriod} bars, got {TrendPeriod}")));
        var levels = problems.Count;
        if (Oversold is <= 0m or >= 100m) problems.Add(new("oversold", string.Create(inv, $"must be above 0 and below 100 (the RSI runs from 0 to 100), got {Oversold}")));
        if (Overbought is <= 0m or >= 100m) problems.Add(new("overbought", string.Create(inv, $"must be above 0 and below 100 (the RSI runs from 0 to 100), got {Overbought}")));
        if (problems.Count > levels) return problems;
        if (Oversold >= Overbought)
            problems.Add(new("oversold", string.Create(inv, $"must be below overbought ({Overbought}), got {Oversold}")));
        else if (ExitLevel < Oversold || ExitLevel > Overbought)
            problems.Add(new("exitLevel", string.Create(inv, $"must be from oversold ({Oversold}) to overbought ({Overbought}), got {ExitLevel}")));
        else if (ShortExitLevel is { } cover && (cover < Oversold || cover > Overbought))
            problems.Add(new("shortExitLevel", string.Create(inv, $"must be from oversold ({Oversold}) to overbought ({Overbought}), got {cover}")));
        return problems;
    }
}
