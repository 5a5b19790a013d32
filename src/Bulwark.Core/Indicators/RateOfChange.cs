using Bulwark.Core.Model;

namespace Bulwark.Core.Indicators;

/// <summary>
/// The rate of change in percent (of the close for bars): 100 × (value - value Period bars ago) / |value Period bars ago|,
/// 0 when that value was 0 (a spread or a future can print 0; there is no change to measure from). Ready after
/// Period + 1 values. O(1) per update, no allocation after construction.
/// </summary>
public sealed class RateOfChange : IIndicator
{
    private readonly decimal[] _window;
    private int _count;
    private int _next;
    private decimal _value;

    public RateOfChange(int period)
    {
        if (period < 1) throw new ArgumentOutOfRangeException(nameof(period), period, "Period must be at least 1.");
        _window = new decimal[period + 1];
    }

    public int Period => _window.Length - 1;
    public bool IsReady => _count == _window.Length;

    /// <summary>The value <see cref="Period"/> values before the latest, the one the change is measured from; 0 before ready.</summary>
    public decimal Past => IsReady ? _window[_next] : 0m; // the oldest in the window

    /// <summary>The change in percent after the latest value; 0 before ready.</summary>
    public decimal Value
    {
        get
        {
            if (!IsReady) return 0m;
            var then = Past;
            return then == 0m ? 0m : 100m * (_value - then) / Math.Abs(then);
        }
    }

    public int OutputCount => 1;

    public decimal GetOutput(int index) =>
        index == 0 ? Value : throw new ArgumentOutOfRangeException(nameof(index), index, "The rate of change has one output.");

    public void Update(in Bar bar) => Update(bar.Close);

    public void Update(decimal value)
    {
        if (_count < _window.Length) _count++;
        _window[_next] = value;
        _value = value;
        _next = _next + 1 == _window.Length ? 0 : _next + 1;
    }
}
