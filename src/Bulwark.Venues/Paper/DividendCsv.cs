using System.Globalization;

namespace Bulwark.Venues.Paper;

/// <summary>
/// Cash dividends as a CSV file gives them: a header naming <c>symbol</c>, <c>ex_date</c> (yyyy-MM-dd) and
/// <c>amount</c> (per share) columns, in any order, other columns ignored; one row a dividend, the rows in any order.
/// Read by <c>--dividends</c> and by a bot's <c>venue.dividends</c>; each names the file its own way.
/// </summary>
public static class DividendCsv
{
    /// <summary>A row the file cannot be read past: its line (1 for the header, 0 for the file as a whole) and why.</summary>
    public readonly record struct Problem(int Line, string Message);

    /// <summary>Each symbol's dividends in ascending ex-date order; null, with the first problem, when the file is bad.</summary>
    public static Dictionary<string, IReadOnlyList<Dividend>>? Parse(IReadOnlyList<string> lines, out Problem? problem)
    {
        problem = null;
        if (lines.Count == 0)
        {
            problem = new Problem(0, "empty; expected a header naming symbol, ex_date and amount");
            return null;
        }
        var header = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = new[] { "symbol", "ex_date", "amount" }.FirstOrDefault(c => !header.Contains(c));
        if (missing is not null)
        {
            problem = new Problem(1, $"no '{missing}' column (the header must name symbol, ex_date and amount)");
            return null;
        }
        var (symbolAt, dateAt, amountAt) = (header.IndexOf("symbol"), header.IndexOf("ex_date"), header.IndexOf("amount"));
        var bySymbol = new Dictionary<string, SortedDictionary<DateOnly, Dividend>>(StringComparer.Ordinal);
        for (var n = 1; n < lines.Count; n++)
        {
            if (lines[n].Trim().Length == 0) continue;
            if (Row(lines[n], symbolAt, dateAt, amountAt, bySymbol) is { } message)
            {
                problem = new Problem(n + 1, message);
                return null;
            }
        }
        return bySymbol.ToDictionary(s => s.Key, s => (IReadOnlyList<Dividend>)[.. s.Value.Values], StringComparer.Ordinal);
    }

    /// <summary>Adds one row's dividend; what is wrong with the row, or null.</summary>
    private static string? Row(string line, int symbolAt, int dateAt, int amountAt, Dictionary<string, SortedDictionary<DateOnly, Dividend>> bySymbol)
    {
        var fields = line.Split(',');
        if (fields.Length <= Math.Max(symbolAt, Math.Max(dateAt, amountAt))) return $"{fields.Length} fields, fewer than the header names";
        var symbol = fields[symbolAt].Trim();
        if (symbol.Length == 0) return "no symbol";
        if (!DateOnly.TryParseExact(fields[dateAt].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return $"ex_date '{fields[dateAt].Trim()}' is not a date (yyyy-MM-dd)";
        if (!decimal.TryParse(fields[amountAt].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) || amount <= 0m)
            return $"amount '{fields[amountAt].Trim()}' is not a dividend above 0 a share";
        var dividends = bySymbol.TryGetValue(symbol, out var known) ? known : bySymbol[symbol] = [];
        return dividends.TryAdd(date, new Dividend(date, amount)) ? null : $"{symbol}'s dividend with ex-date {date:yyyy-MM-dd} is given twice";
    }
}
