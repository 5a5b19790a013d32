using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

public sealed class BacktestCommandTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Backtest_SmaCrossOnTheSample_PrintsThePublishedResultAsJson()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=15",
            "--data", data, "--cash", "10000", "--size", "1", "--no-calendar", "--json");
        Assert.True(run.ExitCode == 0, run.All);

        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(10284.10m, Math.Round(root.GetProperty("finalValue").GetDecimal(), 2));
        Assert.Equal(6164.16m, Math.Round(root.GetProperty("cash").GetDecimal(), 2));
        var orders = root.GetProperty("orders").EnumerateArray().ToList();
        Assert.Equal(23, orders.Count);
        var first = orders[0];
        Assert.Equal("buy", first.GetProperty("side").GetString());
        Assert.Equal(3643.35m, first.GetProperty("fillPrice").GetDecimal());
        Assert.StartsWith("2006-01-27", first.GetProperty("filledAt").GetString(), StringComparison.Ordinal);
        foreach (var key in new[] { "createdAt", "createPrice", "quantity" }) Assert.True(first.TryGetProperty(key, out _), key);
    }

    [Fact]
    public async Task Backtest_WithBadDataOrUnknownStrategy_ExitsTwoNamingTheProblem()
    {
        using var dir = new TempDir();
        dir.File("bad.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,2,10\n2024-01-01,1,2,1,2,10\n");
        var unsorted = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--data", "bad.csv");
        Assert.Equal(2, unsorted.ExitCode);
        Assert.Contains("bad.csv:3", unsorted.StdErr);

        dir.File("ok.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,2,10\n");
        var unknown = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "martingale", "--data", "ok.csv");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("martingale", unknown.StdErr);
    }

    [Fact]
    public async Task Backtest_GridOnTheSample_PrintsTheGoldenResult()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "grid", "--param", "levels=3",
            "--param", "spacingPercent=1", "--data", data, "--cash", "10000", "--no-calendar", "--json");
        Assert.True(run.ExitCode == 0, run.All);

        // The same run as GridGoldenTests in Bulwark.Backtest.Tests, through the real process and its parameter parsing.
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(10444.51m, Math.Round(root.GetProperty("finalValue").GetDecimal(), 2));
        Assert.Equal(14564.45m, Math.Round(root.GetProperty("cash").GetDecimal(), 2));
        Assert.Equal(40, root.GetProperty("orders").GetArrayLength());
    }

    [Fact]
    public async Task Backtest_GridWithABadParameter_ExitsTwoNamingIt()
    {
        using var dir = new TempDir();
        dir.File("ok.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,2,10\n");
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "grid", "--param", "spacingPercent=1",
            "--param", "atrMultiple=2", "--data", "ok.csv");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--param atrMultiple: give either spacingPercent or atrMultiple, not both", run.StdErr);
    }

    [Theory]
    [InlineData("period=5..20", "--param period: expected a whole number >= 1, got '5..20'")]
    [InlineData("period=5|10", "--param period: expected a whole number >= 1, got '5|10'")]
    public async Task Backtest_GivenARangeOrAList_ExitsTwo_PointingToOptimize(string parameter, string problem)
    {
        using var dir = new TempDir();
        dir.File("ok.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,2,10\n");
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", parameter, "--data", "ok.csv");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{problem} (a backtest runs one value of each parameter; `bulwark optimize` takes ranges a..b[:step] and lists v1|v2)", run.StdErr);
    }

    [Theory]
    [InlineData("backtest", "--size", "5", "--size")]
    [InlineData("backtest", "--percent-of-equity", "10", "--percent-of-equity")]
    [InlineData("optimize", "--notional", "1000", "--notional")]
    public async Task Grid_WithASizingOption_ExitsTwo_SayingItSizesItsOwnOrders(string command, string option, string value, string named)
    {
        using var dir = new TempDir();
        dir.File("ok.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,2,10\n");
        string[] levels = command == "optimize" ? ["--param", "levels=2..3"] : [];
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, [command, "--strategy", "grid", .. levels, option, value, "--data", "ok.csv"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{named}: grid sizes its own orders; give its levels' size as --param size=N", run.StdErr);
    }

    [Fact]
    public async Task Data_MayBeSeveralValues_OrADirectory_AndEachGivesTheSameRun()
    {
        using var dir = new TempDir();
        var folder = Directory.CreateDirectory(Path.Combine(dir.Path, "bars")).FullName;
        File.WriteAllText(Path.Combine(folder, "AAA.csv"), "Date,Open,High,Low,Close,Volume\n2024-01-02,10,11,9,10,1\n2024-01-03,10,12,10,11,1\n2024-01-04,11,12,9,9.5,1\n");
        File.WriteAllText(Path.Combine(folder, "BBB.csv"), "Date,Open,High,Low,Close,Volume\n2024-01-02,20,21,19,20,1\n2024-01-03,20,22,20,21,1\n");

        var commas = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=1", "--data", "bars/AAA.csv,bars/BBB.csv", "--no-calendar");
        var several = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=1", "--data", "bars/AAA.csv", "bars/BBB.csv", "--no-calendar");
        var folderRun = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=1", "--data", "bars", "--no-calendar");

        Assert.True(commas.ExitCode == 0, commas.All);
        Assert.StartsWith("sma-cross period=1 trendPeriod=none on AAA, BBB: 5 bars from 2024-01-02 to 2024-01-04", commas.StdOut, StringComparison.Ordinal);
        Assert.Equal(commas.StdOut, several.StdOut);
        Assert.Equal(commas.StdOut, folderRun.StdOut);
    }
}
