using System.Globalization;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>optimize --min-trades N --max-drawdown P: rows that trade too little or fall too far rank after the rest.</summary>
public sealed class OptimizeConstraintsTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task RowsThatMissAConstraint_RankAfterThoseThatMeetIt_SayWhich_AndAWindowWithoutOneTradesNothing()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["optimize", "--strategy", "sma-cross", "--param", "period=5..44:5", "--data", data, "--no-calendar", "--min-trades", "10", "--max-drawdown", "3"];

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--report", "r.html"]);
        var plain = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args[..^4], "--json"]);
        var forward = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args[..^4], "--min-trades", "12", "--walk-forward", "train=120,test=40", "--json"]);

        Assert.True(json.ExitCode == 0, json.All);
        var root = JsonDocument.Parse(json.StdOut).RootElement;
        Assert.Equal((10, 0.03m), (root.GetProperty("minTrades").GetInt32(), root.GetProperty("maxDrawdown").GetDecimal()));
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        bool Meets(JsonElement r) => r.GetProperty("roundTrips").GetInt64() >= 10 && r.GetProperty("maxDrawdown").GetDecimal() <= 0.03m;
        var meeting = rows.TakeWhile(Meets).ToList();
        var missing = rows.Skip(meeting.Count).ToList();
        Assert.NotEmpty(meeting);
        Assert.NotEmpty(missing);
        Assert.All(meeting, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("missed").ValueKind));
        Assert.All(missing, r => Assert.False(Meets(r), r.GetRawText()));
        Assert.All(missing, r => Assert.Matches(@"^(\d+ trades?, under 10|drawdown \d+\.\d\d %, over 3\.00 %)$", r.GetProperty("missed").GetString()));
        foreach (var group in new[] { meeting, missing })
            Assert.Equal(group.Select(r => r.GetProperty("finalValue").GetDecimal()).OrderDescending(), group.Select(r => r.GetProperty("finalValue").GetDecimal()));
        // Without the constraints the best row is one that missed them: the constraints changed the choice.
        Assert.True(plain.ExitCode == 0, plain.All);
        var best = JsonDocument.Parse(plain.StdOut).RootElement.GetProperty("rows")[0];
        Assert.False(Meets(best));
        Assert.Equal(JsonValueKind.Null, best.GetProperty("missed").ValueKind);
        // The round trips are the backtest's closed trades.
        var period15 = rows.Single(r => r.GetProperty("parameters").GetProperty("period").GetString() == "15");
        Assert.Equal(11, period15.GetProperty("roundTrips").GetInt64());

        Assert.True(table.ExitCode == 0, table.All);
        var lines = table.StdOut.Split('\n');
        Assert.EndsWith("missed", lines[0].TrimEnd(), StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{missing.Count} of the rows miss --min-trades 10, --max-drawdown 3%: ranked after those that meet them"), lines);
        Assert.All(missing, r => Assert.Contains(lines, l => l.TrimEnd().EndsWith(r.GetProperty("missed").GetString()!, StringComparison.Ordinal)));
        var page = File.ReadAllText(Path.Combine(dir.Path, "r.html"));
        Assert.Contains("<th>Missed</th>", page, StringComparison.Ordinal);
        Assert.All(missing, r => Assert.Contains($"<td class=\"neg\">{r.GetProperty("missed").GetString()}</td></tr>", page, StringComparison.Ordinal));

        // The first train window's grid has no row of 12 trades: it trades nothing, and says why.
        Assert.True(forward.ExitCode == 0, forward.All);
        var first = JsonDocument.Parse(forward.StdOut).RootElement.GetProperty("walkForward").GetProperty("windows")[0];
        Assert.Equal(JsonValueKind.Null, first.GetProperty("parameters").ValueKind);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("testReturn").ValueKind);
        Assert.StartsWith("no combination met --min-trades 12 (the best: period=", first.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--min-trades", "0", "--min-trades 0: expected a number of round trips >= 1")]
    [InlineData("--max-drawdown", "0", "--max-drawdown 0: expected a percent of the peak above 0 and at most 100")]
    [InlineData("--max-drawdown", "150", "--max-drawdown 150: expected a percent of the peak above 0 and at most 100")]
    public async Task ConstraintsOutsideTheirRange_AreExitTwo(string option, string value, string message)
    {
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.Path, "w.csv"), DailyWave.Csv(60, 1d / 4, 100m));

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=2|3", "--data", "w.csv", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.StdErr, StringComparison.Ordinal);
    }
}
