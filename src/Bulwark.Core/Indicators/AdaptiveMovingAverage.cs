namespace Bulwark.Core.Indicators;

/// <summary>
/// Kaufman's adaptive moving average (KAMA) of the close for bars: an exponential smoothing whose factor follows how
/// straight the market moved over the last <see cref="Period"/> values. The efficiency ratio is |value - value Period
/// before| over the sum of the Period absolute one-value changes (0 when nothing moved); the factor is (ratio × (fast -
/// slow) + slow)², with fast = 2 / (<see cref="FastPeriod"/> + 1) and slow = 2 / (<see cref="SlowPeriod"/> + 1). So a
/// straight run moves it by the fast EMA's factor squared and a chop by the slow one's squared, far less than the slow
/// EMA itself would move. Ready after Period + 1 values, when the first ratio exists; that first value is the simple
/// mean of the last Period values and each later one is previous + factor × (value - previous), the seeding backtrader
/// uses. O(1) per update, no allocation after construction.
/// </summary>
public sealed class AdaptiveMovingAverage : MovingAverage
{
    /// <summary>The fast period Kaufman gives: a straight run smooths like a 2-value EMA.</summary>
    public const int DefaultFastPeriod = 2;

    /// <summary>The slow period Kaufman gives: a chop smooths like a 30-value EMA, squared.</summary>
    public const int DefaultSlowPeriod = 30;

    private readonly decimal[] _window; // the last Period + 1 values, oldest at _next once full
    private readonly decimal _fast;
    private readonly decimal _slow;
    private int _count;
    private int _next;
    private decimal _path; // the sum of the absolute changes within the window
    private decimal _value;

    public AdaptiveMovingAverage(int period, int fastPeriod = DefaultFastPeriod, int slowPeriod = DefaultSlowPeriod)
    {
        if (period < 1) throw new ArgumentOutOfRangeException(nameof(period), period, "Period must be at least 1.");
        if (fastPeriod < 1) throw new ArgumentOutOfRangeException(nameof(fastPeriod), fastPeriod, "The fast period must be at least 1.");
        if (slowPeriod <= fastPeriod)
            throw new ArgumentOutOfRangeException(nameof(slowPeriod), slowPeriod, $"The slow period must be above the fast period {fastPeriod}.");
        _window = new decimal[period + 1];
        FastPeriod = fastPeriod;
        SlowPeriod = slowPeriod;
        _fast = 2m / (fastPeriod + 1);
        _slow = 2m / (slowPeriod + 1);
    }

    /// <summary>The values the efficiency ratio is measured over; the average is ready after one more.</summary>
    public override int Period => _window.Length - 1;

    /// <summary>The EMA period the factor reaches on a perfectly straight run.</summary>
    public int FastPeriod { get; }

    /// <summary>The EMA period the factor falls to (squared) when the values went nowhere.</summary>
    public int SlowPeriod { get; }

    public override bool IsReady => _count == _window.Length;

    /// <summary>The average after the latest value; 0 before ready.</summary>
    public override decimal Value => IsReady ? _value : 0m;

    /// <summary>Which side of the average <paramref name="value"/> is on (1 above, -1 below, 0 on it; 0 before ready).</summary>
    public override int SideOf(decimal value) => IsReady ? Math.Sign(value - _value) : 0;

    public override void Update(decimal value)
    {
        var length = _window.Length;
        if (_count > 0) _path += Math.Abs(value - _window[_next == 0 ? length - 1 : _next - 1]);
        if (_count == length)
        {
            var oldest = _window[_next];
            var second = _window[_next + 1 == length ? 0 : _next + 1];
            _path -= Math.Abs(second - oldest);
            _window[_next] = value;
            _next = _next + 1 == length ? 0 : _next + 1;
            var ratio = _path == 0m ? 0m : Math.Abs(value - second) / _path;
            var factor = (ratio * (_fast - _slow)) + _slow;
            _value += factor * factor * (value - _value);
            return;
        }
        _window[_next] = value;
        _next = _next + 1 == length ? 0 : _next + 1;
        if (++_count == length) _value = Seed();
    }

    /// <summary>The mean of the last <see cref="Period"/> values, when the window first fills (all but the first).</summary>
    private decimal Seed()
    {
        var sum = 0m;
        for (var i = 1; i < _window.Length; i++) sum += _window[i];
        return sum / Period;
    }
}
