namespace Bulwark.Core.Risk;

/// <summary>What a trailing stop trails behind, from the bars seen while the position is held.</summary>
public enum TrailReference
{
    /// <summary>The best close: the highest of a long, the lowest of a short.</summary>
    Close,

    /// <summary>
    /// The best extreme: the highest high of a long, the lowest low of a short (a chandelier exit proper; a broker's
    /// trailing stop order follows the last price, which the bars' highs and lows bound).
    /// </summary>
    Extreme,
}
