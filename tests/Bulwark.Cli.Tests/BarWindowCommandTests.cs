using System.Text.Json;
using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

/// <summary>--from and --to: a run on part of the data, the same as a run on a file cut to that part.</summary>
public sealed class BarWindowCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>60 days of closes that rise and fall in 10-day waves, so sma-cross trades in every part.</summary>
    private static IEnumerable<string> Rows() => Enumerable.Range(0, 60).Select(i =>
    {
        var close = 100 + (i % 20 < 10 ? i % 20 : 20 - (i % 20));
        return $"{new DateOnly(2024, 1, 1).AddDays(i):yyyy-MM-dd},{close},{close + 1},{close - 1},{close},100";
    });

    private const string Header = "Date,Open,High,Low,Close,Volume";

    [Fact]
    public async Task Backtest_FromTo_EqualsTheSameRunOnTheFileCutToThoseDays()
    {
        using var dir = new TempDir();
        dir.File("FULL.csv", string.Join('\n', [Header, .. Rows()]) + "\n");
        // 2024-01-11 .. 2024-02-09 inclusive: rows 10..39.
        dir.File("CUT.csv", string.Join('\n', [Header, .. Rows().Skip(10).Take(30)]) + "\n");
        string[] common = ["backtest", "--strategy", "sma-cross", "--param", "period=3", "--no-calendar", "--json"];

        var windowed = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. common, "--data", "FULL.csv", "--from", "2024-01-11", "--to", "2024-02-09"]);
        var cut = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. common, "--data", "CUT.csv"]);

        Assert.True(windowed.ExitCode == 0, windowed.All);
        Assert.True(cut.ExitCode == 0, cut.All);
        var a = JsonDocument.Parse(windowed.StdOut).RootElement;
        var b = JsonDocument.Parse(cut.StdOut).RootElement;
        Assert.Equal(30, a.GetProperty("metrics").GetProperty("barsProcessed").GetInt32());
        Assert.Equal(b.GetProperty("finalValue").GetDecimal(), a.GetProperty("finalValue").GetDecimal());
        Assert.Equal(b.GetProperty("orders").GetArrayLength(), a.GetProperty("orders").GetArrayLength());
        Assert.True(a.GetProperty("orders").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Backtest_WarmUp_TradesFromTheWindowsFirstBar_AsTheWholeFileWouldHaveFromThere()
    {
        // The whole file's run is flat at 2024-01-21 (its first trade comes two days later), so from there on a run
        // warmed up on the bars before decides exactly as the whole run: the same orders at the same times. Cold,
        // period 5 spends the window's first four bars filling its average and misses the first cross.
        using var dir = new TempDir();
        dir.File("FULL.csv", string.Join('\n', [Header, .. Rows()]) + "\n");
        string[] common = ["backtest", "--strategy", "sma-cross", "--param", "period=5", "--no-calendar", "--json", "--data", "FULL.csv"];

        var whole = await BulwarkProcess.RunAsync(dir.Path, Timeout, common);
        var warm = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. common, "--from", "2024-01-21", "--warm-up"]);
        var cold = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. common, "--from", "2024-01-21"]);

        Assert.True(warm.ExitCode == 0, warm.All);
        static List<string> Created(CliRun run, string from) => [.. JsonDocument.Parse(run.StdOut).RootElement.GetProperty("orders").EnumerateArray()
            .Select(o => o.GetProperty("createdAt").GetString()!).Where(t => string.CompareOrdinal(t, from) >= 0)];
        var fromWhole = Created(whole, "2024-01-21");
        Assert.NotEmpty(fromWhole);
        Assert.Equal(fromWhole, Created(warm, ""));
        Assert.NotEqual(fromWhole, Created(cold, ""));
        Assert.Equal(20, JsonDocument.Parse(warm.StdOut).RootElement.GetProperty("run").GetProperty("warmUpBars").GetInt32());
    }

    [Theory]
    [InlineData("backtest", "--from", "2025-01-01", "--from/--to: no bars from 2025-01-01 to the end; the data runs from 2024-01-01 to 2024-02-29")]
    [InlineData("backtest", "--to", "March", "--to: 'March' is not a date (yyyy-MM-dd) or an ISO date-time")]
    [InlineData("optimize", "--from", "2024-13-01", "--from: '2024-13-01' is not a date")]
    public async Task ABadWindow_IsAUsageError(string command, string option, string value, string message)
    {
        using var dir = new TempDir();
        dir.File("FULL.csv", string.Join('\n', [Header, .. Rows()]) + "\n");

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, command, "--strategy", "sma-cross", "--data", "FULL.csv", "--no-calendar", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromAfterTo_IsAUsageError()
    {
        using var dir = new TempDir();
        dir.File("FULL.csv", string.Join('\n', [Header, .. Rows()]) + "\n");

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--data", "FULL.csv", "--no-calendar",
            "--from", "2024-02-01", "--to", "2024-01-15T12:00:00Z");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--from 2024-02-01 is after --to 2024-01-15T12:00:00Z", run.StdErr, StringComparison.Ordinal);
    }
}
