using System.Globalization;

namespace Bulwark.Storage;

/// <summary>
/// How times and decimals are stored as TEXT: UTC ISO-8601 with seven fractional digits (sorts as text, keeps every
/// tick) and invariant-culture decimals (keeps every digit and the scale).
/// </summary>
internal static class SqliteText
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <param name="where">Names the value for the error, e.g. "pipeline_snapshots.snapshot_time of id 4".</param>
    public static DateTimeOffset ParseTime(string text, string where) =>
        DateTimeOffset.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new InvalidDataException($"{where}: '{text}' is not a UTC time in the form {TimeFormat}.");

    public static string FormatDecimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static decimal ParseDecimal(string text, string where) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"{where}: '{text}' is not a decimal number.");
}
