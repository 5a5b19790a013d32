using System.Globalization;
using Bulwark.Core.Model;
using Bulwark.Venues.Paper;

namespace Bulwark.Cli;

/// <summary>
/// What --cash-interest reads: a yearly percent for every day, or a CSV file of rates that change over time, with a
/// header naming <c>date</c> (yyyy-MM-dd) and <c>percent</c> columns, in any order, other columns ignored; one row a
/// rate from its date until the next row's, the rows in any order. A broker's deposit rate follows the central bank's,
/// so a run over years earns what cash earned then, and its Sharpe ratio is measured over that rate.
/// </summary>
internal static class CashRateFile
{
    /// <exception cref="UsageException">The value is neither a percent nor a file, a rate is out of range, or a row of the
    /// file is bad: the file and line are named.</exception>
    public static CashRates Read(string value)
    {
        if (decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
        {
            return FinancingRates.IsValid(percent) ? CashRates.Fixed(percent)
                : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--cash-interest must be a yearly percent in [-100, 100] (was {percent})"));
        }
        if (!File.Exists(value)) throw new UsageException($"--cash-interest '{value}': neither a yearly percent nor a file of rates");
        return ReadFile(value);
    }

    private static CashRates ReadFile(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) throw new UsageException($"--cash-interest '{path}': empty; expected a header naming date and percent");
        var header = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(string name) => header.IndexOf(name) is var i and >= 0 ? i
            : throw new UsageException($"--cash-interest '{path}' line 1: no '{name}' column (the header must name date and percent)");
        var (dateAt, percentAt) = (Column("date"), Column("percent"));
        var steps = new SortedDictionary<DateOnly, CashRateStep>();
        for (var n = 1; n < lines.Length; n++)
        {
            if (lines[n].Trim().Length == 0) continue;
            var where = $"--cash-interest '{path}' line {n + 1}";
            var fields = lines[n].Split(',');
            if (fields.Length <= Math.Max(dateAt, percentAt)) throw new UsageException($"{where}: {fields.Length} fields, fewer than the header names");
            var dateText = fields[dateAt].Trim();
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new UsageException($"{where}: date '{dateText}' is not a date (yyyy-MM-dd)");
            var percentText = fields[percentAt].Trim();
            if (!decimal.TryParse(percentText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
                || !FinancingRates.IsValid(percent))
                throw new UsageException($"{where}: percent '{percentText}' is not a yearly percent in [-100, 100]");
            if (!steps.TryAdd(date, new CashRateStep(date, percent)))
                throw new UsageException($"{where}: a rate from {date:yyyy-MM-dd} is given twice");
        }
        if (steps.Count == 0) throw new UsageException($"--cash-interest '{path}': no rates, only a header");
        return CashRates.Steps(steps.Values);
    }

    /// <summary>
    /// Rates that change over time must begin by the first bar's day: a day before the first rate would earn nothing,
    /// which is not what cash earned then.
    /// </summary>
    /// <exception cref="UsageException">The first rate is later than the first bar's (UTC) day.</exception>
    public static void RequireCovers(CashRates rates, IReadOnlyList<Bar> bars)
    {
        if (rates.FirstDay is not { } first || bars.Count == 0) return;
        var start = DateOnly.FromDateTime(bars.Min(b => b.Time).UtcDateTime);
        if (start < first)
            throw new UsageException($"--cash-interest: the first rate is from {first:yyyy-MM-dd}, after the first bar's day {start:yyyy-MM-dd}; give a rate from {start:yyyy-MM-dd} or earlier");
    }
}
