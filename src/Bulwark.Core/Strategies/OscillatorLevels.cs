namespace Bulwark.Core.Strategies;

/// <summary>
/// The levels of an oscillator from 0 to 100 (rsi-reversion's RSI, stochastic-reversion's %K or %D), as
/// <see cref="OscillatorReversionOptions"/> checked them, read against a value.
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
}
