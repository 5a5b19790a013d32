namespace Bulwark.Core.Strategies;

/// <summary>Which line of the stochastic oscillator <see cref="StochasticReversionStrategy"/> reads against its levels.</summary>
public enum StochasticLine
{
    /// <summary>%K: the close's place in the range, averaged over the smoothing bars (the quicker line).</summary>
    K,

    /// <summary>%D: the average of %K over the signal bars, slower and steadier.</summary>
    D,
}
