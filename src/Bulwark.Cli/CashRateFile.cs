using System.Globalization;
using Bulwark.Core.MarketData;
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
        var steps = new SortedDictionary<DateOnly, CashRateStep>();
        if (NamedColumnsCsv.Read(File.ReadAllLines(path), ["date", "percent"], fields => Row(fields[0], fields[1], steps)) is { } problem)
            throw new UsageException($"--cash-interest {problem.In(path)}");
        if (steps.Count == 0) throw new UsageException($"--cash-interest '{path}': no rates, only a header");
        return CashRates.Steps(steps.Values);
    }

    /// <summary>Adds one row's rate; what is wrong with the row, or null.</summary>
    private static string? Row(string dateText, string percentText, SortedDictionary<DateOnly, CashRateStep> steps)
    {
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return $"date '{dateText}' is not a date (yyyy-MM-dd)";
        if (!decimal.TryParse(percentText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
            || !FinancingRates.IsValid(percent))
            return $"percent '{percentText}' is not a yearly percent in [-100, 100]";
        return steps.TryAdd(date, new CashRateStep(date, percent)) ? null : $"a rate from {date:yyyy-MM-dd} is given twice";
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
