using System.Security.Cryptography;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>
/// A saved result says what produced it: the engine's version, the strategy with every parameter, the data files with
/// their SHA-256 and how they were read, and the starting cash; in the JSON, the report and the first printed line.
/// </summary>
public sealed class BacktestProvenanceTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Json_NamesTheStrategyWithEveryParameter_TheDataWithItsHash_AndTheWindow()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "ema-cloud", "--param", "fastShort=3",
            "--data", data, "--no-calendar", "--from", "2006-03-01", "--cash", "25000", "--json");

        Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(25000m, root.GetProperty("startingCash").GetDecimal());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("risk").ValueKind); // a --strategy run has no limits
        Assert.Equal(JsonValueKind.Null, root.GetProperty("run").GetProperty("config").ValueKind);
        var provenance = root.GetProperty("run");
        Assert.StartsWith("1.", provenance.GetProperty("engine").GetString(), StringComparison.Ordinal);
        var strategy = Assert.Single(provenance.GetProperty("strategies").EnumerateArray());
        Assert.Equal("ema-cloud", strategy.GetProperty("name").GetString());
        var parameters = strategy.GetProperty("parameters");
        Assert.Equal("3", parameters.GetProperty("fastShort").GetString());
        Assert.Equal("50", parameters.GetProperty("trendLong").GetString()); // a default, listed too
        var file = Assert.Single(provenance.GetProperty("data").EnumerateArray());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(data))), file.GetProperty("sha256").GetString());
        Assert.Equal(255, file.GetProperty("bars").GetInt32()); // the whole file; the window is said apart
        Assert.Equal(new DateTimeOffset(2006, 3, 1, 0, 0, 0, TimeSpan.Zero), provenance.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, provenance.GetProperty("to").ValueKind);
    }

    [Fact]
    public async Task Table_StartsWithTheStrategyAndTheData_AndTheReportEndsWithTheRun()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var report = Path.Combine(dir.Path, "r.html");

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=15",
            "--data", data, "--no-calendar", "--report", report);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal("sma-cross period=15 trendPeriod=none on 2006-day-001: 255 bars from 2006-01-02 to 2006-12-29", run.StdOut.Split('\n')[0].TrimEnd());
        var html = await File.ReadAllTextAsync(report);
        var runTable = html[html.IndexOf("<h2>Run</h2>", StringComparison.Ordinal)..];
        Assert.Contains("sma-cross period=15 trendPeriod=none on 2006-day-001", runTable, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(data))), runTable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptimizeJson_NamesTheStrategyAndTheDataWithItsHash()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=10..11",
            "--data", data, "--no-calendar", "--json");

        Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal("sma-cross", root.GetProperty("strategy").GetString());
        var file = Assert.Single(root.GetProperty("run").GetProperty("data").EnumerateArray());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(data))), file.GetProperty("sha256").GetString());
    }
}
