using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>
/// backtest --max-orders-per-day N: no day sends more than N orders that add, and the day that reaches N says so; and
/// --max-orders-per-minute N, the throttle, on the same orders over a minute.
/// </summary>
public sealed class BacktestOrderLimitTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AGridsFirstDay_SendsThreeOrders_AndItsOtherLevelsAreDenied_WithTheLimitNamed()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "grid", "--data", sample, "--no-calendar", "--cash", "100000", "--max-orders-per-day", "3"];

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);

        Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(3, root.GetProperty("risk").GetProperty("maxOrdersPerDay").GetInt32());
        var orders = root.GetProperty("orders").EnumerateArray().ToList();
        static string Day(JsonElement o) => o.GetProperty("createdAt").GetString()![..10];
        var sent = orders.Where(o => o.GetProperty("denied").ValueKind == JsonValueKind.Null).CountBy(Day).ToDictionary();
        var denied = orders.Where(o => o.GetProperty("denied").ValueKind == JsonValueKind.String).ToList();
        // The grid lays out more levels than three on its first day: three go out, the rest are denied, each on a day
        // that had already sent three.
        Assert.Equal(3, sent["2006-01-02"]);
        Assert.NotEmpty(denied);
        Assert.All(denied, o => Assert.Equal(("MaxOrdersPerDay", 3), (o.GetProperty("denied").GetString(), sent[Day(o)])));
        var notices = root.GetProperty("notices").EnumerateArray().Where(n => n.GetProperty("code").GetString() == "MaxOrdersPerDay")
            .Select(n => n.GetProperty("time").GetString()![..10]);
        Assert.Equal(sent.Where(d => d.Value >= 3).Select(d => d.Key).Order(StringComparer.Ordinal), notices);
        Assert.True(table.ExitCode == 0, table.All);
        Assert.Contains($"  {denied.Count} MaxOrdersPerDay (risk.maxOrdersPerDay 3)", table.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheThrottle_OnDailyBars_CapsTheOrdersOfABarTime_AndNamesItsLimit()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "grid", "--data", sample, "--no-calendar", "--cash", "100000", "--max-orders-per-minute", "2"];

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);

        Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(2, root.GetProperty("risk").GetProperty("maxOrdersPerMinute").GetInt32());
        var orders = root.GetProperty("orders").EnumerateArray().ToList();
        static string At(JsonElement o) => o.GetProperty("createdAt").GetString()!;
        var sent = orders.Where(o => o.GetProperty("denied").ValueKind == JsonValueKind.Null).CountBy(At).ToDictionary();
        var denied = orders.Where(o => o.GetProperty("denied").ValueKind == JsonValueKind.String).ToList();
        // A daily bar's orders share its time: the grid's first layout sends two, and each denied level was asked at a
        // time that had already sent two (closing orders may go beyond).
        Assert.Equal(2, sent[At(orders[0])]);
        Assert.NotEmpty(denied);
        Assert.All(denied, o => Assert.Equal("MaxOrdersPerMinute", o.GetProperty("denied").GetString()));
        Assert.All(denied, o => Assert.True(sent.GetValueOrDefault(At(o)) >= 2, At(o)));
        Assert.True(table.ExitCode == 0, table.All);
        Assert.Contains($"  {denied.Count} MaxOrdersPerMinute (risk.maxOrdersPerMinute 2)", table.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePriceCollar_DeniesExactlyTheGridsLevelsPricedTooFarFromTheLastClose()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        File.Copy(sample, Path.Combine(dir.Path, "X.txt"));
        var config = dir.File("bulwark.yaml", """
            bots:
              - id: g
                venue: { type: paper, initialCash: 100000 }
                feed: { type: csv, interval: 1d, files: [ { path: X.txt, symbol: X } ] }
                instruments: [ { symbol: X } ]
                strategies: [ { name: grid, symbols: [X], swing: true } ]
                risk: { maxPriceDeviationPercent: 3 }
                tradingHours: { enforce: false }
            """);

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "g", "--config", config, "--json");
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "g", "--config", config);

        Assert.True(run.ExitCode == 0 && table.ExitCode == 0, run.All + table.All);
        // The last price a level is measured from: the bar's close when the grid placed it at the close, the day before's
        // when it placed a replacement on a fill at the open.
        var rows = File.ReadLines(sample).Skip(1).Select(l => l.Split(',')).ToList();
        var lastPrices = rows.Select((f, i) => (Date: f[0], Closes: new[] { decimal.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(rows[Math.Max(0, i - 1)][4], System.Globalization.CultureInfo.InvariantCulture) })).ToDictionary(r => r.Date, r => r.Closes);
        static bool Outside(decimal price, decimal last) => Math.Abs(price - last) * 100m > 3m * last;
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(3m, root.GetProperty("risk").GetProperty("maxPriceDeviationPercent").GetDecimal());
        var limits = root.GetProperty("orders").EnumerateArray().Where(o => o.GetProperty("type").GetString() == "limit").ToList();
        var denied = limits.Where(o => o.GetProperty("denied").GetString() == "PriceOutsideCollar").ToList();
        Assert.NotEmpty(denied);
        foreach (var o in denied)
        {
            var last = decimal.Parse(System.Text.RegularExpressions.Regex.Match(o.GetProperty("deniedDetail").GetString()!, @"last price ([0-9.]+),").Groups[1].Value,
                System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(last, lastPrices[o.GetProperty("createdAt").GetString()![..10]]);
            Assert.True(Outside(o.GetProperty("createPrice").GetDecimal(), last), o.ToString());
        }
        Assert.All(limits.Where(o => o.GetProperty("denied").ValueKind == JsonValueKind.Null), o =>
            Assert.Contains(lastPrices[o.GetProperty("createdAt").GetString()![..10]], last => !Outside(o.GetProperty("createPrice").GetDecimal(), last)));
        Assert.Contains($"  {denied.Count} PriceOutsideCollar (risk.maxPriceDeviationPercent 3)", table.StdOut, StringComparison.Ordinal);
    }
}
