namespace Bulwark.Core.MarketData;

/// <summary>
/// Where the columns a bar needs are in a CSV header. Names match case-insensitively; other columns are ignored. The
/// bar's time may be named <c>Date</c>, <c>Datetime</c> or <c>Timestamp</c> (as crypto tools write it), or <c>Time</c>
/// when no column has one of those names (as charting exports write it). Otherwise an optional <c>Time</c> column holds
/// the time of day when <c>Date</c> holds only the date (intraday exports often split them);
/// an optional adjusted close (<c>Adj Close</c>, <c>AdjClose</c>, <c>Adj_Close</c>, <c>Adjusted Close</c>) is found for
/// readers that adjust by it. Fields are separated by commas, or by tabs when the header has no comma: MetaTrader's
/// export (<c>&lt;DATE&gt;	&lt;TIME&gt;	&lt;OPEN&gt;	...	&lt;TICKVOL&gt;	&lt;VOL&gt;	&lt;SPREAD&gt;</c>), whose names are in
/// angle brackets and whose volume is <c>Vol</c> (or, where a file has no real volume, <c>TickVol</c>).
/// </summary>
internal sealed class CsvBarHeader
{
    private static readonly string[] Required = ["Date", "Open", "High", "Low", "Close", "Volume"];
    private const string TimeColumn = "Time";
    private const string AdjCloseColumn = "Adj Close";

    /// <summary>Other names of the Date column.</summary>
    private static readonly string[] DateAliases = ["Datetime", "Timestamp"];

    /// <summary>Another name of the Volume column (MetaTrader's), and the tick count read as volume when there is none.</summary>
    private const string VolumeAlias = "Vol";
    private const string TickVolume = "TickVol";

    private static string NameOf(int index) => index < Required.Length ? Required[index] : index == Required.Length ? TimeColumn : AdjCloseColumn;

    /// <summary>An adjusted close's name once spaces, underscores and case are set aside: adjclose or adjustedclose.</summary>
    private static bool IsAdjClose(ReadOnlySpan<char> name)
    {
        Span<char> squeezed = stackalloc char[Math.Min(name.Length, 32)];
        var length = 0;
        foreach (var c in name)
        {
            if (c is ' ' or '_') continue;
            if (length == squeezed.Length) return false;
            squeezed[length++] = char.ToLowerInvariant(c);
        }
        return squeezed[..length] is "adjclose" or "adjustedclose";
    }

    private CsvBarHeader(int columnCount, char separator, int[] indexes, bool hasHeaderLine = true)
    {
        HasHeaderLine = hasHeaderLine;
        ColumnCount = columnCount;
        Separator = separator;
        Date = indexes[0];
        Open = indexes[1];
        High = indexes[2];
        Low = indexes[3];
        Close = indexes[4];
        Volume = indexes[5];
        Time = indexes[6];
        AdjClose = indexes[7];
    }

    public int ColumnCount { get; }

    /// <summary>
    /// False for a file with no header line, whose first line is already a bar (see <see cref="Headerless"/>): the
    /// reader reads it as one.
    /// </summary>
    public bool HasHeaderLine { get; }

    /// <summary>What separates the fields: a comma, or a tab (see the class remarks).</summary>
    public char Separator { get; }
    public int Date { get; }
    public int Open { get; }
    public int High { get; }
    public int Low { get; }
    public int Close { get; }
    public int Volume { get; }

    /// <summary>The time-of-day column, or -1 when the date column holds whole dates or date-times.</summary>
    public int Time { get; }

    /// <summary>The adjusted close column, or -1 when there is none.</summary>
    public int AdjClose { get; }

    /// <summary>How a header with no comma is separated when it is a semicolon or pipe list: the usual spreadsheet exports.</summary>
    private static string? OtherSeparator(string line) =>
        line.Contains(';', StringComparison.Ordinal) ? "';'"
        : line.Contains('|', StringComparison.Ordinal) ? "'|'"
        : null;

    /// <summary>A header name without the angle brackets MetaTrader writes around it: &lt;DATE&gt; is Date.</summary>
    private static string Name(string field)
    {
        var name = CsvBarFields.Clean(field);
        return name.Length > 2 && name[0] == '<' && name[^1] == '>' ? name[1..^1].Trim() : name;
    }

