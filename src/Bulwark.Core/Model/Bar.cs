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
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    public DateTimeOffset CloseTime => Time + Interval;

    /// <summary>A daily (or longer) bar: it stands for a trading session rather than a stretch of clock time.</summary>
    public bool IsDaily => Interval >= OneDay;

    /// <summary>
    /// The session a daily bar stands for: its date as written. Readers stamp a date at midnight UTC, so this is the
    /// UTC date; calendars, the trading day and the output all take a daily bar's date from here.
    /// </summary>
    public DateOnly SessionDate => DateOnly.FromDateTime(Time.UtcDateTime);

    /// <summary>Returns why the bar is not a valid bar, or null when it is.</summary>
    public string? Problem()
    {
        // Every bar of a backtest comes through here: the common case is decided on the raw integers when it can be,
        // else in six decimal comparisons; the checks below only run to name what is wrong.
        if (SameScalePricesInRange(out var decided) ? decided && Volume >= 0m
            : Low > 0m && Low <= Open && Open <= High && Low <= Close && Close <= High && Volume >= 0m) return null;
        if (Open <= 0m || High <= 0m || Low <= 0m || Close <= 0m) return "prices must be positive";
        if (High < Low) return $"high {High} is below low {Low}";
        if (Open > High || Open < Low) return $"open {Open} is outside [low {Low}, high {High}]";
        if (Close > High || Close < Low) return $"close {Close} is outside [low {Low}, high {High}]";
        if (Volume < 0m) return "volume is negative";
        return null;
    }

    /// <summary>
    /// When the four prices are non-negative with one scale and fit in 64 bits (prices read from one file or feed
    /// almost always do), their order is the order of their integer mantissas: <paramref name="inRange"/> then says
    /// whether low &gt; 0 and open and close lie in [low, high], at a fraction of the cost of decimal comparisons.
    /// False when that shortcut does not apply.
    /// </summary>
    private bool SameScalePricesInRange(out bool inRange)
    {
        inRange = false;
        Span<int> bits = stackalloc int[4]; // lo, mid, hi, flags (sign and scale)
        decimal.GetBits(Low, bits);
        var flags = bits[3];
        if (bits[2] != 0 || flags < 0) return false;
        var low = Mantissa(bits);
        decimal.GetBits(Open, bits);
        if (bits[2] != 0 || bits[3] != flags) return false;
        var open = Mantissa(bits);
        decimal.GetBits(High, bits);
        if (bits[2] != 0 || bits[3] != flags) return false;
        var high = Mantissa(bits);
        decimal.GetBits(Close, bits);
        if (bits[2] != 0 || bits[3] != flags) return false;
        var close = Mantissa(bits);
        inRange = low > 0 && low <= open && open <= high && low <= close && close <= high;
        return true;
    }

    private static ulong Mantissa(ReadOnlySpan<int> bits) => ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
}
