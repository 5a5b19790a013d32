namespace Bulwark.Core.Indicators;

/// <summary>
/// Linearly weighted moving average of the last <see cref="Period"/> values (of the close for bars): the newest weighs
/// Period, the one before Period - 1, down to 1 for the oldest, over the sum of the weights Period × (Period + 1) / 2.
/// It keeps the plain sum and the weighted sum of the window, and a new value turns the weighted sum into weighted -
/// sum + Period × value (each old value's weight falls by one, the oldest's to 0), so an update is O(1) with no
/// allocation after construction. For prices (a few decimal places) both sums are exact in decimal, so it does not
/// drift however long it runs. Ready after Period values.
/// </summary>
public sealed class WeightedMovingAverage : MovingAverage
{
    private readonly decimal[] _window;
    private readonly decimal _weights;
    private int _count;
    private int _next;
    private decimal _sum;
    private decimal _weighted;

    public WeightedMovingAverage(int period)
    {
        if (period < 1) throw new ArgumentOutOfRangeException(nameof(period), period, "Period must be at least 1.");
        _window = new decimal[period];
        _weights = period * (period + 1m) / 2m;
    }

    public override int Period => _window.Length;

    public override bool IsReady => _count == _window.Length;

    /// <summary>The weighted mean of the last <see cref="Period"/> values; 0 before ready.</summary>
    public override decimal Value => IsReady ? _weighted / _weights : 0m;

    /// <summary>
    /// Which side of the average <paramref name="value"/> is on (1 above, -1 below, 0 on it; 0 before ready), from value
    /// × the weights against the weighted sum: no division, and exact where the rounded mean could tie.
    /// </summary>
    public override int SideOf(decimal value) => IsReady ? Math.Sign((value * _weights) - _weighted) : 0;

    public override void Update(decimal value)
    {
        if (_count == _window.Length)
        {
            _weighted += (_window.Length * value) - _sum;
            _sum += value - _window[_next];
        }
        else
        {
            _weighted += ++_count * value;
            _sum += value;
        }
        _window[_next] = value;
        _next = _next + 1 == _window.Length ? 0 : _next + 1;
    }
}
