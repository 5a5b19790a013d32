using System.Globalization;

namespace Bulwark.Core.Strategies;

/// <summary>
/// The levels of an oscillator from 0 to 100 (rsi-reversion's RSI, stochastic-reversion's %K or %D) and their checks:
/// oversold and overbought strictly inside the scale, oversold below overbought, and each exit between the two.
/// </summary>
/// <param name="ShortExitLevel">The level a short is covered at (the mirror of the long's already worked out).</param>
internal readonly record struct OscillatorLevels(decimal Oversold, decimal Overbought, decimal ExitLevel, decimal ShortExitLevel)
{
    /// <summary>What a reading of <paramref name="value"/> is against the levels: below oversold is stretched down, and so on.</summary>
    public ReversionReading Read(decimal value) => new(
        BelowLower: value < Oversold,
        AboveUpper: value > Overbought,
        LongExit: value >= ExitLevel,
        ShortExit: value <= ShortExitLevel);

    /// <summary>Adds the problems of the levels to <paramref name="problems"/>, keyed by parameter name.</summary>
    /// <param name="oscillator">The oscillator in messages ("the RSI").</param>
    public static void Validate(List<StrategyProblem> problems, string oscillator, decimal oversold, decimal overbought, decimal exitLevel, decimal? shortExitLevel)
    {
        var inv = CultureInfo.InvariantCulture;
        var levels = problems.Count;
        if (oversold is <= 0m or >= 100m) problems.Add(new("oversold", string.Create(inv, $"must be above 0 and below 100 ({oscillator} runs from 0 to 100), got {oversold}")));
        if (overbought is <= 0m or >= 100m) problems.Add(new("overbought", string.Create(inv, $"must be above 0 and below 100 ({oscillator} runs from 0 to 100), got {overbought}")));
        if (problems.Count > levels) return;
        if (oversold >= overbought)
            problems.Add(new("oversold", string.Create(inv, $"must be below overbought ({overbought}), got {oversold}")));
        else if (exitLevel < oversold || exitLevel > overbought)
            problems.Add(new("exitLevel", string.Create(inv, $"must be from oversold ({oversold}) to overbought ({overbought}), got {exitLevel}")));
        else if (shortExitLevel is { } cover && (cover < oversold || cover > overbought))
            problems.Add(new("shortExitLevel", string.Create(inv, $"must be from oversold ({oversold}) to overbought ({overbought}), got {cover}")));
    }
}
