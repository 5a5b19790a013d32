using Bulwark.Core.Model;

namespace Bulwark.Core.Indicators;

/// <summary>
/// Wilder's directional movement system over <see cref="Period"/> bars: from the second bar on, the up move is
/// high - previous high and the down move previous low - low; +DM is the up move when it is positive and larger
/// than the down move (else 0), -DM the mirror, and the true range is max(high, previous close) - min(low, previous close).
/// The three are smoothed with Wilder's method (seeded with their mean); +DI = 100 × smoothed +DM / smoothed true range,
/// -DI the mirror (0 while the range is 0), DX = 100 × |+DI - -DI| / (+DI + -DI) (0 when both are 0), and the ADX is DX
/// smoothed the same way. Ready after 2 × Period bars. Outputs in order: ADX, +DI, -DI. With a history it also keeps
/// that many of its past values (<see cref="ValueBarsAgo"/>), for a filter on its slope.
/// O(1) per update, no allocation after construction.
/// </summary>
public sealed class AverageDirectionalIndex : IIndicator
{
    private WilderAverage _trueRange;
    private WilderAverage _plusMove;
    private WilderAverage _minusMove;
    private WilderAverage _index;
    private decimal _previousHigh;
    private decimal _previousLow;
    private decimal _previousClose;
    private bool _hasPrevious;

    private readonly decimal[] _values;
    private int _newest = -1;
    private int _kept;

    /// <param name="history">The past values kept besides the latest, for <see cref="ValueBarsAgo"/>; none by default.</param>
    public AverageDirectionalIndex(int period, int history = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(history);
        _values = new decimal[history + 1];
        _trueRange = new WilderAverage(period);
        _plusMove = new WilderAverage(period);
        _minusMove = new WilderAverage(period);
        _index = new WilderAverage(period);
        Period = period;
    }

    public int Period { get; }
    public bool IsReady => _index.IsReady;

    /// <summary>The average directional index, 0 to 100; 0 before ready.</summary>
    public decimal Value => IsReady ? _index.Value : 0m;

    /// <summary>+DI, 0 to 100; 0 before ready.</summary>
    public decimal PlusIndicator => IsReady ? Plus : 0m;

    /// <summary>-DI, 0 to 100; 0 before ready.</summary>
    public decimal MinusIndicator => IsReady ? Minus : 0m;

    private decimal Plus => _trueRange.Value == 0m ? 0m : 100m * _plusMove.Value / _trueRange.Value;
    private decimal Minus => _trueRange.Value == 0m ? 0m : 100m * _minusMove.Value / _trueRange.Value;

    public int OutputCount => 3;

    public decimal GetOutput(int index) => index switch
    {
        0 => Value,
        1 => PlusIndicator,
        2 => MinusIndicator,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "The ADX has three outputs: ADX, +DI, -DI."),
    };

    /// <summary>
    /// The ADX <paramref name="bars"/> bars before the latest (0: the latest), from the values read since it was ready;
    /// null until it has been ready that long.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bars"/> is negative or beyond the history kept.</exception>
    public decimal? ValueBarsAgo(int bars)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bars);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bars, _values.Length);
        return bars < _kept ? _values[(_newest - bars + _values.Length) % _values.Length] : null;
    }

    public void Update(in Bar bar) => Update(bar.High, bar.Low, bar.Close);

    /// <exception cref="ArgumentException"><paramref name="high"/> is below <paramref name="low"/>.</exception>
    public void Update(decimal high, decimal low, decimal close)
    {
        if (high < low) throw new ArgumentException($"high {high} is below low {low}", nameof(high));
        if (_hasPrevious)
        {
            var up = high - _previousHigh;
            var down = _previousLow - low;
            _plusMove.Add(up > down && up > 0m ? up : 0m);
            _minusMove.Add(down > up && down > 0m ? down : 0m);
            _trueRange.Add(Math.Max(high, _previousClose) - Math.Min(low, _previousClose));
            if (_trueRange.IsReady)
            {
                var plus = Plus;
                var minus = Minus;
                _index.Add(plus + minus == 0m ? 0m : 100m * Math.Abs(plus - minus) / (plus + minus));
                if (_index.IsReady) Keep(_index.Value);
            }
        }
        _previousHigh = high;
        _previousLow = low;
        _previousClose = close;
        _hasPrevious = true;
    }

    private void Keep(decimal value)
    {
        _newest = (_newest + 1) % _values.Length;
        _values[_newest] = value;
        if (_kept < _values.Length) _kept++;
    }
}
