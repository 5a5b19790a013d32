using System.Text.Json;
using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

/// <summary>`bulwark flatten`: persisted into a stopped bot's journal, carried out when it next runs, reduce-only after.</summary>
public sealed class FlattenCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AFlattenOfAStoppedBot_IsPersisted_AndItsNextRunClosesThePosition_AndStaysReduceOnly()
    {
        using var dir = new TempDir();
        // Day one: a dip, then a rise held flat: sma-cross period 2 buys 10 and never sees a cross down.
        var data = Path.Combine(dir.Path, "X.csv");
        MinuteBarBot.WriteBars(dir, "X", MinuteBarBot.Rows("2024-03-04", [100m, 99m, 101m, .. Enumerable.Repeat(103m, 17)]));
        var config = MinuteBarBot.Config(dir, "panic", ["X"]);
        string[] at = ["--config", config, "--data-dir", "d"];

        var first = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["run", .. at]);
        var flatten = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["flatten", "--reason", "going to the dentist", .. at]);
        var pending = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["status", .. at]);
        // Day two's bars: the close goes out at start-up and fills at the first one's open.
        File.AppendAllLines(data, MinuteBarBot.Rows("2024-03-05", 104m, 105m, 106m));
        var second = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["run", .. at]);
        var status = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["status", "--json", .. at]);
        var events = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["journal", "events", "--type", "FlattenRequested", "--type", "FlattenCompleted", "--type", "OrderFilled", "--json", .. at]);

        Assert.True(first.ExitCode == 0 && flatten.ExitCode == 0 && second.ExitCode == 0, first.All + flatten.All + second.All);
        Assert.Equal("panic: flatten persisted (bot not running): reduce-only now; its 1 position is closed and 0 working orders canceled when it next runs\n", flatten.StdOut);
        Assert.StartsWith("panic: Reducing (going to the dentist), not running\n", pending.StdOut, StringComparison.Ordinal);
        Assert.Contains("\n  FLATTENING (going to the dentist): closing 1 position, 0 orders working; nothing else goes out\n", pending.StdOut, StringComparison.Ordinal);
        var bot = JsonDocument.Parse(status.StdOut).RootElement.GetProperty("bots")[0];
        Assert.Equal(0, bot.GetProperty("positions").GetArrayLength());
        Assert.Equal(("Reducing", JsonValueKind.Null), (bot.GetProperty("tradingState").GetString(), bot.GetProperty("flattening").ValueKind));
        var records = events.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["OrderFilled", "FlattenRequested", "OrderFilled", "FlattenCompleted"], records.Select(r => r.GetProperty("type").GetString()));
        var close = records[2].GetProperty("event");
        Assert.Equal(("Sell", 10m, 104m), (close.GetProperty("side").GetString(), close.GetProperty("quantity").GetDecimal(), close.GetProperty("price").GetDecimal()));
    }

    [Fact]
    public async Task AFlattenOfARunningBot_IsQueued_AndTheBotEndsFlatAndReduceOnly()
    {
        using var dir = new TempDir();
        using var bot = BulwarkProcess.Start(dir.Path, null, "run", "--data-dir", "d");
        await bot.WaitForOutputAsync("started", Timeout);
        // The embedded paper bot trades a fast synthetic market: wait until it holds something to close.
        await StatusPoll.UntilAsync(dir.Path, b => b.GetProperty("positions").GetArrayLength() > 0, "a position held");

        var flatten = await BulwarkProcess.RunAsync(dir.Path, Timeout, "flatten", "--reason", "desk says flat", "--data-dir", "d");
        var flat = await StatusPoll.UntilAsync(dir.Path, b => b.GetProperty("positions").GetArrayLength() == 0
                                                   && b.GetProperty("flattening").ValueKind == JsonValueKind.Null
                                                   && b.GetProperty("tradingState").GetString() == "Reducing", "flat and reduce-only");
        bot.Terminate();
        var stopped = await bot.WaitAsync(Timeout);
        var events = await BulwarkProcess.RunAsync(dir.Path, Timeout, "journal", "events", "--type", "FlattenRequested", "--type", "FlattenCompleted", "--json", "--data-dir", "d");

        Assert.True(flatten.ExitCode == 0, flatten.All);
        Assert.Equal("paper-1: flatten queued (running; starts within a second)\n", flatten.StdOut);
        Assert.Equal("desk says flat", flat.GetProperty("tradingStateReason").GetString());
        Assert.True(stopped.ExitCode == 0, stopped.All);
        var types = events.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("type").GetString());
        Assert.Equal(["FlattenRequested", "FlattenCompleted"], types);
    }

    [Fact]
    public async Task AFlattenOfABotNeverStarted_SaysThereIsNothingToFlatten()
    {
        using var dir = new TempDir();
        var result = await BulwarkProcess.RunAsync(dir.Path, Timeout, "flatten", "--data-dir", "d");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal("paper-1: never started, nothing to flatten\n", result.StdOut);
    }
}
