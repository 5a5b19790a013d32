using System.Globalization;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>backtest --daily-loss-stop P: each day whose close leaves the account P% or more below its value when the day began trips the stop.</summary>
public sealed class BacktestDailyLossStopTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [Fact]
    public async Task EveryDayClosingOnePercentBelowItsOpeningValue_TripsTheStop_AndNoOtherDay()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", sample, "--no-calendar",
            "--percent-of-equity", "100", "--cash", "10000", "--daily-loss-stop", "1"];

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json", "--export", "out"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);

        Assert.True(run.ExitCode == 0, run.All);
        // Independently, from the equity curve: a daily bar's day begins at the last day's close (the first at the starting cash).
        var opening = 10_000m;
        List<DateTimeOffset> expected = [];
        foreach (var row in File.ReadLines(Path.Combine(dir.Path, "out", "equity.csv")).Skip(1).Select(l => l.Split(',')))
        {
            var value = decimal.Parse(row[1], Inv);
            if ((opening - value) * 100m / opening >= 1m) expected.Add(DateTimeOffset.Parse(row[0], Inv));
            opening = value;
        }
        Assert.True(expected.Count >= 2, $"{expected.Count} days tripped: the test proved less than it says");
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(1m, root.GetProperty("risk").GetProperty("maxDailyLossPercent").GetDecimal());
        var notices = root.GetProperty("notices").EnumerateArray().Where(n => n.GetProperty("code").GetString() == "DailyLossStop").ToList();
        Assert.Equal(expected, notices.Select(n => n.GetProperty("time").GetDateTimeOffset()));
        Assert.True(table.ExitCode == 0, table.All);
        Assert.Contains(string.Create(Inv, $"{expected[0]:yyyy-MM-dd} critical DailyLossStop: the account's value "), table.StdOut, StringComparison.Ordinal);
        Assert.Contains($"notices: {expected.Count} ({expected.Count} DailyLossStop)", table.StdOut, StringComparison.Ordinal);
    }
}
