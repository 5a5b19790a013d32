using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>`backtest --max-position-loss P`: a grid, which places no stops, has each losing inventory closed at the limit.</summary>
public sealed partial class BacktestPositionLossLimitTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [GeneratedRegex(@"open loss (?<loss>[0-9.]+) at [0-9.]+ is (?<share>[0-9.]+)% of the account's value (?<value>[0-9.]+), at least risk\.maxPositionLossPercent 1%: closing its position of (?<held>-?[0-9]+)$")]
    private static partial Regex Notice();

    [Fact]
    public async Task TheGridsLosingInventories_AreClosedWholeAtTheLimit_AndNeverLater()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "grid", "--data", sample, "--no-calendar",
            "--cash", "10000", "--max-position-loss", "1", "--json");
        var refused = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "grid", "--data", sample, "--max-position-loss", "100");

        Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(1m, root.GetProperty("risk").GetProperty("maxPositionLossPercent").GetDecimal());
        var notices = root.GetProperty("notices").EnumerateArray().Where(n => n.GetProperty("code").GetString() == "PositionLossLimit")
            .Select(n => (Day: n.GetProperty("time").GetString()![..10], Match: Notice().Match(n.GetProperty("message").GetString()!))).ToList();
        var exits = root.GetProperty("orders").EnumerateArray().Where(o => o.GetProperty("tag").GetString() == "loss-limit").ToList();
        Assert.True(exits.Count >= 3, $"only {exits.Count} loss-limit exits");
        Assert.Equal(exits.Count, notices.Count);
        foreach (var (exit, (day, match)) in exits.Zip(notices))
        {
            Assert.True(match.Success, "a notice in another form");
            decimal Number(string name) => decimal.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
            // At least 1% of the account's value, as the notice's own figures say, and the whole position, the other way.
            Assert.True(Number("loss") * 100m >= Number("value"), $"{day}: {match.Value}");
            var held = Number("held");
            Assert.Equal((day, held > 0 ? "sell" : "buy", Math.Abs(held)),
                (exit.GetProperty("createdAt").GetString()![..10], exit.GetProperty("side").GetString(), exit.GetProperty("quantity").GetDecimal()));
            Assert.Equal(JsonValueKind.String, exit.GetProperty("filledAt").ValueKind);
            Assert.Equal("grid", exit.GetProperty("source").GetString());
        }

        // Each close ends a trade, which says so, and the metrics count them.
        Assert.Equal(exits.Count, root.GetProperty("metrics").GetProperty("lossLimited").GetInt32());
        Assert.Equal(exits.Count, root.GetProperty("trades").EnumerateArray().Count(t => t.GetProperty("lossLimited").GetBoolean()));

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("bulwark: --max-position-loss must be in (0, 100) (was 100)\n", refused.StdErr);
    }
}
