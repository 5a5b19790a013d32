namespace Bulwark.Backtest;

/// <summary>Keeps the account value after each bar, or the last one of each UTC day, or nothing.</summary>
internal sealed class EquityCurveRecorder(EquityCurveSampling sampling)
{
    private readonly List<EquityPoint> _points = [];
    private EquityPoint? _dayLast;

    /// <summary>The curve, once the last bar is in.</summary>
    public IReadOnlyList<EquityPoint> Finish()
    {
        if (_dayLast is { } last) _points.Add(last);
        _dayLast = null;
        return _points;
    }

    public bool Wants => sampling != EquityCurveSampling.None;

    public void Add(EquityPoint point)
    {
        switch (sampling)
        {
            case EquityCurveSampling.EveryBar:
                _points.Add(point);
                break;
            case EquityCurveSampling.Daily:
                if (_dayLast is { } last && last.Time.UtcDateTime.Date != point.Time.UtcDateTime.Date) _points.Add(last);
                _dayLast = point;
                break;
        }
    }
}
