using Bulwark.Cli.Bench;
using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

/// <summary>How `backtest` and `optimize` read several bar files into one stream.</summary>
public sealed class BacktestInputsTests
{
    [Fact]
    public void Load_SeveralFiles_MergesThemByTimeWithEqualTimesInSymbolOrder_WhateverOrderTheyAreGiven()
    {
        using var dir = new TempDir();
        var b = dir.File("BBB.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,1,1,1,0\n2024-01-04,2,2,2,2,0\n2024-01-05,3,3,3,3,0\n");
        var a = dir.File("AAA.csv", "Date,Open,High,Low,Close,Volume\n2024-01-03,4,4,4,4,0\n2024-01-04,5,5,5,5,0\n");

        var inputs = BacktestInputs.Load([b, a]);

        Assert.Equal(["BBB", "AAA"], inputs.Symbols);
        Assert.Equal(["BBB 02", "AAA 03", "AAA 04", "BBB 04", "BBB 05"], inputs.Bars.Select(b => $"{b.Symbol} {b.Time:dd}"));
    }

    [Fact]
    public void Load_OneFile_GivesItsBarsInFileOrder()
    {
        using var dir = new TempDir();
        var path = dir.File("X.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,1,1,1,0\n2024-01-03,2,2,2,2,0\n");

        var inputs = BacktestInputs.Load([path]);

        Assert.Equal([1m, 2m], inputs.Bars.Select(b => b.Close));
    }

    [Fact]
    public async Task CsvBench_OnASmallFile_ReadsAndRunsEveryBar()
    {
        using var dir = new TempDir();

        var results = await CsvBacktestBenchmarks.RunAsync(10_000, dir.Path, CancellationToken.None);

        Assert.Equal(["csv.readBarsPerSec", "csv.backtestBarsPerSec"], results.Select(r => r.Name));
        Assert.All(results, r => Assert.True(r.Value > 0));
        Assert.Contains("10,000 minute bars", results[1].Unit);
    }
}
