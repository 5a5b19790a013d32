namespace Bulwark.Core.Indicators;

/// <summary>
/// Streaming simple moving average of the last <see cref="Period"/> values (of the close for bars), over a
/// ring buffer with a running sum: O(1) per update, no allocation after construction. Ready after
/// <see cref="Period"/> values.
/// </summary>
public sealed class SimpleMovingAverage : MovingAverage
{
    private readonly decimal[] _window;
    private int _count;
    private int _next;
    private decimal _sum;

    public SimpleMovingAverage(int period)
    {
        if (period < 1) throw new ArgumentOutOfRangeException(nameof(period), period, "Period must be at least 1.");
        _window = new decimal[period];
    }

    public override int Period => _window.Length;
    public override bool IsReady => _count == _window.Length;

    /// <summary>The mean of the last <see cref="Period"/> values; 0 before ready.</summary>
    public override decimal Value => IsReady ? _sum / _window.Length : 0m;

    /// <summary>
    /// Which side of the average <paramref name="value"/> is on (1 above, -1 below, 0 on it; 0 before ready), from
    /// value × period against the running sum: no division, and exact where the rounded mean could tie.
    /// </summary>
    public override int SideOf(decimal value) => IsReady ? Math.Sign((value * _window.Length) - _sum) : 0;

    public override void Update(decimal value)
    {
        if (_count == _window.Length) _sum -= _window[_next];
        else _count++;
        _window[_next] = value;
        _sum += value;
        _next = _next + 1 == _window.Length ? 0 : _next + 1;
    }
}
