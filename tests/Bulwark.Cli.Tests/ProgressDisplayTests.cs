using System.Diagnostics;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>
/// The progress bar is for people at a terminal: shown (with elapsed time and an ETA) under a real pseudo-terminal,
/// never when output is captured.
/// </summary>
public sealed class ProgressDisplayTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task InATerminal_OptimizeShowsAProgressBarWithAnEta()
    {
        var text = await RunInTerminalAsync("optimize --strategy sma-cross --param period=5..44 --no-calendar --parallel 1 --top 1");
        if (text is null) return;
        Assert.Contains("optimize (40 runs)", text, StringComparison.Ordinal);
        AssertABarReached100(text);
        Assert.Contains("period", text, StringComparison.Ordinal); // and then the table, as usual
    }

    [Fact]
    public async Task InATerminal_ABacktestShowsAProgressBar()
    {
        // The in-memory run completes every await at once, so it used to end before the display could look at it.
        var text = await RunInTerminalAsync("backtest --strategy sma-cross --no-calendar");
        if (text is null) return;
        Assert.Contains("backtest", text, StringComparison.Ordinal);
        AssertABarReached100(text);
        Assert.Contains("final value", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InATerminal_WalkForwardAndCostGridShowTheirOwnProgress()
    {
        var text = await RunInTerminalAsync(
            "optimize --strategy sma-cross --param period=5..30:5 --no-calendar --parallel 1 --top 2 --walk-forward train=100,test=50 --cost-grid 0,1");
        if (text is null) return;
        Assert.Contains("walk-forward", text, StringComparison.Ordinal);
        Assert.Contains("cost grid", text, StringComparison.Ordinal);
        Assert.Contains("100%", text, StringComparison.Ordinal);
    }

    /// <summary>A progress bar was drawn (its bar character) and ran to 100%.</summary>
    private static void AssertABarReached100(string text)
    {
        Assert.Contains("100%", text, StringComparison.Ordinal);
        Assert.Contains("━", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs bulwark with <paramref name="arguments"/> (and --data, the sample) under a pseudo-terminal, every run
    /// shown however short; the terminal's whole output, or null when the sample or util-linux `script` is missing.
    /// </summary>
    private async Task<string?> RunInTerminalAsync(string arguments)
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return null;
        // util-linux `script` runs the command under a pseudo-terminal, as a person's shell would.
        if (!File.Exists("/usr/bin/script"))
        {
            output.WriteLine("no /usr/bin/script here to provide a pseudo-terminal");
            return null;
        }
        using var dir = new TempDir();
        var command = $"dotnet '{BulwarkProcess.Dll}' {arguments} --data '{sample}'";
        var info = new ProcessStartInfo("/usr/bin/script") { WorkingDirectory = dir.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-qec", command, "/dev/null" }) info.ArgumentList.Add(a);
        info.Environment["BULWARK_PROGRESS_AFTER"] = "0";
        info.Environment["TERM"] = "xterm-256color";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(cts.Token);
        var text = await stdout;
        Assert.True(process.ExitCode == 0, text);
        return text;
    }

    [Fact]
    public async Task WhenCaptured_NoProgressIsWritten()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        var run = await BulwarkProcess.RunAsync(dir.Path, new Dictionary<string, string> { ["BULWARK_PROGRESS_AFTER"] = "0" }, Timeout,
            "optimize", "--strategy", "sma-cross", "--param", "period=5..44", "--data", sample, "--no-calendar", "--parallel", "1");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.DoesNotContain("━", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("optimize (40 runs)", run.All, StringComparison.Ordinal);
    }
}
