using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>`backtest` over several asset classes: one isolated workflow (and account) per class.</summary>
public sealed class BacktestWorkflowTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SeveralAssetClasses_EachIsAWorkflowWithItsOwnResult()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        File.Copy(sample, Path.Combine(dir.Path, "SPY.csv"));
        File.Copy(sample, Path.Combine(dir.Path, "BTC.csv"));

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=15",
            "--data", "SPY.csv,BTC.csv", "--asset", "BTC=crypto", "--no-calendar", "--json", "--report", "r.html");

        Assert.True(run.ExitCode == 0, run.All);
        var workflows = JsonDocument.Parse(run.StdOut).RootElement.GetProperty("workflows").EnumerateArray().ToList();
        Assert.Equal(["equity", "crypto"], workflows.Select(w => w.GetProperty("name").GetString()));
        foreach (var w in workflows)
        {
            // Same data, separate accounts: each reproduces the single-symbol conformance result.
            var backtest = w.GetProperty("backtest");
            Assert.Equal(10284.10m, Math.Round(backtest.GetProperty("finalValue").GetDecimal(), 2));
            Assert.Equal(23, backtest.GetProperty("orders").GetArrayLength());
        }
        Assert.True(File.Exists(Path.Combine(dir.Path, "r.equity.html")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "r.crypto.html")));
    }

    [Theory]
    [InlineData("BTC", "expected SYMBOL=CLASS")]
    [InlineData("ETH=crypto", "no data file for symbol 'ETH'")]
    [InlineData("BTC=commodity", "unknown asset class 'commodity'")]
    public async Task BadAssetOption_ExitsTwoNamingIt(string asset, string problem)
    {
        using var dir = new TempDir();
        dir.File("BTC.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,2,10\n");
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--data", "BTC.csv",
            "--asset", asset);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--asset '{asset}'", run.StdErr, StringComparison.Ordinal);
        Assert.Contains(problem, run.StdErr, StringComparison.Ordinal);
    }
}
