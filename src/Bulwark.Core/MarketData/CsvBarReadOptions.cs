namespace Bulwark.Core.MarketData;

/// <summary>How <see cref="CsvBarReader"/> reads a file beyond its header.</summary>
public sealed record CsvBarReadOptions
{
    /// <summary>
    /// Length of every bar. When null: one day for date rows; for date-time rows, the time between the first two rows
    /// (a file with a single date-time row then needs an explicit interval).
    /// </summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>Where the file's date-times without an offset were written; null: UTC.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>
    /// Scale each row's prices by its adjusted close over its close (the file must have an <c>Adj Close</c> column), so a
    /// split or dividend is no jump in price; volume is scaled the other way, which keeps the traded value.
    /// </summary>
    public bool Adjusted { get; init; }

    /// <summary>Reads as written: interval inferred, UTC, unadjusted.</summary>
    public static CsvBarReadOptions Default { get; } = new();
}
