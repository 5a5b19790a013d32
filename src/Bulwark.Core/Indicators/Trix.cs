using Bulwark.Core.Model;

namespace Bulwark.Core.Indicators;

/// <summary>
/// Hutson's TRIX (of the close for bars): the one-bar rate of change in percent of a triple-smoothed EMA, the EMA of
/// <see cref="Period"/> values of the EMA of the EMA of the values: 100 × (T - T before) / |T before|, 0 when T
/// before was 0, as <see cref="RateOfChange"/> measures it. The smoothing strips swings shorter than the period, so it
/// crosses zero where the smoothed trend turns. Each EMA is seeded with the mean of its first Period inputs, so the
/// line is ready after 3 × Period - 1 values (44 for 15), as backtrader's TRIX is. With a signal period, an EMA of the
/// line (seeded likewise) and the line less it follow, as MACD's do, and it is ready once they are: after
/// 3 × Period + SignalPeriod - 2 values. Outputs in order: the line, then the signal and the histogram when there is a
/// signal period. O(1) per update, no allocation after construction.
/// </summary>
public sealed class Trix : IIndicator
{
    private readonly ExponentialMovingAverage _first;
    private readonly ExponentialMovingAverage _second;
    private readonly ExponentialMovingAverage _third;
    private readonly ExponentialMovingAverage? _signal;
    private bool _hasLine;
    private decimal _before;
    private decimal _line;

    /// <param name="period">Each EMA's period, at least 1.</param>
    /// <param name="signalPeriod">The signal line's period, at least 1; null: the line alone.</param>
    /// <exception cref="ArgumentOutOfRangeException">A period is below 1.</exception>
    public Trix(int period, int? signalPeriod = null)
    {
        if (period < 1) throw new ArgumentOutOfRangeException(nameof(period), period, "Period must be at least 1.");
        if (signalPeriod < 1) throw new ArgumentOutOfRangeException(nameof(signalPeriod), signalPeriod, "The signal period must be at least 1.");
        _first = new ExponentialMovingAverage(period);
        _second = new ExponentialMovingAverage(period);
        _third = new ExponentialMovingAverage(period);
        if (signalPeriod is { } signal) _signal = new ExponentialMovingAverage(signal);
    }

    public int Period => _first.Period;

    /// <summary>The signal line's period; null without one.</summary>
    public int? SignalPeriod => _signal?.Period;

    /// <summary>True once the line is, and the signal line with it when there is one.</summary>
    public bool IsReady => _hasLine && (_signal?.IsReady ?? true);

    /// <summary>The values until ready: 3 × Period - 1, and SignalPeriod - 1 more with a signal line.</summary>
    public int BarsToReady => BarsToReadyOf(Period, SignalPeriod);

    /// <summary>The triple-smoothed EMA's change in percent over the latest value; 0 before ready.</summary>
    public decimal Line => IsReady ? _line : 0m;

    /// <summary>The EMA of the line; 0 before ready or without a signal period.</summary>
    public decimal Signal => IsReady && _signal is not null ? _signal.Value : 0m;

    /// <summary>The line less the signal line; 0 before ready or without a signal period.</summary>
    public decimal Histogram => IsReady && _signal is not null ? _line - _signal.Value : 0m;

    public int OutputCount => _signal is null ? 1 : 3;

    public decimal GetOutput(int index) => index switch
    {
        0 => Line,
        1 when _signal is not null => Signal,
        2 when _signal is not null => Histogram,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, _signal is null
            ? "TRIX without a signal period has one output: the line."
            : "TRIX with a signal period has three outputs: the line, the signal, the histogram."),
    };

    public void Update(in Bar bar) => Update(bar.Close);

    public void Update(decimal value)
    {
        _first.Update(value);
        if (!_first.IsReady) return;
        _second.Update(_first.Value);
        if (!_second.IsReady) return;
        var wasReady = _third.IsReady;
        _third.Update(_second.Value);
        if (!_third.IsReady) return;
        var now = _third.Value;
        if (wasReady)
        {
            _line = _before == 0m ? 0m : 100m * (now - _before) / Math.Abs(_before);
            _hasLine = true;
            _signal?.Update(_line);
        }
        _before = now;
    }

    /// <summary>
    /// The values a TRIX of <paramref name="period"/> takes to be ready, with a signal line of
    /// <paramref name="signalPeriod"/> when given.
    /// </summary>
    public static int BarsToReadyOf(int period, int? signalPeriod = null) => (3 * period) - 1 + ((signalPeriod ?? 1) - 1);
}
