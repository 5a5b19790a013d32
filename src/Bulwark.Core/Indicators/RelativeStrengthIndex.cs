using Bulwark.Core.Model;

namespace Bulwark.Core.Indicators;

/// <summary>
/// Streaming relative strength index (of the close for bars), 0 to 100. Each value after the first gives a
/// gain max(change, 0) and a loss max(-change, 0); both are smoothed with Wilder's method (seeded with the
/// mean of the first <see cref="Period"/>), and RSI = 100 - 100 / (1 + average gain / average loss), or 100
/// when the average loss is 0, or 50 when both are 0: unchanged prices (a halted or illiquid market) are neither
/// overbought nor oversold, where 100 would read as a rally. Ready after <see cref="Period"/> + 1 values. O(1) per update, no allocation.
/// </summary>
public sealed class RelativeStrengthIndex : IIndicator
{
    private WilderAverage _gain;
    private WilderAverage _loss;
    private decimal _previous;
    private bool _hasPrevious;

    public RelativeStrengthIndex(int period)
    {
        _gain = new WilderAverage(period);
        _loss = new WilderAverage(period);
        Period = period;
    }

    public int Period { get; }
    public bool IsReady => _gain.IsReady;

    /// <summary>The index after the latest value; 0 before ready.</summary>
    public decimal Value
    {
        get
        {
            if (!IsReady) return 0m;
            var loss = _loss.Value;
            if (loss != 0m) return 100m - (100m / (1m + (_gain.Value / loss)));
            return _gain.Value == 0m ? 50m : 100m;
        }
    }

    public int OutputCount => 1;

    public decimal GetOutput(int index) =>
        index == 0 ? Value : throw new ArgumentOutOfRangeException(nameof(index), index, "The relative strength index has one output.");

    public void Update(in Bar bar) => Update(bar.Close);

    public void Update(decimal value)
    {
        if (_hasPrevious)
        {
            var change = value - _previous;
            _gain.Add(change > 0m ? change : 0m);
            _loss.Add(change < 0m ? -change : 0m);
        }
        _previous = value;
        _hasPrevious = true;
    }
}
