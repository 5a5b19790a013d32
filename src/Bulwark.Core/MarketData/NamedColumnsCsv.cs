namespace Bulwark.Core.MarketData;

/// <summary>
/// A small CSV file read by the names in its header: the columns asked for in any order (case aside), other columns
/// ignored, blank lines skipped. Dividends, cash rates and blackouts are read this way; each says what its rows mean.
/// </summary>
public static class NamedColumnsCsv
{
    /// <summary>A line the file cannot be read past: its number (1 for the header, 0 for the file as a whole) and why.</summary>
    public readonly record struct Problem(int Line, string Message)
    {
        /// <summary>"'{file}' line 3: why", or "'{file}': why" for the file as a whole.</summary>
        public string In(string file) => Line > 0 ? $"'{file}' line {Line}: {Message}" : $"'{file}': {Message}";
    }

    /// <summary>
    /// Hands each data row's fields, trimmed, in the order of <paramref name="columns"/> to <paramref name="row"/>, which
    /// says what is wrong with the row or null; the first problem (no header, a column missing, a row too short, or
    /// <paramref name="row"/>'s) ends the reading and is returned. Null when every row was read.
    /// </summary>
    public static Problem? Read(IReadOnlyList<string> lines, IReadOnlyList<string> columns, Func<string[], string?> row) =>
        Read(lines, columns, [], row);

    /// <summary>
    /// As <see cref="Read(IReadOnlyList{string}, IReadOnlyList{string}, Func{string[], string?})"/>, with
    /// <paramref name="optional"/> columns after the required ones: a field of one the header does not name is empty.
    /// </summary>
    public static Problem? Read(IReadOnlyList<string> lines, IReadOnlyList<string> columns, IReadOnlyList<string> optional,
        Func<string[], string?> row)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(row);
        var names = $"{string.Join(", ", columns.Take(columns.Count - 1))} and {columns[^1]}";
        if (lines.Count == 0) return new Problem(0, $"empty; expected a header naming {names}");
        var header = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (columns.FirstOrDefault(c => !header.Contains(c)) is { } missing)
            return new Problem(1, $"no '{missing}' column (the header must name {names})");
        int[] at = [.. columns.Concat(optional).Select(c => header.IndexOf(c))];
        var needed = at.Max();
        for (var n = 1; n < lines.Count; n++)
        {
            if (lines[n].Trim().Length == 0) continue;
            var fields = lines[n].Split(',');
            if (fields.Length <= needed) return new Problem(n + 1, $"{fields.Length} fields, fewer than the header names");
            if (row([.. at.Select(i => i < 0 ? "" : fields[i].Trim())]) is { } message) return new Problem(n + 1, message);
        }
        return null;
    }
}
