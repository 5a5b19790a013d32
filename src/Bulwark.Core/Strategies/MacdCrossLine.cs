namespace Bulwark.Core.Strategies;

/// <summary>What the MACD line of <see cref="MacdCrossStrategy"/> crosses to signal.</summary>
public enum MacdCrossLine
{
    /// <summary>Its signal line, the EMA of the MACD line: the usual MACD rule, the quicker of the two.</summary>
    Signal,

    /// <summary>Zero: the fast EMA crossing the slow one, a dual moving-average crossover.</summary>
    Zero,
}
