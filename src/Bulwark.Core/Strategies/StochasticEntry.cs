namespace Bulwark.Core.Strategies;

/// <summary>When <see cref="StochasticReversionStrategy"/> enters beyond a level.</summary>
public enum StochasticEntry
{
    /// <summary>At the first bar the line read is beyond the level (the usual level rule).</summary>
    Level,

    /// <summary>
    /// Only at a bar where %K crosses %D the way of the entry (above it for a long) while the line read is beyond the level:
    /// Lane's own reading, the turn inside the zone rather than the arrival in it.
    /// </summary>
    Cross,
}
