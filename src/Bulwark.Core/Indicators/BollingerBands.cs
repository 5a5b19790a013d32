using Bulwark.Core.Model;

namespace Bulwark.Core.Indicators;

/// <summary>
/// Streaming Bollinger Bands over the last <see cref="Period"/> values (of the close for bars): the middle
/// band is their simple mean, the upper and lower bands are the middle plus and minus
/// <see cref="Deviations"/> population standard deviations (divided by N, not N - 1). Ready after
/// <see cref="Period"/> values. Outputs in order: middle, upper, lower.
/// O(1) per update (running sum and sum of squares over a ring buffer), no allocation after construction.
/// Period * |value| must stay below about 2 * 10^14 (e.g. values under 10^12 for a period of 200) so that
/// Period * sum(value^2) fits a decimal; beyond that an update throws <see cref="OverflowException"/>.
/// </summary>
public sealed class BollingerBands : IIndicator
{
    private readonly decimal[] _window;
    private int _count;
    private int _next;
    private decimal _sum;
    private decimal _sumOfSquares;

    public BollingerBands(int period, decimal deviations)
    {
        if (period < 1) throw new ArgumentOutOfRangeException(nameof(period), period, "Period must be at least 1.");
        if (deviations <= 0m) throw new ArgumentOutOfRangeException(nameof(deviations), deviations, "The number of standard deviations must be positive.");
        _window = new decimal[period];
        Deviations = deviations;
    }

    public int Period => _window.Length;
    public decimal Deviations { get; }
    public bool IsReady => _count == _window.Length;

    /// <summary>The simple mean of the window; 0 before ready.</summary>
    public decimal Middle => IsReady ? _sum / _window.Length : 0m;

    /// <summary>The population standard deviation of the window; 0 before ready.</summary>
    public decimal StandardDeviation
    {
        get
        {
            if (!IsReady) return 0m;
            // N^2 * variance = N * sum(x^2) - sum(x)^2: exact for values with few decimals, so never below 0
            // then; the clamp covers rounding of values with many digits.
            decimal n = _window.Length;
            var scaled = (n * _sumOfSquares) - (_sum * _sum);
            return scaled <= 0m ? 0m : DecimalMath.Sqrt(scaled) / n;
        }
    }

    /// <summary>Middle + Deviations * standard deviation; 0 before ready.</summary>
    public decimal Upper => IsReady ? Middle + (Deviations * StandardDeviation) : 0m;

    /// <summary>Middle - Deviations * standard deviation; 0 before ready.</summary>
    public decimal Lower => IsReady ? Middle - (Deviations * StandardDeviation) : 0m;

    public int OutputCount => 3;

    public decimal GetOutput(int index) => index switch
    {
        0 => Middle,
        1 => Upper,
        2 => Lower,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "Bollinger Bands have three outputs: middle, upper, lower."),
    };

    public void Update(in Bar bar) => Update(bar.Close);

    public void Update(decimal value)
    {
        if (_count == _window.Length)
        {
            var old = _window[_next];
            _sum -= old;
            _sumOfSquares -= old * old;
        }
        else _count++;
        _window[_next] = value;
        _sum += value;
        _sumOfSquares += value * value;
        _next = _next + 1 == _window.Length ? 0 : _next + 1;
    }
}
