namespace Bulwark.Core.Strategies;

/// <summary>One bar's reading of a mean-reversion rule: which extreme it is beyond, and which exits it has reached.</summary>
/// <param name="BelowLower">Stretched down: a long entry (oversold, a close under the lower band).</param>
/// <param name="AboveUpper">Stretched up: a short entry when shorts are allowed.</param>
/// <param name="LongExit">Back far enough for a long to be closed.</param>
/// <param name="ShortExit">Back far enough for a short to be covered.</param>
public readonly record struct ReversionReading(bool BelowLower, bool AboveUpper, bool LongExit, bool ShortExit)
{
    /// <summary>
    /// Whether the bar may open a long below the lower line: always for a level rule; for a rule that waits for a turn
    /// there (stochastic-reversion's cross of %K over %D), only at the bar of the turn; for bollinger-reversion with a
    /// bandwidth filter, only while the bands are as wide as it asks. It does not end the visit.
    /// </summary>
    public bool LongTrigger { get; init; } = true;

    /// <summary>Whether the bar may open a short above the upper line, as <see cref="LongTrigger"/> for a long.</summary>
    public bool ShortTrigger { get; init; } = true;
}
