namespace Bulwark.Core.Model;

/// <summary>One OHLCV bar. <see cref="Time"/> is the bar's open time (UTC); the bar closes at Time + Interval.</summary>
public readonly record struct Bar(
    string Symbol,
    DateTimeOffset Time,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume,
    TimeSpan Interval)
{
    public DateTimeOffset CloseTime => Time + Interval;

    /// <summary>Returns why the bar is not a valid bar, or null when it is.</summary>
    public string? Problem()
    {
        // The common case in six comparisons (every bar of a backtest comes through here); the
        // checks below only run to name what is wrong.
        if (Low > 0m && Low <= Open && Open <= High && Low <= Close && Close <= High && Volume >= 0m) return null;
        if (Open <= 0m || High <= 0m || Low <= 0m || Close <= 0m) return "prices must be positive";
        if (High < Low) return $"high {High} is below low {Low}";
        if (Open > High || Open < Low) return $"open {Open} is outside [low {Low}, high {High}]";
        if (Close > High || Close < Low) return $"close {Close} is outside [low {Low}, high {High}]";
        if (Volume < 0m) return "volume is negative";
        return null;
    }
}
