using System.Text.Json;
using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

/// <summary>--adjusted: the commands read split- and dividend-adjusted prices from an Adj Close column.</summary>
public sealed class AdjustedPricesCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // A 2-for-1 split after the second day, unadjusted in the prices (as some vendors deliver them).
    private const string Split = """
        Date,Open,High,Low,Close,Adj Close,Volume
        2024-06-03,200,210,190,200,100,1000
        2024-06-04,200,204,196,202,101,1000
        2024-06-05,101,103,100,102,102,2000
        2024-06-06,102,104,101,103,103,2000
        """;

    private static Task<CliRun> RunAsync(string directory, params string[] args) => BulwarkProcess.RunAsync(directory, Timeout, args);

    [Fact]
    public async Task Indicators_Adjusted_AverageTheAdjustedCloses()
    {
        using var dir = new TempDir();
        dir.File("XYZ.csv", Split);

        var adjusted = await RunAsync(dir.Path, "indicators", "--data", "XYZ.csv", "--indicator", "sma:2", "--adjusted");
        var raw = await RunAsync(dir.Path, "indicators", "--data", "XYZ.csv", "--indicator", "sma:2");

        Assert.True(adjusted.ExitCode == 0, adjusted.All);
        Assert.Equal(["date,sma_2", "2024-06-03,", "2024-06-04,100.500000", "2024-06-05,101.500000", "2024-06-06,102.500000"],
            adjusted.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("2024-06-05,152.000000", raw.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_Adjusted_FillsAtAdjustedPrices()
    {
        using var dir = new TempDir();
        // Adjusted closes 100, 99, 98, then 101 after the split (a cross up: a buy), 103, 100 (a cross down: a sell).
        dir.File("XYZ.csv", """
            Date,Open,High,Low,Close,Adj Close,Volume
            2024-06-03,200,202,198,200,100,1000
            2024-06-04,200,200,196,198,99,1000
            2024-06-05,198,198,194,196,98,1000
            2024-06-06,99,102,99,101,101,2000
            2024-06-07,101,104,100,103,103,2000
            2024-06-10,103,103,99,100,100,2000
            2024-06-11,100,101,99,100,100,2000
            """);

        var run = await RunAsync(dir.Path, "backtest", "--strategy", "sma-cross", "--param", "period=2", "--data", "XYZ.csv",
            "--no-calendar", "--adjusted", "--json");

        Assert.True(run.ExitCode == 0, run.All);
        var fills = JsonDocument.Parse(run.StdOut).RootElement.GetProperty("orders").EnumerateArray()
            .Where(o => o.GetProperty("fillPrice").ValueKind == JsonValueKind.Number).Select(o => o.GetProperty("fillPrice").GetDecimal()).ToList();
        Assert.Equal([101m, 100m], fills); // the buy at 2024-06-07's open, the sell at 2024-06-11's
        Assert.DoesNotContain("price jump", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_Unadjusted_WarnsOfTheSplitItWouldTradeAsACrash()
    {
        using var dir = new TempDir();
        dir.File("XYZ.csv", Split);

        var run = await RunAsync(dir.Path, "backtest", "--strategy", "sma-cross", "--param", "period=2", "--data", "XYZ.csv", "--no-calendar", "--json");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("bulwark: price jump XYZ: close 202 (2024-06-04) to open 101 (2024-06-05), -50.0%", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("--adjusted adjusts them by the file's Adj Close column", run.StdErr, StringComparison.Ordinal);
        System.Text.Json.JsonDocument.Parse(run.StdOut); // standard output stays JSON
    }

    [Fact]
    public async Task Backtest_AdjustedWithoutTheColumn_IsAUsageErrorNamingTheFile()
    {
        using var dir = new TempDir();
        dir.File("XYZ.csv", "Date,Open,High,Low,Close,Volume\n2024-06-03,1,1,1,1,0\n");

        var run = await RunAsync(dir.Path, "backtest", "--strategy", "sma-cross", "--data", "XYZ.csv", "--adjusted");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("XYZ.csv:1: adjusting prices needs an adjusted close column", run.StdErr, StringComparison.Ordinal);
    }
}
