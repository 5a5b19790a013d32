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

    [Fact]
    public async Task JournalVerifyFile_ChecksTheFileABacktestWrote_AndNamesAnAlteredRecord()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=15",
            "--data", sample, "--no-calendar", "--journal", "run.db");
        Assert.True(run.ExitCode == 0, run.All);
        dir.File("bars.csv", "Date,Open,High,Low,Close\n2024-01-02,1,2,1,2\n");

        var ok = await BulwarkProcess.RunAsync(dir.Path, Timeout, "journal", "verify", "--file", "run.db");
        var notAJournal = await BulwarkProcess.RunAsync(dir.Path, Timeout, "journal", "verify", "--file", "bars.csv");
        var missing = await BulwarkProcess.RunAsync(dir.Path, Timeout, "journal", "verify", "--file", "absent.db");
        // One byte of one record's payload changed behind the journal's back.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dir.Path, "run.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            var read = connection.CreateCommand();
            read.CommandText = "SELECT payload FROM events WHERE sequence = 20";
            var payload = (byte[])(await read.ExecuteScalarAsync())!;
            payload[payload.Length / 2] ^= 1;
            var write = connection.CreateCommand();
            write.CommandText = "UPDATE events SET payload = $p WHERE sequence = 20";
            write.Parameters.AddWithValue("$p", payload);
            Assert.Equal(1, await write.ExecuteNonQueryAsync());
        }
        var altered = await BulwarkProcess.RunAsync(dir.Path, Timeout, "journal", "verify", "--file", "run.db");

        Assert.True(ok.ExitCode == 0, ok.All);
        Assert.Matches(@"^run\.db: ok, \d+ records", ok.StdOut);
        Assert.True(notAJournal.ExitCode == 2, notAJournal.All);
        Assert.Contains("is not a SQLite database", notAJournal.StdErr, StringComparison.Ordinal);
        Assert.True(missing.ExitCode == 2, missing.All);
        Assert.Contains("--file: no such file 'absent.db'", missing.StdErr, StringComparison.Ordinal);
        Assert.True(altered.ExitCode == 1, altered.All);
        Assert.Contains("run.db: CORRUPT at sequence 20: checksum mismatch", altered.StdOut, StringComparison.Ordinal);
    }
}
