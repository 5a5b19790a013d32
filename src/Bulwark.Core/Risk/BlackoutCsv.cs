using System.Globalization;
using Bulwark.Core.MarketData;

namespace Bulwark.Core.Risk;

/// <summary>
/// Blackouts as a CSV file gives them: a header naming <c>symbol</c> (<c>*</c> for every symbol), <c>from</c> and
/// <c>to</c> (yyyy-MM-dd, inclusive; <c>to</c> may be empty for one day), and optionally <c>reason</c> (no commas) and
/// <c>exit</c> (<c>true</c> closes positions at the blackout's first bar; empty or <c>false</c> only stops entries), in any
/// order, other columns ignored. Read by <c>backtest --blackouts</c> and by a bot's <c>blackouts</c>.
/// </summary>
public static class BlackoutCsv
{
    /// <summary>The rows; null, with the first problem (its line), when the file is bad.</summary>
    public static Blackouts? Parse(IReadOnlyList<string> lines, out NamedColumnsCsv.Problem? problem)
    {
        var rows = new List<Blackout>();
        problem = NamedColumnsCsv.Read(lines, ["symbol", "from", "to"], ["reason", "exit"], f => Row(f[0], f[1], f[2], f[3], f[4], rows));
        return problem is null ? new Blackouts(rows) : null;
    }

    private static string? Row(string symbol, string fromText, string toText, string reason, string exitText, List<Blackout> rows)
    {
        if (symbol.Length == 0) return "no symbol (give * for every symbol)";
        if (!Date(fromText, out var from)) return $"from '{fromText}' is not a date (yyyy-MM-dd)";
        var to = from;
        if (toText.Length > 0 && !Date(toText, out to)) return $"to '{toText}' is not a date (yyyy-MM-dd)";
        if (to < from) return $"to {to:yyyy-MM-dd} is before from {from:yyyy-MM-dd}";
        bool exit;
        if (exitText.Length == 0) exit = false;
        else if (!bool.TryParse(exitText, out exit)) return $"exit '{exitText}' is not true or false";
        rows.Add(new Blackout(symbol, from, to, reason, exit));
        return null;
    }

    private static bool Date(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
