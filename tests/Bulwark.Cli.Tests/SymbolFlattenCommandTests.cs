using System.Text.Json;
using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

/// <summary>
/// `bulwark flatten --symbol`, `reduce --symbol` and `resume --symbol`: one symbol closed and kept from new exposure while
/// the rest of the book trades on, persisted into a stopped bot's journal or queued for a running one.
/// </summary>
public sealed class SymbolFlattenCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static List<JsonElement> Records(CliRun events) =>
        [.. events.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    [Fact]
    public async Task AStoppedBotsSymbolFlatten_ClosesThatSymbolAtItsNextRun_KeepsItReduceOnly_AndLeavesTheOtherHeld()
    {
        using var dir = new TempDir();
        // Day one: a dip, then a rise held flat: sma-cross period 2 buys 10 of each and never sees a cross down.
        decimal[] dayOne = [100m, 99m, 101m, .. Enumerable.Repeat(103m, 17)];
        MinuteBarBot.WriteBars(dir, "X", MinuteBarBot.Rows("2024-03-04", dayOne));
        MinuteBarBot.WriteBars(dir, "Y", MinuteBarBot.Rows("2024-03-04", dayOne));
        var config = MinuteBarBot.Config(dir, "desk", ["X", "Y"]);
        string[] at = ["--config", config, "--data-dir", "d"];

        var first = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["run", .. at]);
        var flatten = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["flatten", "--symbol", "X", "--reason", "earnings tonight", .. at]);
        var pending = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["status", .. at]);
        // Day two: a dip and a rise, so sma-cross signals a new entry in both: only Y's may go out.
        foreach (var file in new[] { "X.csv", "Y.csv" })
            File.AppendAllLines(Path.Combine(dir.Path, file), MinuteBarBot.Rows("2024-03-05", 104m, 102m, 101m, 105m, 106m));
        var second = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["run", .. at]);
        var status = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["status", "--json", .. at]);
        var resume = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["resume", "--symbol", "X", .. at]);
        var after = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["status", "--json", .. at]);
        var events = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["journal", "events", "--type", "SymbolReduceOnlyChanged", "--type", "FlattenRequested",
            "--type", "FlattenCompleted", "--type", "SignalDenied", "--json", .. at]);

        Assert.True(first.ExitCode == 0 && flatten.ExitCode == 0 && second.ExitCode == 0 && resume.ExitCode == 0, first.All + flatten.All + second.All + resume.All);
        Assert.Equal("desk: flatten of X persisted (bot not running): X reduce-only now; its position of 10 is closed and 0 working orders canceled when it next runs\n", flatten.StdOut);
        Assert.StartsWith("desk: Active, not running\n", pending.StdOut, StringComparison.Ordinal);
        Assert.Contains("\n  FLATTENING X (earnings tonight): closing 10, its working orders canceled; nothing else goes out in X\n", pending.StdOut, StringComparison.Ordinal);
        Assert.Contains("\n  REDUCE-ONLY X (earnings tonight): no position opened or added to there until 'bulwark resume --symbol X'\n", pending.StdOut, StringComparison.Ordinal);

        var bot = JsonDocument.Parse(status.StdOut).RootElement.GetProperty("bots")[0];
        Assert.Equal(["Y"], bot.GetProperty("positions").EnumerateArray().Select(p => p.GetProperty("symbol").GetString()));
        Assert.Equal("earnings tonight", bot.GetProperty("reduceOnlySymbols").GetProperty("X").GetString());
        Assert.Empty(bot.GetProperty("flatteningSymbols").EnumerateObject());
        Assert.Equal("Active", bot.GetProperty("tradingState").GetString());
        Assert.Equal("desk: X trading again (bot not running; persisted)\n", resume.StdOut);
        Assert.Empty(JsonDocument.Parse(after.StdOut).RootElement.GetProperty("bots")[0].GetProperty("reduceOnlySymbols").EnumerateObject());

        var records = Records(events);
        Assert.Equal(["SymbolReduceOnlyChanged", "FlattenRequested", "FlattenCompleted"], records.Take(3).Select(r => r.GetProperty("type").GetString()));
        Assert.Equal("X", records[2].GetProperty("event").GetProperty("symbol").GetString());
        var denied = records.Where(r => r.GetProperty("type").GetString() == "SignalDenied").Select(r => r.GetProperty("event")).ToList();
        Assert.NotEmpty(denied); // day two's entry in X
        Assert.All(denied, d => Assert.Equal(("X", "SymbolReduceOnly"), (d.GetProperty("symbol").GetString(), d.GetProperty("reason").GetString())));
        Assert.Equal("SymbolReduceOnlyChanged", records[^1].GetProperty("type").GetString());
    }

    [Fact]
    public async Task ARunningBotsSymbolFlatten_IsQueued_ClosesOnlyThatSymbol_AndItsResumeIsQueuedToo()
    {
        using var dir = new TempDir();
        using var bot = BulwarkProcess.Start(dir.Path, null, "run", "--data-dir", "d");
        await bot.WaitForOutputAsync("started", Timeout);
        var held = await StatusPoll.UntilAsync(dir.Path, b => b.GetProperty("positions").GetArrayLength() > 0, "a position held");
        var symbol = held.GetProperty("positions")[0].GetProperty("symbol").GetString()!;

        var flatten = await BulwarkProcess.RunAsync(dir.Path, Timeout, "flatten", "--symbol", symbol, "--reason", "halted at the exchange", "--data-dir", "d");
        await StatusPoll.UntilAsync(dir.Path, b => b.GetProperty("positions").EnumerateArray().All(p => p.GetProperty("symbol").GetString() != symbol)
                                        && !b.GetProperty("flatteningSymbols").EnumerateObject().Any()
                                        && b.GetProperty("reduceOnlySymbols").TryGetProperty(symbol, out _), $"{symbol} flat and reduce-only");
        var resume = await BulwarkProcess.RunAsync(dir.Path, Timeout, "resume", "--symbol", symbol, "--data-dir", "d");
        await StatusPoll.UntilAsync(dir.Path, b => !b.GetProperty("reduceOnlySymbols").EnumerateObject().Any(), $"{symbol} trading again");
        bot.Terminate();
        var stopped = await bot.WaitAsync(Timeout);
        var events = await BulwarkProcess.RunAsync(dir.Path, Timeout, "journal", "events", "--type", "FlattenRequested", "--type", "FlattenCompleted", "--json", "--data-dir", "d");

        Assert.True(flatten.ExitCode == 0 && resume.ExitCode == 0, flatten.All + resume.All);
        Assert.Equal($"paper-1: flatten {symbol} queued (running; starts within a second)\n", flatten.StdOut);
        Assert.Equal($"paper-1: resume {symbol} queued (running; applied within a second)\n", resume.StdOut);
        Assert.True(stopped.ExitCode == 0, stopped.All);
        var records = Records(events);
        Assert.Equal(["FlattenRequested", "FlattenCompleted"], records.Select(r => r.GetProperty("type").GetString()));
        Assert.All(records, r => Assert.Equal(symbol, r.GetProperty("event").GetProperty("symbol").GetString()));
    }

    [Theory]
    [InlineData("flatten", "--symbol", "NOPE", "bulwark: --symbol NOPE: no such instrument in bot 'paper-1' (instruments: ")]
    [InlineData("reduce", "--symbol", "NOPE", "bulwark: --symbol NOPE: no such instrument in bot 'paper-1' (instruments: ")]
    [InlineData("kill", "--symbol", "AAPL", "bulwark: kill --symbol AAPL: kill stops the whole bot; `reduce --symbol AAPL` stops new exposure in one symbol and `flatten --symbol AAPL` closes it\n")]
    public async Task AnUnknownSymbol_OrKillForASymbol_IsAUsageError(string command, string option, string symbol, string error)
    {
        using var dir = new TempDir();
        var result = await BulwarkProcess.RunAsync(dir.Path, Timeout, command, option, symbol, "--data-dir", "d");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(error, result.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir.Path, "d", "paper-1", "journal.db")), "nothing written");
    }

}
