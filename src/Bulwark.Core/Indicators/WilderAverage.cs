namespace Bulwark.Core.Indicators;

/// <summary>
/// Wilder's smoothing: the first value is the simple mean of the first <c>period</c> inputs, then
/// (previous * (period - 1) + input) / period. A mutable struct held in a field of its owner: no allocation.
/// </summary>
internal struct WilderAverage
{
    private readonly int _period;
    private int _count;
    private decimal _value;

    public WilderAverage(int period)
    {
        if (period < 1) throw new ArgumentOutOfRangeException(nameof(period), period, "Period must be at least 1.");
        _period = period;
    }

    public readonly bool IsReady => _count >= _period;

    /// <summary>The smoothed value; while warming up, the sum of the inputs so far.</summary>
    public readonly decimal Value => _value;

    public void Add(decimal input)
    {
        if (_count >= _period)
        {
            _value = ((_value * (_period - 1)) + input) / _period;
            return;
        }
        _value += input;
        _count++;
        if (_count == _period) _value /= _period;
    }
}
