using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>Blackout days: `backtest --blackouts` on the sample, a bot's `blackouts` file in `run`, and bad files.</summary>
public sealed class BlackoutTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task OnTheSample_ABlackoutDeniesThatDaysEntry_AndOneThatExitsSellsTheHeldPositionOnItsFirstDay()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        // 26 January is the day sma-cross 15 first buys; 15-16 August are inside a position it holds from July to September.
        var file = dir.File("b.csv", "symbol,from,to,reason,exit\n2006-day-001,2006-01-26,,,\n2006-day-001,2006-08-15,2006-08-16,earnings,true\n");
        string[] run = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", sample, "--no-calendar", "--cash", "10000", "--json"];

        var plain = await BulwarkProcess.RunAsync(dir.Path, Timeout, run);
        var blackout = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. run, "--blackouts", file]);

        Assert.True(plain.ExitCode == 0 && blackout.ExitCode == 0, plain.All + blackout.All);
        static List<JsonElement> Orders(string json) => [.. JsonDocument.Parse(json).RootElement.GetProperty("orders").EnumerateArray()];
        static string Day(JsonElement o, string at) => o.GetProperty(at).GetString()![..10];
        var before = Orders(plain.StdOut);
        Assert.Contains(before, o => Day(o, "createdAt") == "2006-01-26" && o.GetProperty("side").GetString() == "buy");
        Assert.Contains(before, o => Day(o, "filledAt") == "2006-07-25" && o.GetProperty("side").GetString() == "buy");
        Assert.Contains(before, o => Day(o, "filledAt") == "2006-09-07" && o.GetProperty("side").GetString() == "sell");

        var orders = Orders(blackout.StdOut);
        Assert.DoesNotContain(orders, o => o.GetProperty("side").GetString() == "buy"
            && Day(o, "createdAt") is "2006-01-26" or "2006-08-15" or "2006-08-16");
        var exit = Assert.Single(orders, o => o.GetProperty("tag").GetString() == "blackout");
        Assert.Equal(("sell", "2006-08-15", "2006-08-16", 1m, "sma-cross"), (exit.GetProperty("side").GetString(), Day(exit, "createdAt"),
            Day(exit, "filledAt"), exit.GetProperty("quantity").GetDecimal(), exit.GetProperty("source").GetString()));
        var root = JsonDocument.Parse(blackout.StdOut).RootElement;
        Assert.Equal(1, root.GetProperty("sources")[0].GetProperty("deniedByReason").GetProperty("Blackout").GetInt32());
        Assert.Equal(1, root.GetProperty("metrics").GetProperty("blackedOut").GetInt32());
        var closed = Assert.Single(root.GetProperty("trades").EnumerateArray(), t => t.GetProperty("blackedOut").GetBoolean());
        Assert.Equal("2006-08-16", closed.GetProperty("exitTime").GetString()![..10]);
        Assert.Equal(["earnings"], root.GetProperty("blackouts").EnumerateArray().Where(b => b.GetProperty("exit").GetBoolean())
            .Select(b => b.GetProperty("reason").GetString()));
    }

    [Theory]
    [InlineData("symbol,from,to\nX,2024-03-05,2024-03-04\n", "--blackouts 'b.csv' line 2: to 2024-03-04 is before from 2024-03-05\n")]
    [InlineData("symbol,from,to\nY,2024-03-05,\n", "--blackouts 'b.csv' gives blackouts of Y, not among the run's symbols (X); give * for every symbol\n")]
    [InlineData(null, "--blackouts 'b.csv': no such file\n")]
    public async Task ABadFile_IsAUsageError_NamingTheFileAndLine(string? csv, string message)
    {
        using var dir = new TempDir();
        MinuteBarBot.WriteBars(dir, "X", MinuteBarBot.Rows("2024-03-04", 100m, 101m));
        if (csv is not null) dir.File("b.csv", csv);

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--data", "X.csv", "--blackouts", "b.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("bulwark: " + message, run.StdErr);
    }

    [Fact]
    public async Task ABotsBlackoutsFile_DeniesEntriesInARun_AndClosesItsPositionOnTheDayInItsBacktest()
    {
        using var dir = new TempDir();
        // sma-cross 2 buys at Monday's 10:03 close (crossing up) and fills at 10:04; Tuesday is a blackout that exits.
        MinuteBarBot.WriteBars(dir, "X", [.. MinuteBarBot.Rows("2024-03-04", 100m, 99m, 98m, 101m, 102m, 103m),
            .. MinuteBarBot.Rows("2024-03-05", 104m, 105m, 106m)]);
        var config = MinuteBarBot.Config(dir, "careful", ["X"], "blackouts: b.csv");
        string[] at = ["--config", config, "--data-dir", "d"];

        // `run` replays the file on the wall clock, whose date is the trading day: a blackout of every date covers it.
        dir.File("b.csv", "symbol,from,to,reason\nX,2000-01-01,2099-12-31,delisting review\n");
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["run", .. at]);
        var events = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["journal", "events", "--type", "SignalDenied", "--type", "OrderInitialized", "--json", .. at]);
        var status = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["status", .. at]);
        dir.File("b.csv", "symbol,from,to,reason,exit\nX,2024-03-05,,earnings,true\n");
        var backtest = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["backtest", "--bot", "careful", "--config", config, "--json"]);

        Assert.True(run.ExitCode == 0 && events.ExitCode == 0, run.All + events.All);
        var denied = Assert.Single(events.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement));
        Assert.Equal("SignalDenied", denied.GetProperty("type").GetString());
        Assert.Equal("Blackout", denied.GetProperty("event").GetProperty("reason").GetString());
        Assert.StartsWith("X blackout 2000-01-01..2099-12-31 (delisting review)", denied.GetProperty("event").GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(status.ExitCode == 0, status.All);
        Assert.Contains("\n  BLACKOUT X 2000-01-01..2099-12-31 (delisting review): no position opened or added to there\n", status.StdOut, StringComparison.Ordinal);

        Assert.True(backtest.ExitCode == 0, backtest.All);
        var orders = JsonDocument.Parse(backtest.StdOut).RootElement.GetProperty("orders").EnumerateArray().ToList();
        Assert.Equal([("buy", null), ("sell", "blackout")], orders.Select(o => (o.GetProperty("side").GetString(), o.GetProperty("tag").GetString())));
        Assert.Equal("2024-03-05", orders[1].GetProperty("createdAt").GetString()![..10]);
    }
}
