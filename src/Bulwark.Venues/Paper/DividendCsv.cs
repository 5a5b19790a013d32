using System.Globalization;
using Bulwark.Core.MarketData;

namespace Bulwark.Venues.Paper;

/// <summary>
/// Cash dividends as a CSV file gives them: a header naming <c>symbol</c>, <c>ex_date</c> (yyyy-MM-dd) and
/// <c>amount</c> (per share) columns, in any order, other columns ignored; one row a dividend, the rows in any order.
/// Read by <c>--dividends</c> and by a bot's <c>venue.dividends</c>; each names the file its own way.
/// </summary>
public static class DividendCsv
{
    /// <summary>Each symbol's dividends in ascending ex-date order; null, with the first problem, when the file is bad.</summary>
    public static Dictionary<string, IReadOnlyList<Dividend>>? Parse(IReadOnlyList<string> lines, out NamedColumnsCsv.Problem? problem)
    {
        var bySymbol = new Dictionary<string, SortedDictionary<DateOnly, Dividend>>(StringComparer.Ordinal);
        problem = NamedColumnsCsv.Read(lines, ["symbol", "ex_date", "amount"], fields => Row(fields[0], fields[1], fields[2], bySymbol));
        return problem is not null ? null
            : bySymbol.ToDictionary(s => s.Key, s => (IReadOnlyList<Dividend>)[.. s.Value.Values], StringComparer.Ordinal);
    }

    /// <summary>Adds one row's dividend; what is wrong with the row, or null.</summary>
    private static string? Row(string symbol, string dateText, string amountText, Dictionary<string, SortedDictionary<DateOnly, Dividend>> bySymbol)
    {
        if (symbol.Length == 0) return "no symbol";
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return $"ex_date '{dateText}' is not a date (yyyy-MM-dd)";
        if (!decimal.TryParse(amountText, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) || amount <= 0m)
            return $"amount '{amountText}' is not a dividend above 0 a share";
        var dividends = bySymbol.TryGetValue(symbol, out var known) ? known : bySymbol[symbol] = [];
        return dividends.TryAdd(date, new Dividend(date, amount)) ? null : $"{symbol}'s dividend with ex-date {date:yyyy-MM-dd} is given twice";
    }
}
