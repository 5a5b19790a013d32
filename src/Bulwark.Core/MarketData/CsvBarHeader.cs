namespace Bulwark.Core.MarketData;

/// <summary>
/// Where the columns a bar needs are in a CSV header. Names match case-insensitively; other columns are ignored. An
/// optional <c>Time</c> column holds the time of day when <c>Date</c> holds only the date (intraday exports often split them).
/// </summary>
internal sealed class CsvBarHeader
{
    private static readonly string[] Required = ["Date", "Open", "High", "Low", "Close", "Volume"];
    private const string TimeColumn = "Time";

    private static string NameOf(int index) => index < Required.Length ? Required[index] : TimeColumn;

    private CsvBarHeader(int columnCount, int[] indexes)
    {
        ColumnCount = columnCount;
        Date = indexes[0];
        Open = indexes[1];
        High = indexes[2];
        Low = indexes[3];
        Close = indexes[4];
        Volume = indexes[5];
        Time = indexes[6];
    }

    public int ColumnCount { get; }
    public int Date { get; }
    public int Open { get; }
    public int High { get; }
    public int Low { get; }
    public int Close { get; }
    public int Volume { get; }

    /// <summary>The time-of-day column, or -1 when the date column holds whole dates or date-times.</summary>
    public int Time { get; }

    /// <exception cref="BarDataException">A required column is missing or appears twice.</exception>
    public static CsvBarHeader Parse(string line, string source)
    {
        var names = line.TrimStart('\uFEFF').Split(',');
        var indexes = new int[Required.Length + 1]; // the required columns, then the optional Time
        Array.Fill(indexes, -1);
        for (int column = 0; column < names.Length; column++)
        {
            var name = CsvBarFields.Clean(names[column]);
            int required = name.Equals(TimeColumn, StringComparison.OrdinalIgnoreCase) ? Required.Length
                : Array.FindIndex(Required, r => name.Equals(r, StringComparison.OrdinalIgnoreCase));
            if (required < 0) continue;
            if (indexes[required] >= 0)
                throw new BarDataException(source, 1, $"column {NameOf(required)} appears twice in the header (columns {indexes[required] + 1} and {column + 1})");
            indexes[required] = column;
        }

        var missing = Required.Where((_, i) => indexes[i] < 0).ToList();
        if (missing.Count > 0)
        {
            var what = missing.Count == 1 ? $"required column {missing[0]} is" : $"required columns {string.Join(", ", missing)} are";
            throw new BarDataException(source, 1, $"{what} missing from the header '{line}' (expected Date,Open,High,Low,Close,Volume in any order)");
        }
        return new CsvBarHeader(names.Length, indexes);
    }
}
