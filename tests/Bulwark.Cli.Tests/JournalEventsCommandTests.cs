using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>`journal events`: what a bot did, from its journal, filtered to one order, some types or the last few.</summary>
public sealed class JournalEventsCommandTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task OneOrder_FromItsInitializationToItsFill_InSequence()
    {
        using var dir = new TempDir();
        var journal = await BacktestJournalAsync(dir);
        if (journal is null) return;

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "journal", "events", "--file", journal, "--correlation", "backtest-20060126-000001", "--json");

        Assert.True(run.ExitCode == 0, run.All);
        var events = Lines(run.StdOut);
        Assert.Equal(["OrderInitialized", "OrderSubmitted", "OrderAccepted", "OrderFilled"], events.Select(e => e.GetProperty("type").GetString()));
        var sequences = events.Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        var fill = events[^1].GetProperty("event");
        Assert.Equal((3643.35m, "2006-01-27T00:00:00+00:00"), (fill.GetProperty("price").GetDecimal(), fill.GetProperty("fillTime").GetString()));
    }

    [Fact]
    public async Task TypeAndLast_GiveTheLastEventsOfThatType_AfterSkipsEarlierSequences()
    {
        using var dir = new TempDir();
        var journal = await BacktestJournalAsync(dir);
        if (journal is null) return;

        var last = await BulwarkProcess.RunAsync(dir.Path, Timeout, "journal", "events", "--file", journal, "--type", "tradingdayrolledover", "--last", "2", "--json");
        var after = await BulwarkProcess.RunAsync(dir.Path, Timeout, "journal", "events", "--file", journal, "--after", "100", "--json");
        var text = await BulwarkProcess.RunAsync(dir.Path, Timeout, "journal", "events", "--file", journal, "--type", "OrderFilled", "--last", "1");

        Assert.True(last.ExitCode == 0, last.All);
        Assert.Equal(["2006-12-28", "2006-12-29"], Lines(last.StdOut).Select(e => e.GetProperty("event").GetProperty("newDate").GetString()));
        var sequences = Lines(after.StdOut).Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(101, sequences[0]);
        Assert.Equal(Enumerable.Range(101, sequences.Count).Select(i => (long)i), sequences);
        var line = Assert.Single(text.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(" OrderFilled ", line, StringComparison.Ordinal);
        Assert.Contains("\"price\":4052.55", line, StringComparison.Ordinal); // the last buy, still open
    }

    [Fact]
    public async Task ARunBotsJournal_IsReadFromItsDataDirectory()
    {
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", FastPaperConfig.Yaml);
        var bot = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--config", config, "--duration", "2s");
        Assert.True(bot.ExitCode == 0, bot.All);

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "journal", "events", "--config", config, "--type", "BotStarted,AccountInitialized", "--json");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(["AccountInitialized", "BotStarted"], Lines(run.StdOut).Select(e => e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task AJournalCutOffAtItsCreation_HasNoEvents_AndVerifiesSound()
    {
        // A kill while the bot created its journal leaves an empty file: nothing to read, nothing wrong, and the bot's
        // next start finishes it. A file that is no database at all is still refused.
        using var dir = new TempDir();
        dir.File("j.db", "");

        var events = await BulwarkProcess.RunAsync(dir.Path, Timeout, "journal", "events", "--file", "j.db", "--json");
        var verify = await BulwarkProcess.RunAsync(dir.Path, Timeout, "journal", "verify", "--file", "j.db");

        Assert.True(events.ExitCode == 0, events.All);
        Assert.Empty(events.StdOut);
        Assert.Contains("'j.db' has no events: its creation was cut off before its first event", events.StdErr, StringComparison.Ordinal);
        Assert.True(verify.ExitCode == 0, verify.All);
        Assert.StartsWith("j.db: ok, 0 records (its creation was cut off before its first event", verify.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--type", "OrderFiled", "unknown event type 'OrderFiled'; known: AccountInitialized, ")]
    [InlineData("--last", "-1", "--last must be >= 0")]
    [InlineData("--file", "missing.db", "--file: no such file 'missing.db'")]
    [InlineData("--file", "bars.csv", "bars.csv' is not a SQLite database, so it cannot be a Bulwark journal")]
    public async Task BadUsage_ExitsTwoNamingTheOption(string option, string value, string message)
    {
        using var dir = new TempDir();
        var file = dir.File("j.db", "");
        dir.File("bars.csv", "Date,Open,High,Low,Close,Volume\n");
        string[] args = option == "--file" ? ["journal", "events", option, value] : ["journal", "events", "--file", file, option, value];

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.StdErr, StringComparison.Ordinal);
    }

    /// <summary>The conformance run (sma-cross 15 on the 2006 sample) journaled to a file; null without the sample.</summary>
    private async Task<string?> BacktestJournalAsync(TempDir dir)
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return null;
        var journal = Path.Combine(dir.Path, "run.db");
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=15",
            "--data", data, "--no-calendar", "--journal", journal);
        Assert.True(run.ExitCode == 0, run.All);
        return journal;
    }

    private static List<JsonElement> Lines(string stdout) =>
        [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
}
