using Bulwark.Venues.Paper;

namespace Bulwark.Cli;

/// <summary>The cash dividends --dividends reads: a CSV file as <see cref="DividendCsv"/> reads it.</summary>
internal static class DividendFile
{
    /// <summary>Each symbol's dividends in ascending ex-date order.</summary>
    /// <exception cref="UsageException">The file is missing, lacks a column, or a row is bad: the file and line are named.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<Dividend>> Read(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"--dividends '{path}': no such file");
        return DividendCsv.Parse(File.ReadAllLines(path), out var problem) ?? throw new UsageException($"--dividends {problem!.Value.In(path)}");
    }

    /// <summary>Adjusted prices already hold every dividend: paying them as well would pay each twice.</summary>
    /// <exception cref="UsageException">Both were asked for.</exception>
    /// <param name="dividendsFrom">Where the dividends came from: --dividends, or a bot's configuration.</param>
    /// <param name="adjustedFrom">Where the adjustment came from: --adjusted, or a bot's feed.</param>
    public static void RequireUnadjusted(bool adjusted, IReadOnlyDictionary<string, IReadOnlyList<Dividend>> dividends,
        string dividendsFrom = "--dividends", string adjustedFrom = "--adjusted")
    {
        if (adjusted && dividends.Count > 0)
            throw new UsageException($"{dividendsFrom} with {adjustedFrom} would pay every dividend twice: adjusted prices already hold them; give one");
    }
}
