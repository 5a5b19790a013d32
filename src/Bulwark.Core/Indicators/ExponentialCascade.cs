namespace Bulwark.Core.Indicators;

/// <summary>
/// What the double and triple exponential averages share: a chain of <see cref="ExponentialMovingAverage"/>s of one
/// period, each fed the one before it once that is ready (the first fed the values), and a value that weighs the
/// layers so their lags cancel. Each layer is seeded with the mean of its first Period inputs, so the chain is ready
/// after layers × (Period - 1) + 1 values. O(1) per update, no allocation after construction.
/// </summary>
public abstract class ExponentialCascade : MovingAverage
{
    private readonly ExponentialMovingAverage[] _layers;
    private readonly decimal[] _weights;

    /// <param name="period">Each layer's period, at least 1.</param>
    /// <param name="weights">Each layer's weight in the value, the first layer's first; they sum to 1.</param>
    private protected ExponentialCascade(int period, decimal[] weights)
    {
        if (period < 1) throw new ArgumentOutOfRangeException(nameof(period), period, "Period must be at least 1.");
        _weights = weights;
        _layers = new ExponentialMovingAverage[weights.Length];
        for (var i = 0; i < _layers.Length; i++) _layers[i] = new ExponentialMovingAverage(period);
    }

    public override int Period => _layers[0].Period;

    /// <summary>The values until ready: the layers × (<see cref="Period"/> - 1) + 1.</summary>
    public int BarsToReady => BarsToReadyOf(Period, _layers.Length);

    public override bool IsReady => _layers[^1].IsReady;

    /// <summary>The weighted sum of the layers after the latest value; 0 before ready.</summary>
    public override decimal Value
    {
        get
        {
            if (!IsReady) return 0m;
            var sum = 0m;
            for (var i = 0; i < _layers.Length; i++) sum += _weights[i] * _layers[i].Value;
            return sum;
        }
    }

    /// <summary>Which side of the average <paramref name="value"/> is on (1 above, -1 below, 0 on it; 0 before ready).</summary>
    public override int SideOf(decimal value) => IsReady ? Math.Sign(value - Value) : 0;

    public override void Update(decimal value)
    {
        _layers[0].Update(value);
        for (var i = 1; i < _layers.Length && _layers[i - 1].IsReady; i++) _layers[i].Update(_layers[i - 1].Value);
    }

    /// <summary>The values a chain of <paramref name="layers"/> EMAs of <paramref name="period"/> takes to be ready.</summary>
    private protected static int BarsToReadyOf(int period, int layers) => (layers * (period - 1)) + 1;
}
