namespace Bulwark.Core.Strategies;

/// <summary>Which signal-line crosses of <see cref="MacdCrossStrategy"/> are entries, by the MACD line's side of zero.</summary>
public enum MacdZeroFilter
{
    /// <summary>Every cross, wherever the line is.</summary>
    None,

    /// <summary>With the trend: a long cross only while the line is above zero (the fast average above the slow), a short one only below.</summary>
    Trend,

    /// <summary>Against it, a turn from an extreme: a long cross only while the line is below zero, a short one only above.</summary>
    Reversal,
}
