using System.Globalization;

namespace Bulwark.Core.MarketData;

/// <summary>Parsing of single CSV fields into bar values (invariant culture).</summary>
internal static class CsvBarFields
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK",
    ];

    /// <summary>The field without surrounding white space and double quotes.</summary>
    public static string Clean(string field) => Clean(field.AsSpan()).ToString();

    public static ReadOnlySpan<char> Clean(ReadOnlySpan<char> field)
    {
        field = field.Trim();
        if (field.Length >= 2 && field[0] == '"' && field[^1] == '"') field = field[1..^1].Trim();
        return field;
    }

    /// <summary>Parses a decimal number, or returns why it is not one.</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> text, string column, out decimal value, out string? problem)
    {
        problem = null;
        if (CsvFastFields.TryParsePlainDecimal(text, out value) || TryParseDecimalGeneral(text, out value)) return true;
        if (text.IsEmpty) problem = $"{column} is empty";
        else if (text.Equals("null", StringComparison.OrdinalIgnoreCase))
            problem = $"{column} is 'null': the row has no prices (some downloads write such rows for days without data; delete them)";
        else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed))
            problem = double.IsFinite(parsed) ? $"{column} '{text}' is out of range" : $"{column} '{text}' is not a finite number";
        else problem = $"{column} '{text}' is not a number";
        return false;
    }

    /// <summary>
    /// Parses <c>yyyy-MM-dd</c> (midnight UTC, <paramref name="dateOnly"/> true), an ISO date-time with optional
    /// offset or Z (no offset means UTC), or a Unix time (see <see cref="TryParseUnixTime"/>). The result is in UTC.
    /// The date may be written <c>yyyy.MM.dd</c> as well.
    /// </summary>
    public static bool TryParseTime(ReadOnlySpan<char> text, out DateTimeOffset time, out bool dateOnly)
    {
        if (text.Length is >= 10 and <= 40 && text[4] == '.' && text[7] == '.') // MetaTrader's yyyy.MM.dd, read as yyyy-MM-dd
        {
            Span<char> dashed = stackalloc char[text.Length];
            text.CopyTo(dashed);
            dashed[4] = dashed[7] = '-';
            return TryParseTime(dashed, out time, out dateOnly);
        }
        dateOnly = text.Length == 10 && text[4] == '-';
        return CsvFastFields.TryParseIsoTime(text, out time) || TryParseTimeGeneral(text, out time) || TryParseUnixTime(text, out time);
    }

    /// <summary>
    /// A Unix time as crypto exchanges and charting tools export it: whole seconds (9 or 10 digits, from 1973 to 2286),
    /// milliseconds (12 or 13 digits) or microseconds (15 or 16, as Binance's spot files have since 2025) since
    /// 1970-01-01 UTC. Always UTC: no time zone applies to it.
    /// </summary>
    public static bool TryParseUnixTime(ReadOnlySpan<char> text, out DateTimeOffset time)
    {
        time = default;
        // NumberStyles.None: digits only, no sign, white space or separators.
        if (text.Length is not (9 or 10 or 12 or 13 or 15 or 16) || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            return false;
        time = text.Length switch
        {
            <= 10 => DateTimeOffset.FromUnixTimeSeconds(count),
            <= 13 => DateTimeOffset.FromUnixTimeMilliseconds(count),
            _ => DateTimeOffset.UnixEpoch.AddTicks(count * TimeSpan.TicksPerMicrosecond),
        };
        return true;
    }

    /// <summary>
    /// A <c>yyyy-MM-dd</c> date and an <c>HH:mm</c> or <c>HH:mm:ss</c> (optionally with a fraction) time from two
    /// columns, in UTC; or why not.
    /// </summary>
    public static bool TryParseDateAndTime(ReadOnlySpan<char> date, ReadOnlySpan<char> timeOfDay, out DateTimeOffset time, out string? problem)
    {
        time = default;
        problem = null;
        // The two fields joined as one ISO date-time and parsed once; a time with its own zone or offset is no time of day.
        Span<char> joined = stackalloc char[32];
        var fits = date.Length == 10 && timeOfDay.Length is >= 5 and <= 16 && timeOfDay.IndexOfAny('Z', '+', '-') < 0;
        if (fits)
        {
            date.CopyTo(joined);
            joined[10] = 'T';
            timeOfDay.CopyTo(joined[11..]);
            if (TryParseTime(joined[..(11 + timeOfDay.Length)], out time, out _)) return true;
        }
        // Only a row that failed is told apart: the date, checked first, or else the time.
        problem = date.Length != 10 || !TryParseTime(date, out _, out _)
            ? $"date '{date}' is not yyyy-MM-dd (the file has a Time column for the time of day)"
            : $"time '{timeOfDay}' is not HH:mm or HH:mm:ss";
        return false;
    }

    /// <summary>The general decimal parser (invariant, <see cref="NumberStyles.Float"/>), behind the fast path.</summary>
    internal static bool TryParseDecimalGeneral(ReadOnlySpan<char> text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>The general date and date-time parser, behind the fast path.</summary>
    internal static bool TryParseTimeGeneral(ReadOnlySpan<char> text, out DateTimeOffset time)
    {
        if (text.Length == 10)
        {
            bool ok = DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
            time = ok ? new DateTimeOffset(date.Ticks, TimeSpan.Zero) : default;
            return ok;
        }
        if (DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
        {
            time = time.ToUniversalTime();
            return true;
        }
        return false;
    }

    /// <summary>A bar time as the file would show it: the date alone for daily data, else ISO UTC.</summary>
    public static string Describe(DateTimeOffset time, bool dateOnly) =>
        time.ToString(dateOnly ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
