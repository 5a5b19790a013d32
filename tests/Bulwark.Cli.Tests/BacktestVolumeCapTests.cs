using System.Text.Json;
using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

/// <summary>`backtest --volume-cap`: an order fills at most a share of each bar's volume, and the result says how much filled.</summary>
public sealed class BacktestVolumeCapTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Eight days of 1,000 shares a day: sma-cross(3) crosses up at day 5's close (101), and the long then fills at days
    /// 6 (102) and 7 (103) before the data ends.
    /// </summary>
    private static string WriteData(TempDir dir)
    {
        var day = new DateOnly(2024, 1, 1);
        decimal[] closes = [100m, 100m, 100m, 99m, 99.5m, 101m, 102m, 103m];
        var rows = new List<string> { "Date,Open,High,Low,Close,Volume" };
        rows.AddRange(closes.Select((c, i) => FormattableString.Invariant($"{day.AddDays(i):yyyy-MM-dd},{c},{c + 0.5m},{c - 0.5m},{c},1000")));
        var path = Path.Combine(dir.Path, "THIN.csv");
        File.WriteAllText(path, string.Join('\n', rows) + "\n");
        return path;
    }

    [Fact]
    public async Task AnEntryCappedAtOnePercent_FillsTenABar_IsProtectedAsItFills_AndSaysHowMuchFilled()
    {
        using var dir = new TempDir();
        var data = WriteData(dir);
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=3", "--param", "stopLossPercent=5", "--data", data,
            "--no-calendar", "--size", "30", "--volume-cap", "1"];

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);

        Assert.True(json.ExitCode == 0, json.All);
        var root = JsonDocument.Parse(json.StdOut).RootElement;
        Assert.Equal(1m, root.GetProperty("volumeCap").GetDecimal());
        var orders = root.GetProperty("orders").EnumerateArray().ToList();
        var entry = Assert.Single(orders, o => o.GetProperty("type").GetString() == "market");
        Assert.Equal((30m, 20m, 102.5m), (entry.GetProperty("quantity").GetDecimal(), entry.GetProperty("filledQuantity").GetDecimal(),
            entry.GetProperty("fillPrice").GetDecimal()));
        var stops = orders.Where(o => o.GetProperty("type").GetString() == "stop").ToList();
        Assert.Equal([(10m, 96.9m), (20m, 97.38m)], stops.Select(s => (s.GetProperty("quantity").GetDecimal(), s.GetProperty("createPrice").GetDecimal())));
        Assert.Equal(0m, stops[1].GetProperty("filledQuantity").GetDecimal());
        var trade = Assert.Single(root.GetProperty("trades").EnumerateArray());
        Assert.Equal((20m, true), (trade.GetProperty("quantity").GetDecimal(), trade.GetProperty("isOpen").GetBoolean()));

        Assert.True(table.ExitCode == 0, table.All);
        Assert.Contains("-> 2024-01-07 @ 102.50 (20 filled)", table.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    public async Task AVolumeCapOutsideOneToAHundredPercent_IsAUsageError(string cap)
    {
        using var dir = new TempDir();
        var data = WriteData(dir);

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--data", data,
            "--no-calendar", "--volume-cap", cap);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--volume-cap must be in (0, 100] (was {cap})", run.StdErr, StringComparison.Ordinal);
    }
}
