using Bulwark.Core.Model;

namespace Bulwark.Cli;

/// <summary>A benchmark's bars (--benchmark): read as the run's data is read, and checked against the run's bars.</summary>
/// <param name="Symbol">Its name: the file's, as a data file's symbol is.</param>
internal sealed record BenchmarkFile(string Symbol, IReadOnlyList<Bar> Bars, DataFileInfo File)
{
    /// <summary>Reads <paramref name="path"/> with the zone and adjustment of <paramref name="inputs"/>.</summary>
    /// <exception cref="UsageException">
    /// The file is missing, bad (file and line named) or empty; its bars are not of the run's size (daily against
    /// intraday, or another interval), so its closes would not be the run's points; or it begins after the run's first
    /// bar, so there is nothing to measure the run's first return against.
    /// </exception>
    public static BenchmarkFile Read(string path, BacktestInputs inputs)
    {
        if (!System.IO.File.Exists(path)) throw new UsageException($"--benchmark: no such file '{path}'");
        var symbol = BarFiles.SymbolOf(path);
        var bars = BarFiles.Read(path, symbol, inputs.ReadAs);
        if (bars.Count == 0) throw new UsageException($"--benchmark '{path}': no bars (a header and no rows)");
        RequireSameBarSize(path, bars[0], inputs.Bars);
        RequireCovers(path, bars[0], inputs.Bars);
        return new BenchmarkFile(symbol, bars, DataFileInfo.Of(path, symbol, bars));
    }

    private static void RequireSameBarSize(string path, Bar benchmark, IReadOnlyList<Bar> bars)
    {
        foreach (var bar in bars)
        {
            if (bar.IsDaily ? benchmark.IsDaily : bar.Interval == benchmark.Interval) continue;
            throw new UsageException($"--benchmark '{path}': its bars are {Size(benchmark)} and {bar.Symbol}'s are {Size(bar)}; " +
                "give a benchmark of the run's bar size, so that each of the run's points has the benchmark's close of that time");
        }
    }

    private static string Size(Bar bar) => bar.IsDaily ? "daily" : $"{Backtest.Reports.TradeStatistics.Describe(bar.Interval)} bars";

    private static void RequireCovers(string path, Bar first, IReadOnlyList<Bar> bars)
    {
        if (bars.Count == 0) return;
        var start = bars[0];
        if (first.IsDaily ? first.SessionDate <= start.SessionDate : first.Time <= start.Time) return;
        throw new UsageException($"--benchmark '{path}': its first bar ({BarTimeText.Of(first.Time)}) is after the run's first ({BarTimeText.Of(start.Time)}); " +
            "give a benchmark that begins by the run's first bar");
    }

    /// <summary>
    /// The benchmark ends before the run's last bar: from there on it stands still at its last close, so the comparison
    /// reads the run's last stretch against a flat line. Said on standard error (the JSON stays clean), not refused: a
    /// benchmark on another calendar may lack only the run's last day or two.
    /// </summary>
    public void WarnIfShort(IReadOnlyList<Bar> bars)
    {
        if (bars.Count == 0) return;
        var (last, end) = (Bars[^1], bars[^1]);
        if (last.IsDaily ? last.SessionDate >= end.SessionDate : last.Time >= end.Time) return;
        Console.Error.WriteLine($"bulwark: --benchmark '{File.Path}' ends at {BarTimeText.Of(last.Time)}, before the run's last bar ({BarTimeText.Of(end.Time)}); it is held at its last close from there");
    }
}
