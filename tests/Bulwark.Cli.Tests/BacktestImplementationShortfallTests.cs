using System.Globalization;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>
/// What the market and stop orders' fills cost against the prices they were decided at: a signal's close, a stop's level.
/// With next-open fills it is the move from each signal's close to the next open (and each gap through a stop), which the
/// modelled slippage leaves out.
/// </summary>
public sealed class BacktestImplementationShortfallTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [Fact]
    public async Task NextOpenFills_FallShortOfTheSignalsClosesByTheMoveToTheOpen_InTheJsonTableCsvAndReport()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--param", "stopLossPercent=1.5", "--data", sample,
            "--no-calendar", "--size", "10", "--cash", "100000"];

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--export", "out", "--report", "r.html"]);

        Assert.True(json.ExitCode == 0, json.All);
        Assert.True(table.ExitCode == 0, table.All);
        var rows = File.ReadLines(sample).Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[0], StringComparer.Ordinal);
        string Day(JsonElement o, string name) => o.GetProperty(name).GetDateTimeOffset().ToString("yyyy-MM-dd", Inv);
        var root = JsonDocument.Parse(json.StdOut).RootElement;
        var (total, measured, stops) = (0m, 0, 0);
        foreach (var o in root.GetProperty("orders").EnumerateArray().Where(o => o.GetProperty("filledAt").ValueKind != JsonValueKind.Null))
        {
            var sell = o.GetProperty("side").GetString() == "sell";
            var stop = o.GetProperty("type").GetString() == "stop";
            // A market order is decided at its signal bar's close and fills at the next bar's open; a stop at its level.
            var decided = stop ? o.GetProperty("createPrice").GetDecimal() : decimal.Parse(rows[Day(o, "createdAt")][4], Inv);
            var filled = o.GetProperty("fillPrice").GetDecimal();
            if (!stop)
            {
                Assert.Equal(decided, o.GetProperty("createPrice").GetDecimal());
                Assert.Equal(decimal.Parse(rows[Day(o, "filledAt")][1], Inv), filled);
            }
            var expected = (sell ? decided - filled : filled - decided) * 10m;
            Assert.Equal(expected, o.GetProperty("implementationShortfall").GetDecimal());
            (total, measured, stops) = (total + expected, measured + 1, stops + (stop ? 1 : 0));
        }
        Assert.True(stops > 0 && total != 0m, "no stop filled or nothing moved, so the test proved less than it says");
        Assert.Equal(total, root.GetProperty("metrics").GetProperty("implementationShortfall").GetDecimal());
        var source = Assert.Single(root.GetProperty("sources").EnumerateArray());
        Assert.Equal(total, source.GetProperty("implementationShortfall").GetDecimal());
        // No slippage was modelled: all of it is the market's move.
        Assert.Contains(string.Create(Inv, $"implementation shortfall {total:0.00} on {measured} market and stop orders against the prices they were decided at (signals' closes, stops' levels): 0.00 slippage and impact, {total:0.00} the market's move before the fills"),
            table.StdOut, StringComparison.Ordinal);
        Assert.Contains(string.Create(Inv, $"PnL {source.GetProperty("realizedPnl").GetDecimal():0.00}), implementation shortfall {total:0.00}, weight "), table.StdOut, StringComparison.Ordinal);
        var csv = File.ReadAllLines(Path.Combine(dir.Path, "out", "orders.csv"));
        Assert.Equal("implementation_shortfall", csv[0].Split(',')[^1]);
        Assert.Equal(total, csv.Skip(1).Sum(l => decimal.Parse(l.Split(',')[^1], Inv)));
        var page = File.ReadAllText(Path.Combine(dir.Path, "r.html"));
        Assert.Contains(string.Create(Inv, $"<th>Implementation shortfall against the decision prices (market and stop orders)</th><td>{total:0.00}</td>"), page, StringComparison.Ordinal);
        Assert.Contains("<th>Implementation shortfall</th>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloseFills_FallShortByTheirSlippageAlone_AndWithoutSlippageByNothing()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", sample, "--no-calendar", "--fill", "close"];

        var slipped = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--slippage-bps", "5", "--json"]);
        var exact = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var exactTable = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);

        Assert.True(slipped.ExitCode == 0, slipped.All);
        var orders = JsonDocument.Parse(slipped.StdOut).RootElement.GetProperty("orders").EnumerateArray()
            .Where(o => o.GetProperty("filledAt").ValueKind != JsonValueKind.Null).ToList();
        Assert.Equal(23, orders.Count);
        Assert.All(orders, o => Assert.Equal(o.GetProperty("slippage").GetDecimal(), o.GetProperty("implementationShortfall").GetDecimal()));
        Assert.All(orders, o => Assert.True(o.GetProperty("implementationShortfall").GetDecimal() > 0m));
        Assert.True(exact.ExitCode == 0, exact.All);
        var metrics = JsonDocument.Parse(exact.StdOut).RootElement.GetProperty("metrics");
        Assert.Equal(0m, metrics.GetProperty("implementationShortfall").GetDecimal());
        Assert.True(exactTable.ExitCode == 0, exactTable.All);
        Assert.DoesNotContain("implementation shortfall", exactTable.StdOut, StringComparison.Ordinal);
    }
}
