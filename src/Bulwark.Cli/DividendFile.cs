using System.Globalization;
using Bulwark.Venues.Paper;

namespace Bulwark.Cli;

/// <summary>
/// The cash dividends --dividends reads: a CSV file with a header naming <c>symbol</c>, <c>ex_date</c> (yyyy-MM-dd) and
/// <c>amount</c> (per share) columns, in any order, other columns ignored; one row a dividend, in any order.
/// </summary>
internal static class DividendFile
{
    /// <summary>Each symbol's dividends in ascending ex-date order.</summary>
    /// <exception cref="UsageException">The file is missing, lacks a column, or a row is bad: the file and line are named.</exception>
    public static Dictionary<string, IReadOnlyList<Dividend>> Read(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"--dividends '{path}': no such file");
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) throw new UsageException($"--dividends '{path}': empty; expected a header naming symbol, ex_date and amount");
        var header = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(string name) => header.IndexOf(name) is var i and >= 0 ? i
            : throw new UsageException($"--dividends '{path}' line 1: no '{name}' column (the header must name symbol, ex_date and amount)");
        var (symbolAt, dateAt, amountAt) = (Column("symbol"), Column("ex_date"), Column("amount"));
        var bySymbol = new Dictionary<string, SortedDictionary<DateOnly, Dividend>>(StringComparer.Ordinal);
        for (var n = 1; n < lines.Length; n++)
        {
            if (lines[n].Trim().Length == 0) continue;
            var where = $"--dividends '{path}' line {n + 1}";
            var fields = lines[n].Split(',');
            if (fields.Length <= Math.Max(symbolAt, Math.Max(dateAt, amountAt)))
                throw new UsageException($"{where}: {fields.Length} fields, fewer than the header names");
            var symbol = fields[symbolAt].Trim();
            if (symbol.Length == 0) throw new UsageException($"{where}: no symbol");
            if (!DateOnly.TryParseExact(fields[dateAt].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new UsageException($"{where}: ex_date '{fields[dateAt].Trim()}' is not a date (yyyy-MM-dd)");
            if (!decimal.TryParse(fields[amountAt].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) || amount <= 0m)
                throw new UsageException($"{where}: amount '{fields[amountAt].Trim()}' is not a dividend above 0 a share");
            var dividends = bySymbol.TryGetValue(symbol, out var known) ? known : bySymbol[symbol] = [];
            if (!dividends.TryAdd(date, new Dividend(date, amount)))
                throw new UsageException($"{where}: {symbol}'s dividend with ex-date {date:yyyy-MM-dd} is given twice");
        }
        return bySymbol.ToDictionary(s => s.Key, s => (IReadOnlyList<Dividend>)[.. s.Value.Values], StringComparer.Ordinal);
    }
}
