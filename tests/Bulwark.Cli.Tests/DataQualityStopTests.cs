using System.Globalization;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>
/// A bot's dataQuality: a bar that jumps further than maxJumpPercent stops entries in its symbol, in `run` (journaled,
/// shown by status) and in `backtest --bot` alike.
/// </summary>
public sealed class DataQualityStopTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AJumpingBar_StopsEntriesInItsSymbol_InARunAndInItsBacktest_AndStatusSaysWhy()
    {
        using var dir = new TempDir();
        // Falling to 100, then a bar at 130: sma-cross period 2 signals an entry on it, which the jump's stop denies.
        MinuteBarBot.WriteBars(dir, "X", MinuteBarBot.Rows("2024-03-04", 104m, 103m, 102m, 101m, 100m, 130m));
        var config = MinuteBarBot.Config(dir, "careful", ["X"], "dataQuality: { maxJumpPercent: 20 }");
        string[] at = ["--config", config, "--data-dir", "d"];

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["run", .. at]);
        var status = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["status", .. at]);
        var events = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["journal", "events", "--type", "DataQualityStopped", "--type", "SignalDenied", "--json", .. at]);
        var backtest = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["backtest", "--bot", "careful", "--config", config, "--json"]);
        // The operator vouches for the data: resuming the symbol lifts its stop.
        var resume = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["resume", "--symbol", "X", "--reason", "the gap is real", .. at]);
        var after = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["status", .. at]);

        Assert.True(run.ExitCode == 0 && status.ExitCode == 0 && events.ExitCode == 0, run.All + status.All + events.All);
        var records = events.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["DataQualityStopped", "SignalDenied"], records.Select(r => r.GetProperty("type").GetString()));
        var reason = records[0].GetProperty("event").GetProperty("reason").GetString()!;
        Assert.Contains("closed at 130, +30.00% from 100, more than dataQuality.maxJumpPercent 20%", reason, StringComparison.Ordinal);
        Assert.Equal("DataQualityStop", records[1].GetProperty("event").GetProperty("reason").GetString());
        Assert.Contains($"\n  DATA STOP X: {reason}; no position opened or added to there until its data is good again\n", status.StdOut, StringComparison.Ordinal);

        Assert.True(resume.ExitCode == 0 && after.ExitCode == 0, resume.All + after.All);
        Assert.Equal("careful: X trading again, its data stop lifted (bot not running; persisted)\n", resume.StdOut);
        Assert.DoesNotContain("DATA STOP", after.StdOut, StringComparison.Ordinal);

        Assert.True(backtest.ExitCode == 0, backtest.All);
        var root = JsonDocument.Parse(backtest.StdOut).RootElement;
        Assert.Equal(0, root.GetProperty("orders").GetArrayLength());
        var source = root.GetProperty("sources").EnumerateArray().Single();
        Assert.Equal(1, source.GetProperty("deniedByReason").GetProperty("DataQualityStop").GetInt32());
    }

    [Fact]
    public async Task MaxJump_OnTheSample_StopsOnExactlyTheJumpsThatBeginAStop_AndDeniesEntriesOnlyThere()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", sample,
            "--no-calendar", "--max-jump", "1.5", "--json");
        var refused = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--data", sample, "--max-jump", "0");

        Assert.True(run.ExitCode == 0, run.All);
        // The file's own closes: a jump is a close more than 1.5% from the day before's; a stop begins at a jump whose day
        // before was not one (a jump under a stop renews it without a new warning).
        var closes = File.ReadLines(sample).Skip(1).Select(l => l.Split(','))
            .Select(f => (Date: f[0], Close: decimal.Parse(f[4], CultureInfo.InvariantCulture))).ToList();
        var jumps = Enumerable.Range(1, closes.Count - 1)
            .Where(i => Math.Abs(closes[i].Close - closes[i - 1].Close) * 100m > 1.5m * closes[i - 1].Close).ToHashSet();
        var starts = jumps.Where(i => !jumps.Contains(i - 1)).Select(i => closes[i].Date).ToList();
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        var notices = root.GetProperty("notices").EnumerateArray().Where(n => n.GetProperty("code").GetString() == "DataQualityStop")
            .Select(n => n.GetProperty("time").GetString()![..10]).ToList();
        Assert.NotEmpty(starts);
        Assert.Equal(starts, notices);
        Assert.Equal(1.5m, root.GetProperty("dataQuality").GetProperty("maxJumpPercent").GetDecimal());
        var denied = root.GetProperty("sources")[0].GetProperty("deniedByReason").GetProperty("DataQualityStop").GetInt32();
        Assert.InRange(denied, 1, jumps.Count);
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("bulwark: --max-jump must be in (0, 10000] (was 0)\n", refused.StdErr);
    }
}
