using System.Text.Json;
using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

/// <summary>
/// `bulwark kill --cancel-entries` (and reduce): a stopped bot gets the request in its journal and cancels its working
/// entries at the venue when it next runs; the option's misuses are usage errors.
/// </summary>
public sealed class CancelEntriesCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AStoppedBotsKillWithCancelEntries_CancelsItsWorkingEntryAtTheVenue_WhenItNextRuns()
    {
        using var dir = new TempDir();
        // Falling, then a rise on the last bar: sma-cross period 2 signals an entry there, which no later bar fills.
        MinuteBarBot.WriteBars(dir, "X", MinuteBarBot.Rows("2024-03-04", 104m, 103m, 102m, 101m, 100m, 102m));
        var config = MinuteBarBot.Config(dir, "desk", ["X"]);
        string[] at = ["--config", config, "--data-dir", "d"];

        var first = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["run", .. at]);
        var before = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["venue", "orders", "--json", .. at]);
        var kill = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["kill", "--cancel-entries", "--reason", "desk call", .. at]);
        var second = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["run", .. at]);
        var after = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["venue", "orders", "--json", .. at]);
        var events = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["journal", "events", "--type", "EntriesCancelRequested", "--type", "OrderCancelRequested",
            "--type", "EntriesCanceled", "--json", .. at]);

        Assert.True(first.ExitCode == 0 && kill.ExitCode == 0 && second.ExitCode == 0, first.All + kill.All + second.All);
        Assert.Equal("desk: Halted (bot not running; persisted); its working entries are canceled when it next runs, once reconciled\n", kill.StdOut);
        Assert.Equal(["Accepted"], Statuses(before));
        Assert.Equal(["Canceled"], Statuses(after));
        var types = events.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("type").GetString());
        Assert.Equal(["EntriesCancelRequested", "OrderCancelRequested", "EntriesCanceled"], types);
    }

    private static List<string?> Statuses(CliRun orders)
    {
        Assert.True(orders.ExitCode == 0, orders.All);
        return [.. JsonDocument.Parse(orders.StdOut).RootElement.EnumerateArray().Select(o => o.GetProperty("status").GetString())];
    }

    [Theory]
    [InlineData("resume", "bulwark: resume --cancel-entries: resume lets entries go out again; `reduce --cancel-entries` or `kill --cancel-entries` pulls the working ones\n")]
    [InlineData("reduce", "bulwark: reduce --symbol AAPL --cancel-entries: --cancel-entries is the whole bot's; `flatten --symbol AAPL` cancels that symbol's orders and closes it\n")]
    public async Task ItsMisuses_AreUsageErrors(string command, string error)
    {
        using var dir = new TempDir();
        string[] args = command == "resume" ? ["resume", "--cancel-entries"] : ["reduce", "--symbol", "AAPL", "--cancel-entries"];
        var result = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--data-dir", "d"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(error, result.StdErr);
    }
}
