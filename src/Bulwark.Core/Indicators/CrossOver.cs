namespace Bulwark.Core.Indicators;

/// <summary>
/// Detects a series crossing a reference (e.g. the close and its moving average, or a fast and a slow
/// average), fed one pair of values per bar. <see cref="Up"/> is true on the bar where the value is above
/// the reference and the last non-zero difference before this bar was below it; <see cref="Down"/> is the
/// mirror. Touching (a zero difference) is neither a cross nor a change of side: -1, 0, +1 crosses up on
/// the third bar; -1, 0, -1 never crosses. O(1) per update, no allocation.
/// </summary>
public sealed class CrossOver
{
    private int _lastSide;

    /// <summary>True when the latest update crossed above the reference.</summary>
    public bool Up { get; private set; }

    /// <summary>True when the latest update crossed below the reference.</summary>
    public bool Down { get; private set; }

    /// <summary>
    /// The side of the value against the reference at the latest update where they differed: 1 above, -1 below, 0
    /// before any. It says which way the last cross went, or where the series has stayed since it began.
    /// </summary>
    public int Side => _lastSide;

    /// <summary>Takes the next bar's pair of values.</summary>
    public void Update(decimal value, decimal reference)
    {
        var side = value > reference ? 1 : value < reference ? -1 : 0;
        Up = side > 0 && _lastSide < 0;
        Down = side < 0 && _lastSide > 0;
        if (side != 0) _lastSide = side;
    }
}
