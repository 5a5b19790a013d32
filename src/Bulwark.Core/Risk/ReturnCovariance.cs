namespace Bulwark.Core.Risk;

/// <summary>
/// The covariance of the symbols' per-bar returns, as an exponentially weighted moving average (RiskMetrics' decay of
/// 0.94 by default: a bar's weight halves in about 11 bars), around a mean of zero and corrected for the weights not yet
/// summing to one. A bar time's returns are taken together once the next bar time begins, so every symbol's bar of that
/// time is in: a symbol without a bar then counts a return of 0. The estimate is therefore a bar behind the newest bar.
/// It is the kernel's own, fed by the bars it sees (warm-up bars too) and not journaled: after a restart without a
/// history to replay it starts again.
/// </summary>
public sealed class ReturnCovariance
{
    /// <summary>RiskMetrics' decay for daily returns.</summary>
    public const double DefaultDecay = 0.94;

    private readonly double _decay;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private double[] _previous = [];
    private double[] _current = [];
    private double[] _returns = [];
    private double[][] _sums = [];
    private double _weight;
    private DateTimeOffset? _pendingTime;

    public ReturnCovariance(double decay = DefaultDecay)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(decay);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(decay, 1d);
        _decay = decay;
    }

    /// <summary>Bar times whose returns are in the estimate.</summary>
    public int Observations { get; private set; }

    /// <summary>The interval of the first bar seen, which annualises the estimate; null before any.</summary>
    public TimeSpan? Interval { get; private set; }

    /// <summary>Notes a bar's close; a later bar time first takes the pending one's returns in.</summary>
    public void Observe(string symbol, DateTimeOffset time, decimal close, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        if (close <= 0m) return;
        if (_pendingTime is { } pending && time > pending) Commit();
        if (_pendingTime is null || time > _pendingTime) _pendingTime = time;
        Interval ??= interval;
        var i = IndexOf(symbol); // first: a new symbol grows the arrays
        _current[i] = (double)close;
    }

    /// <summary>The covariance of two symbols' per-bar returns (the variance when they are one); 0 for a symbol never seen or before any return.</summary>
    public double Covariance(string a, string b) =>
        _weight > 0d && _index.TryGetValue(a, out var i) && _index.TryGetValue(b, out var j) ? _sums[i][j] / _weight : 0d;

    private int IndexOf(string symbol)
    {
        if (_index.TryGetValue(symbol, out var i)) return i;
        i = _index.Count;
        _index[symbol] = i;
        var n = i + 1;
        Array.Resize(ref _previous, n);
        Array.Resize(ref _current, n);
        Array.Resize(ref _returns, n);
        _previous[i] = double.NaN;
        _current[i] = double.NaN;
        Array.Resize(ref _sums, n);
        for (var r = 0; r < n; r++) Array.Resize(ref _sums[r], n); // the new row is created, the others grow by a column
        return i;
    }

    private void Commit()
    {
        var n = _index.Count;
        var any = false;
        for (var i = 0; i < n; i++)
        {
            var moved = !double.IsNaN(_previous[i]) && !double.IsNaN(_current[i]);
            _returns[i] = moved ? (_current[i] / _previous[i]) - 1d : 0d;
            any |= moved;
            if (!double.IsNaN(_current[i])) _previous[i] = _current[i];
            _current[i] = double.NaN;
        }
        if (!any) return;
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                _sums[i][j] = (_decay * _sums[i][j]) + ((1d - _decay) * _returns[i] * _returns[j]);
        _weight = (_decay * _weight) + (1d - _decay);
        Observations++;
    }
}
