using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Core.Kernel.Events;
using Bulwark.Storage;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>`backtest --journal FILE`: the run's events in a SQLite journal, the same kind a live bot writes.</summary>
public sealed class BacktestJournalFileTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Backtest_WithJournal_WritesEveryEventToAVerifiableFile_AndTheSameResult()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=15",
            "--data", sample, "--no-calendar", "--json", "--journal", "run.db");

        Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(10284.10m, Math.Round(root.GetProperty("finalValue").GetDecimal(), 2));
        var path = Path.Combine(dir.Path, "run.db");
        var verified = await JournalVerifier.VerifyAsync(path, CancellationToken.None);
        Assert.True(verified.Ok, verified.Reason);
        await using var journal = await SqliteJournal.OpenAsync(path, TimeProvider.System, CancellationToken.None);
        var events = new List<BotEvent>();
        await foreach (var e in journal.ReadAsync(0, CancellationToken.None)) events.Add(e.Event);
        Assert.Equal(23, events.OfType<OrderInitialized>().Count());
        Assert.Equal(23, events.OfType<OrderFilled>().Count());

        var again = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--data", sample,
            "--no-calendar", "--journal", "run.db");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--journal: 'run.db' already exists", again.StdErr, StringComparison.Ordinal);
    }
}
