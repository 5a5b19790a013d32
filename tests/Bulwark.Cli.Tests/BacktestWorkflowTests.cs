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

    [Fact]
    public async Task ACurrencyPair_TradesOnTheFxCalendar_InItsOwnWorkflow()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        File.Copy(sample, Path.Combine(dir.Path, "SPY.csv"));
        // Two weeks of daily bars, weekends included: the FX calendar has no session on a Saturday, nor on a Sunday
        // before 17:00 New York (a daily bar at 00:00 UTC).
        var days = Enumerable.Range(0, 14).Select(i => new DateOnly(2024, 1, 8).AddDays(i));
        dir.File("EURUSD.csv", "Date,Open,High,Low,Close,Volume\n" + string.Concat(days.Select((d, i) =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{d:yyyy-MM-dd},{1.10427m + (0.001m * (i % 5))},1.12000,1.09000,{1.10527m + (0.001m * (i % 5))},0\n"))));

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=2",
            "--data", "SPY.csv,EURUSD.csv", "--asset", "EURUSD=fx", "--json");

        Assert.True(run.ExitCode == 0, run.All);
        var workflows = JsonDocument.Parse(run.StdOut).RootElement.GetProperty("workflows").EnumerateArray()
            .ToDictionary(w => w.GetProperty("name").GetString()!, w => w.GetProperty("backtest"));
        Assert.Equal(["equity", "fx"], workflows.Keys);
        var fx = workflows["fx"];
        var instrument = fx.GetProperty("instruments")[0];
        Assert.Equal(("fx", "FX", 0.00001m), (instrument.GetProperty("assetClass").GetString(), instrument.GetProperty("exchange").GetString(),
            instrument.GetProperty("tickSize").GetDecimal()));
        Assert.Equal((10, 4), (fx.GetProperty("metrics").GetProperty("barsProcessed").GetInt32(), fx.GetProperty("metrics").GetProperty("barsSkipped").GetInt32()));
        Assert.Equal("XNYS", workflows["equity"].GetProperty("instruments")[0].GetProperty("exchange").GetString());
    }

    [Theory]
    [InlineData("USDJPY", "bulwark: USDJPY quoted in JPY: the account's cash and PnL are in JPY (--cash 10000 is 10000 JPY), as it converts no currency")]
    [InlineData("EURUSD,USDJPY", "bulwark: EURUSD in USD, USDJPY in JPY: pairs of several quote currencies share one account, which converts no currency and adds their PnL up as one")]
    [InlineData("EURUSD", null)]
    public async Task APairNotQuotedInDollars_SaysWhatCurrencyTheAccountIsIn(string symbols, string? note)
    {
        using var dir = new TempDir();
        foreach (var symbol in symbols.Split(','))
            dir.File($"{symbol}.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1.5,1.6,1.4,1.5,0\n2024-01-03,1.5,1.6,1.4,1.55,0\n");
        string[] assets = [.. symbols.Split(',').SelectMany(s => new[] { "--asset", $"{s}=fx" })];

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["backtest", "--strategy", "sma-cross", "--param", "period=1",
            "--data", string.Join(',', symbols.Split(',').Select(s => s + ".csv")), "--no-calendar", .. assets]);

        Assert.True(run.ExitCode == 0, run.All);
        if (note is null) Assert.DoesNotContain("quoted in", run.StdErr, StringComparison.Ordinal);
        else Assert.Contains(note, run.StdErr, StringComparison.Ordinal);
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
