using Bulwark.Core.Model;

namespace Bulwark.Core.MarketData;

/// <summary>
/// Reads bars of one symbol from CSV text: a header naming <c>Date,Open,High,Low,Close,Volume</c> (or none, in the
/// layouts of the exports that write none: see <see cref="CsvBarHeader"/>)
/// (any case, any order; other columns such as <c>OpenInterest</c> are ignored, and <c>Adj Close</c> unless the
/// prices are to be adjusted by it, see <see cref="CsvBarReadOptions.Adjusted"/>),
/// then one row per bar in strictly increasing time. Dates are <c>yyyy-MM-dd</c> (a daily bar opening at
/// midnight UTC) or ISO date-times with optional offset (none means UTC). With a <c>Time</c> column as well
/// (<c>Date,Time,Open,...</c>, as intraday exports often are), each row's date is <c>yyyy-MM-dd</c> and its time
/// <c>HH:mm</c> or <c>HH:mm:ss</c>, in UTC. Given a time zone, date-times written without an offset (and every
/// <c>Date,Time</c> row) are wall-clock times there instead (see <see cref="WallClockTimes"/>); dates alone stay
/// calendar days, and a written offset or Z is kept. The date column may instead hold Unix times (seconds or
/// milliseconds, UTC), and may be named <c>Timestamp</c>, <c>Datetime</c> or <c>Time</c> (see
/// <see cref="CsvBarHeader"/>). Trailing blank lines are
/// ignored. Any problem throws a <see cref="BarDataException"/> naming the source and line.
/// Fields are split on commas (or tabs, as MetaTrader exports them, see <see cref="CsvBarHeader"/>); quoted fields with
/// embedded commas are not supported. Dates may also be written <c>yyyy.MM.dd</c>, as MetaTrader writes them.
/// </summary>
public static class CsvBarReader
{
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    /// <summary>Streams the bars, reading <paramref name="reader"/> as they are enumerated (once).</summary>
    /// <param name="source">Name of the data in error messages, e.g. the file path.</param>
    /// <param name="options">Interval, time zone and adjustment; null: <see cref="CsvBarReadOptions.Default"/>.</param>
    public static IEnumerable<Bar> Read(TextReader reader, string source, string symbol, CsvBarReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        options ??= CsvBarReadOptions.Default;
        if (options.Interval is { } given && given <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), given, "The bar interval must be positive.");
        return ReadRows(reader, source, symbol, options);
    }

    /// <summary>Reads all bars into a list.</summary>
    public static IReadOnlyList<Bar> ReadAll(TextReader reader, string source, string symbol, CsvBarReadOptions? options = null) =>
        Read(reader, source, symbol, options).ToList();

    private static IEnumerable<Bar> ReadRows(TextReader reader, string source, string symbol, CsvBarReadOptions options)
    {
        var interval = options.Interval;
        var wallClock = options.TimeZone is { } zone ? new WallClockTimes(zone) : null;
        string? line = reader.ReadLine();
        if (line is null || string.IsNullOrWhiteSpace(line))
            throw new BarDataException(source, 1, "no header: expected a line such as Date,Open,High,Low,Close,Volume");
        var header = CsvBarHeader.Parse(line, source);
        if (options.Adjusted && header.AdjClose < 0)
            throw new BarDataException(source, 1, $"adjusting prices needs an adjusted close column (Adj Close) and the header '{line}' has none");
        var adjustBy = options.Adjusted ? header.AdjClose : -1;
        var fields = new Range[header.ColumnCount + 1];

        // A file with no header (see CsvBarHeader.HasHeaderLine) starts with a bar: its first line is read again, as a row.
        string? firstRow = header.HasHeaderLine ? null : line.TrimStart('\uFEFF');
        int lineNumber = header.HasHeaderLine ? 1 : 0;
        int firstBlankLine = 0;
        bool? dateOnlyFile = null;
        DateTimeOffset previous = default;
        Bar? waiting = null; // the first date-time row, held until the second one gives the interval
        int waitingLine = 0;

        while ((line = firstRow ?? reader.ReadLine()) is not null)
        {
            firstRow = null;
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                if (firstBlankLine == 0) firstBlankLine = lineNumber;
                continue;
            }
            if (firstBlankLine != 0)
                throw new BarDataException(source, firstBlankLine, "blank line before more data (only trailing blank lines are allowed)");

            var bar = ParseRow(line, fields, header, symbol, out bool dateOnly, out bool written, out string? problem);
            if (problem is null && adjustBy >= 0) bar = PriceAdjustment.Apply(bar, line.AsSpan()[fields[adjustBy]], out problem);
            if (problem is null && wallClock is not null && !dateOnly && !written)
            {
                if (wallClock.TryToUtc(bar.Time.DateTime, dateOnlyFile is null ? null : previous, out var utc, out problem))
                    bar = bar with { Time = utc };
            }
            if (problem is null && dateOnlyFile is { } kind && kind != dateOnly)
                problem = kind ? "date-time in a file of dates" : "date without time in a file of date-times";
            if (problem is null && dateOnlyFile is not null && bar.Time <= previous)
            {
                problem = bar.Time == previous
                    ? $"date {CsvBarFields.Describe(bar.Time, dateOnly)} repeats the previous row's date"
                    : $"date {CsvBarFields.Describe(bar.Time, dateOnly)} is before the previous row's {CsvBarFields.Describe(previous, dateOnly)} (rows must be in increasing time order)";
            }
            if (problem is not null) throw new BarDataException(source, lineNumber, problem);
            dateOnlyFile = dateOnly;
            previous = bar.Time;

            if (interval is null)
            {
                if (dateOnly) interval = OneDay;
                else if (waiting is null)
                {
                    waiting = bar;
                    waitingLine = lineNumber;
                    continue;
                }
                else interval = bar.Time - waiting.Value.Time;
            }
            if (waiting is { } first)
            {
                waiting = null;
                yield return first with { Interval = interval.Value };
            }
            yield return bar with { Interval = interval.Value };
        }

        if (waiting is not null)
            throw new BarDataException(source, waitingLine, "cannot infer the bar interval from a single date-time row; pass the interval explicitly");
    }

    /// <summary>A comma between a pair of double quotes: "1,000".</summary>
    private static bool HasQuotedComma(ReadOnlySpan<char> line)
    {
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && quoted) return true;
        }
        return false;
    }

    /// <summary>One row as a bar with a zero interval (filled in by the caller), or the row's problem.</summary>
    /// <param name="written">The row's date-time carries its own offset or Z (so no time zone applies to it).</param>
    private static Bar ParseRow(string line, Range[] fields, CsvBarHeader header, string symbol, out bool dateOnly, out bool written,
        out string? problem)
    {
        dateOnly = false;
        written = false;
        var text = line.AsSpan();
        int count = text.Split(fields, header.Separator);
        if (count != header.ColumnCount)
        {
            problem = count > header.ColumnCount
                ? HasQuotedComma(text)
                    // Quoted "1,234.5": a thousands separator (or a decimal comma) inside a field; which one cannot be told.
                    ? $"expected {header.ColumnCount} columns as in the header but found more: a quoted field holds a comma (a thousands separator such as \"1,000\" or a decimal comma); export numbers without separators, with '.' decimals"
                    : $"expected {header.ColumnCount} columns as in the header but found more"
                : $"expected {header.ColumnCount} columns as in the header but found {count}";
            return default;
        }

        var date = CsvBarFields.Clean(text[fields[header.Date]]);
        DateTimeOffset time;
        if (header.Time >= 0)
        {
            if (!CsvBarFields.TryParseDateAndTime(date, CsvBarFields.Clean(text[fields[header.Time]]), out time, out problem))
                return default;
        }
        else if (!CsvBarFields.TryParseTime(date, out time, out dateOnly))
        {
            problem = $"date '{date}' is not yyyy-MM-dd or an ISO date-time such as 2024-01-31T14:30:00Z (or a Unix time in seconds or milliseconds)";
            return default;
        }
        else written = !dateOnly && (!date.ContainsAnyExcept("0123456789") || HasOffset(date)); // a Unix time is UTC
        if (!Number(text[fields[header.Open]], "open", out decimal open, out problem)
            || !Number(text[fields[header.High]], "high", out decimal high, out problem)
            || !Number(text[fields[header.Low]], "low", out decimal low, out problem)
            || !Number(text[fields[header.Close]], "close", out decimal close, out problem)
            || !Number(text[fields[header.Volume]], "volume", out decimal volume, out problem))
        {
            return default;
        }

        var bar = new Bar(symbol, time, open, high, low, close, volume, TimeSpan.Zero);
        problem = bar.Problem();
        return bar;
    }

    /// <summary>An ISO date-time that parsed ends in Z or a ±HH:mm offset (the date part's own dashes come before index 10).</summary>
    private static bool HasOffset(ReadOnlySpan<char> dateTime) =>
        dateTime[^1] is 'Z' or 'z' || dateTime[10..].IndexOfAny('+', '-') >= 0;

    private static bool Number(ReadOnlySpan<char> field, string column, out decimal value, out string? problem) =>
        CsvBarFields.TryParseNumber(CsvBarFields.Clean(field), column, out value, out problem);
}
