namespace Bulwark.Core.Strategies;

/// <summary>What an oscillator's line crosses to signal: MACD's in <see cref="MacdCrossStrategy"/>, TRIX's in <see cref="TrixStrategy"/>.</summary>
public enum CrossLine
{
    /// <summary>Its signal line, the EMA of the line: the usual rule, the quicker of the two.</summary>
    Signal,

    /// <summary>
    /// Zero: for MACD, the fast EMA crossing the slow one, a dual moving-average crossover; for TRIX, its triple-smoothed
    /// EMA turning.
    /// </summary>
    Zero,
}
