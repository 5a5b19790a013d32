namespace Bulwark.Core.Indicators;

/// <summary>Streaming SMA over a ring buffer: O(1) per update, no allocation after construction.</summary>
public sealed class SimpleMovingAverage
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

    public int Period => _window.Length;
    public bool IsReady => _count == _window.Length;
    public decimal Value => IsReady ? _sum / _window.Length : 0m;

    public void Update(decimal value)
    {
        if (_count == _window.Length) _sum -= _window[_next];
        else _count++;
        _window[_next] = value;
        _sum += value;
        _next = (_next + 1) % _window.Length;
    }
}