    /// <exception cref="BarDataException">A required column is missing or appears twice.</exception>
    public static CsvBarHeader Parse(string line, string source)
    {
        var text = line.TrimStart('\uFEFF');
        var separator = !text.Contains(',', StringComparison.Ordinal) && text.Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
        var names = text.Split(separator);
        if (Headerless(names, separator, source) is { } layout) return layout;
        var indexes = new int[Required.Length + 2]; // the required columns, then the optional Time and Adj Close
        Array.Fill(indexes, -1);
        var tickVolume = -1;
        for (int column = 0; column < names.Length; column++)
        {
            var name = Name(names[column]);
            if (name.Equals(TickVolume, StringComparison.OrdinalIgnoreCase))
            {
                tickVolume = column;
                continue;
            }
            if (name.Equals(VolumeAlias, StringComparison.OrdinalIgnoreCase)) name = Required[5];
            int required = name.Equals(TimeColumn, StringComparison.OrdinalIgnoreCase) ? Required.Length
                : IsAdjClose(name) ? Required.Length + 1
                : DateAliases.Any(a => name.Equals(a, StringComparison.OrdinalIgnoreCase)) ? 0
                : Array.FindIndex(Required, r => name.Equals(r, StringComparison.OrdinalIgnoreCase));
            if (required < 0) continue;
            if (indexes[required] >= 0)
            {
                var what = required == 0 ? $"the bar's time (Date, Datetime or Timestamp) is in two columns" : $"column {NameOf(required)} appears twice in the header";
                throw new BarDataException(source, 1, $"{what} (columns {indexes[required] + 1} and {column + 1})");
            }
            indexes[required] = column;
        }
        if (indexes[0] < 0 && indexes[Required.Length] >= 0) // a lone Time column is the bar's time, not a time of day
            (indexes[0], indexes[Required.Length]) = (indexes[Required.Length], -1);
        if (indexes[5] < 0) indexes[5] = tickVolume; // a count of ticks is the volume a file without real volume has

        var missing = Required.Where((_, i) => indexes[i] < 0).ToList();
        if (missing.Count > 0 && names.Length == 1 && OtherSeparator(line) is { } other)
            throw new BarDataException(source, 1,
                $"the header '{line}' is separated by {other}, not commas: bar files are comma-separated (or tab-separated) with '.' decimals (Date,Open,High,Low,Close,Volume); export the file that way");
        if (missing.Count > 0)
        {
            var what = missing.Count == 1 ? $"required column {missing[0]} is" : $"required columns {string.Join(", ", missing)} are";
            throw new BarDataException(source, 1, $"{what} missing from the header '{line}' (expected Date,Open,High,Low,Close,Volume in any order; the Date column may be called Timestamp, Datetime or Time)");
        }
        return new CsvBarHeader(names.Length, separator, indexes);
    }

    /// <summary>
    /// The layout of a file with no header, told by its first field being a time rather than a column's name. Three exports
    /// write no header, each known by its count of fields: MetaTrader 4's (date, time of day, open, high, low, close,
    /// volume: 7 with a time of day second), Binance's klines (open time in Unix milliseconds or microseconds, open, high,
    /// low, close, volume, then six more: 12), and plain date, open, high, low, close, volume (6). Null for a header line.
    /// </summary>
    /// <exception cref="BarDataException">The first line is a bar, but of no layout known.</exception>
    private static CsvBarHeader? Headerless(string[] fields, char separator, string source)
    {
        if (fields.Length < 2 || !CsvBarFields.TryParseTime(CsvBarFields.Clean(fields[0]), out _, out _)) return null;
        var timeOfDay = fields.Length == 7 && CsvBarFields.TryParseDateAndTime(CsvBarFields.Clean(fields[0]), CsvBarFields.Clean(fields[1]), out _, out _);
        int[]? indexes = (fields.Length, timeOfDay) switch
        {
            (7, true) => [0, 2, 3, 4, 5, 6, 1, -1],
            (6, _) or (12, _) => [0, 1, 2, 3, 4, 5, -1, -1],
            _ => null,
        };
        return indexes is null
            ? throw new BarDataException(source, 1, $"the file has no header, and a first line of {fields.Length} fields is no layout known " +
                "(date,open,high,low,close,volume; MetaTrader 4's date,time,open,high,low,close,volume; Binance's 12-field klines): " +
                "write a header line such as Date,Open,High,Low,Close,Volume")
            : new CsvBarHeader(fields.Length, separator, indexes, hasHeaderLine: false);
    }
}
