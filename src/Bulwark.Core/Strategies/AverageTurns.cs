using Bulwark.Core.Indicators;
using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// The direction a moving average of the closes has turned to, Kaufman's rule for his adaptive average and what
/// <see cref="KamaStrategy"/> and <see cref="HullStrategy"/> trade: up once the average has risen from its lowest since
/// it last turned down by more than the threshold, down once it has fallen from its highest since it last turned up by
/// more than the threshold, and otherwise the direction it had. The threshold is
/// <see cref="AverageTurnOptions.Filter"/> population standard deviations of the average's last
/// <see cref="AverageTurnOptions.FilterPeriod"/> one-bar changes, the bar's own included (0 without a filter: any rise
/// or fall turns it). Before its first direction both extremes count from the average's first value, and a bar that is
/// beyond both takes the side it moved to. Ready once a move has set a direction, the one it starts with. Its one
/// output is the direction, 1 up and -1 down.
/// </summary>
public sealed class AverageTurns : ITrendLine
{
    private readonly IMovingAverage _average;
    private readonly BollingerBands? _changes; // only its standard deviation is read
    private readonly decimal _filter;
    private bool _started;
    private decimal _previous;
    private decimal _highest;
    private decimal _lowest;
    private int _direction;

    /// <exception cref="ArgumentException"><paramref name="options"/> are not valid.</exception>
    public AverageTurns(AverageTurnOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException($"average turn options: {string.Join("; ", problems)}", nameof(options));
        _average = options.NewAverage();
        _filter = options.Filter;
        if (_filter > 0m) _changes = new BollingerBands(options.FilterPeriod, 1m);
    }

    /// <summary>How far the average must move back from its extreme to turn, after the latest bar; 0 without a filter.</summary>
    public decimal Threshold => _changes is { IsReady: true } changes ? _filter * changes.StandardDeviation : 0m;

    public bool IsReady => _direction != 0;

    public bool IsUp => _direction > 0;

    public int OutputCount => 1;

    public decimal GetOutput(int index) =>
        index == 0 ? _direction : throw new ArgumentOutOfRangeException(nameof(index), index, "The average's turns have one output: the direction.");

    public void Update(in Bar bar)
    {
        _average.Update(in bar);
        if (!_average.IsReady) return;
        var value = _average.Value;
        if (!_started)
        {
            (_started, _previous, _highest, _lowest) = (true, value, value, value);
            return;
        }
        var change = value - _previous;
        _previous = value;
        if (_direction <= 0) _lowest = Math.Min(_lowest, value);
        if (_direction >= 0) _highest = Math.Max(_highest, value);
        _changes?.Update(change);
        if (_changes is { IsReady: false }) return;

        var threshold = Threshold;
        var up = _direction <= 0 && value - _lowest > threshold;
        var down = _direction >= 0 && _highest - value > threshold;
        if (up && down) (up, down) = (change > 0m, change < 0m); // only before the first direction
        if (up) (_direction, _highest) = (1, value);
        else if (down) (_direction, _lowest) = (-1, value);
    }
}
