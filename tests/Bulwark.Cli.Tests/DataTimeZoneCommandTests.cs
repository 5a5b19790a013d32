using System.Globalization;
using System.Text;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

/// <summary>--data-time-zone: exchange-local bar files read as what they are, and a hint when they look misread.</summary>
public sealed class DataTimeZoneCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// New York regular-session minute bars, written in New York wall-clock time, over the week of the 2024 spring switch
    /// (2024-03-08 to 2024-03-12): 390 bars a day, with a zig-zag close so sma-cross trades.
    /// </summary>
    private static string NewYorkMinutes(out int bars)
    {
        var csv = new StringBuilder("Date,Time,Open,High,Low,Close,Volume\n");
        bars = 0;
        foreach (var day in new[] { 8, 11, 12 })
        {
            for (var minute = 0; minute < 390; minute++, bars++)
            {
                var time = new TimeOnly(9, 30).AddMinutes(minute);
                var close = 100m + (bars % 20 < 10 ? bars % 20 : 20 - (bars % 20)) / 10m;
                csv.Append(CultureInfo.InvariantCulture, $"2024-03-{day:00},{time:HH\\:mm},{close},{close + 0.1m},{close - 0.1m},{close},1000\n");
            }
        }
        return csv.ToString();
    }

    private static Task<CliRun> RunAsync(string directory, params string[] args) => BulwarkProcess.RunAsync(directory, Timeout, args);

    [Fact]
    public async Task Backtest_NewYorkLocalMinutes_WithTheirZone_KeepsEverySessionBar_AndWithoutIt_SkipsMostAndSaysWhy()
    {
        using var dir = new TempDir();
        dir.File("SPY.csv", NewYorkMinutes(out var bars));

        var local = await RunAsync(dir.Path, "backtest", "--strategy", "sma-cross", "--data", "SPY.csv", "--data-time-zone", "America/New_York", "--json");
        var asUtc = await RunAsync(dir.Path, "backtest", "--strategy", "sma-cross", "--data", "SPY.csv", "--json");

        Assert.True(local.ExitCode == 0, local.All);
        var metrics = JsonDocument.Parse(local.StdOut).RootElement.GetProperty("metrics");
        Assert.Equal(bars, metrics.GetProperty("barsProcessed").GetInt32());
        Assert.Equal(0, metrics.GetProperty("barsSkipped").GetInt32());
        var firstFill = JsonDocument.Parse(local.StdOut).RootElement.GetProperty("orders")[0].GetProperty("filledAt").GetDateTimeOffset();
        Assert.Equal(new DateOnly(2024, 3, 8), DateOnly.FromDateTime(firstFill.UtcDateTime));
        Assert.DoesNotContain("--data-time-zone", local.StdErr, StringComparison.Ordinal);

        Assert.True(asUtc.ExitCode == 0, asUtc.All);
        var skipped = JsonDocument.Parse(asUtc.StdOut).RootElement.GetProperty("metrics").GetProperty("barsSkipped").GetInt32();
        Assert.True(skipped * 2 > bars, $"{skipped} of {bars} skipped");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{skipped} of {bars} bars"), asUtc.StdErr, StringComparison.Ordinal);
        Assert.Contains("give --data-time-zone", asUtc.StdErr, StringComparison.Ordinal);
        Assert.Contains("for crypto, which trades around the clock, give --asset SYMBOL=crypto", asUtc.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Indicators_PrintTheUtcInstantsOfLocalRows()
    {
        using var dir = new TempDir();
        dir.File("SPY.csv", "Date,Open,High,Low,Close,Volume\n2024-03-08 09:30,1,1,1,1,0\n2024-03-11 09:30,1,1,1,1,0\n");

        var run = await RunAsync(dir.Path, "indicators", "--data", "SPY.csv", "--indicator", "sma:1", "--data-time-zone", "America/New_York");

        Assert.True(run.ExitCode == 0, run.All);
        var dates = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(["2024-03-08T14:30:00Z", "2024-03-11T13:30:00Z"], dates);
    }

    [Theory]
    [InlineData("backtest", "--strategy", "sma-cross")]
    [InlineData("optimize", "--strategy", "sma-cross")]
    [InlineData("indicators", "--indicator", "sma:2")]
    public async Task AnUnknownZone_IsAUsageError_NamingTheOption(string command, string option, string value)
    {
        using var dir = new TempDir();
        dir.File("SPY.csv", "Date,Open,High,Low,Close,Volume\n2024-03-08,1,1,1,1,0\n");

        var run = await RunAsync(dir.Path, command, option, value, "--data", "SPY.csv", "--data-time-zone", "America/Atlantis");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--data-time-zone: unknown time zone 'America/Atlantis'", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASkippedLocalTime_IsADataErrorNamingFileAndLine()
    {
        using var dir = new TempDir();
        dir.File("BTC.csv", "Date,Open,High,Low,Close,Volume\n2024-03-10 01:00,1,1,1,1,0\n2024-03-10 02:00,1,1,1,1,0\n");

        var run = await RunAsync(dir.Path, "backtest", "--strategy", "sma-cross", "--data", "BTC.csv", "--no-calendar", "--data-time-zone", "America/New_York");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("BTC.csv:3: 2024-03-10 02:00:00 does not exist in America/New_York", run.StdErr, StringComparison.Ordinal);
    }
}
