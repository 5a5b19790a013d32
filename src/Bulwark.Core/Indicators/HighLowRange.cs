namespace Bulwark.Core.Indicators;

/// <summary>
/// The highest high and the lowest low of the last <c>period</c> bars, for the channel and the oscillators
/// measured against it (Donchian, stochastic, Williams %R, Aroon). A mutable struct held in a field of its owner.
/// </summary>
internal struct HighLowRange
{
    private RollingExtreme _highest;
    private RollingExtreme _lowest;

    public HighLowRange(int period)
    {
        _highest = new RollingExtreme(period, highest: true);
        _lowest = new RollingExtreme(period, highest: false);
    }

    public readonly bool IsReady => _highest.IsReady;
    public readonly decimal Highest => _highest.Value;
    public readonly decimal Lowest => _lowest.Value;

    /// <summary>How many bars ago the highest high was made, the latest of equal highs (0: this bar).</summary>
    public readonly long HighestAge => _highest.Age;

    /// <summary>How many bars ago the lowest low was made, the latest of equal lows (0: this bar).</summary>
    public readonly long LowestAge => _lowest.Age;

    /// <summary>Where <paramref name="close"/> sits in the range, from 0 at the low to 1 at the high; one half when the range is empty (no movement).</summary>
    public readonly decimal Position(decimal close)
    {
        var range = Highest - Lowest;
        return range == 0m ? 0.5m : (close - Lowest) / range;
    }

    /// <exception cref="ArgumentException"><paramref name="high"/> is below <paramref name="low"/>.</exception>
    public void Add(decimal high, decimal low)
    {
        if (high < low) throw new ArgumentException($"high {high} is below low {low}", nameof(high));
        _highest.Add(high);
        _lowest.Add(low);
    }
}
