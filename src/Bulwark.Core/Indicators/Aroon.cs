using Bulwark.Core.Model;

namespace Bulwark.Core.Indicators;

/// <summary>
/// Chande's Aroon over <see cref="Period"/> bars: how recently the period's highest high and lowest low were made.
/// Aroon up is 100 × (Period - bars since the highest high) / Period, over the last Period + 1 bars (the latest
/// included, so it runs from 0, a high Period bars old, to 100, a high this bar); Aroon down the same of the lowest
/// low; the oscillator is up - down, -100 to 100. Of equal highs (lows) the latest counts, as TA-Lib and backtrader
/// count them. Ready after Period + 1 bars. Outputs in order: up, down, oscillator. O(1) per update (amortised), no
/// allocation after construction.
/// </summary>
public sealed class Aroon : IIndicator
{
    private HighLowRange _range;

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is below 1.</exception>
    public Aroon(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _range = new HighLowRange(period + 1);
        Period = period;
    }

    public int Period { get; }
    public bool IsReady => _range.IsReady;

    /// <summary>Aroon up, 0 to 100; 0 before ready.</summary>
    public decimal Up => IsReady ? Reading(_range.HighestAge) : 0m;

    /// <summary>Aroon down, 0 to 100; 0 before ready.</summary>
    public decimal Down => IsReady ? Reading(_range.LowestAge) : 0m;

    /// <summary>The oscillator, up - down; 0 before ready.</summary>
    public decimal Oscillator => Up - Down;

    public int OutputCount => 3;

    public decimal GetOutput(int index) => index switch
    {
        0 => Up,
        1 => Down,
        2 => Oscillator,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "Aroon has three outputs: up, down, oscillator."),
    };

    public void Update(in Bar bar) => Update(bar.High, bar.Low);

    /// <exception cref="ArgumentException"><paramref name="high"/> is below <paramref name="low"/>.</exception>
    public void Update(decimal high, decimal low) => _range.Add(high, low);

    private decimal Reading(long age) => 100m * (Period - age) / Period;
}
