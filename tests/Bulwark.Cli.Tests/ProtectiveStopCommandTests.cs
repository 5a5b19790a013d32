using System.Globalization;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>
/// Protective stops and take-profits as strategy parameters, through the real process: backtest, optimize, and what bad
/// values get.
/// </summary>
public sealed class ProtectiveStopCommandTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Backtest_WithAStopInAtrs_SaysSoOnItsFirstLine_AndCountsTheEntriesDeniedBeforeTheRangeWasKnown()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=5", "--param", "stopLossAtr=1", "--param", "atrPeriod=40",
            "--data", data, "--no-calendar"];

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var text = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);

        Assert.True(json.ExitCode == 0, json.All);
        var source = Assert.Single(JsonDocument.Parse(json.StdOut).RootElement.GetProperty("sources").EnumerateArray());
        var denied = source.GetProperty("deniedByReason").GetProperty("StopNotReady").GetInt64();
        Assert.True(denied > 0);
        Assert.True(text.ExitCode == 0, text.All);
        Assert.StartsWith("sma-cross period=5 trendPeriod=none stopLossAtr=1 atrPeriod=40 on 2006-day-001:", text.StdOut, StringComparison.Ordinal);
        Assert.Contains($"denied: {denied} StopNotReady)", text.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_WithAStopLoss_ListsItsStopOrders_AndSaysSoOnItsFirstLine()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--param", "stopLossPercent=1.5",
            "--data", data, "--no-calendar"];

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var text = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);

        Assert.True(json.ExitCode == 0, json.All);
        var root = JsonDocument.Parse(json.StdOut).RootElement;
        Assert.Equal(10230.71m, Math.Round(root.GetProperty("finalValue").GetDecimal(), 2)); // GoldenBacktestTests' figure
        var stops = root.GetProperty("orders").EnumerateArray().Where(o => o.GetProperty("type").GetString() == "stop").ToList();
        Assert.NotEmpty(stops);
        Assert.All(stops, s => Assert.Equal("sell", s.GetProperty("side").GetString()));
        // Each stop either filled or was canceled (making way for an exit), except the one protecting the open position.
        Assert.Single(stops, s => s.GetProperty("filledAt").ValueKind == JsonValueKind.Null && !s.GetProperty("canceled").GetBoolean());
        Assert.True(text.ExitCode == 0, text.All);
        Assert.StartsWith("sma-cross period=15 trendPeriod=none stopLossPercent=1.5 on 2006-day-001:", text.StdOut, StringComparison.Ordinal);
        Assert.Contains("stop @ ", text.StdOut, StringComparison.Ordinal);
        var stoppedOut = root.GetProperty("metrics").GetProperty("stoppedOut").GetInt32();
        Assert.Equal(stops.Count(s => s.GetProperty("filledAt").ValueKind != JsonValueKind.Null), stoppedOut);
        Assert.Equal(stoppedOut, root.GetProperty("trades").EnumerateArray().Count(t => t.GetProperty("stoppedOut").GetBoolean()));
        Assert.Contains($"trades closed ({stoppedOut} by a protective stop)", text.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_WithAStopAndATakeProfit_ListsBoth_AndTellsTheirExitsApart()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--param", "stopLossPercent=1.5",
            "--param", "takeProfitPercent=2", "--data", data, "--no-calendar"];

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json", "--export", "out"]);
        var text = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);

        Assert.True(json.ExitCode == 0, json.All);
        var root = JsonDocument.Parse(json.StdOut).RootElement;
        var orders = root.GetProperty("orders").EnumerateArray().ToList();
        var targets = orders.Where(o => o.GetProperty("tag").GetString() == "take-profit").ToList();
        Assert.NotEmpty(targets);
        Assert.All(targets, t => Assert.Equal(("limit", "sell"), (t.GetProperty("type").GetString(), t.GetProperty("side").GetString())));
        var metrics = root.GetProperty("metrics");
        var (stoppedOut, tookProfit) = (metrics.GetProperty("stoppedOut").GetInt32(), metrics.GetProperty("tookProfit").GetInt32());
        Assert.Equal(targets.Count(t => t.GetProperty("filledAt").ValueKind != JsonValueKind.Null), tookProfit);
        Assert.True(stoppedOut > 0 && tookProfit > 0, $"{stoppedOut} stopped out, {tookProfit} took profit");
        Assert.Equal(tookProfit, root.GetProperty("trades").EnumerateArray().Count(t => t.GetProperty("tookProfit").GetBoolean()));
        // The shares are never sold twice: the position stays within 0..1 share.
        var position = 0m;
        foreach (var fill in orders.Where(o => o.GetProperty("filledAt").ValueKind != JsonValueKind.Null).OrderBy(o => o.GetProperty("filledAt").GetDateTimeOffset()))
        {
            position += (fill.GetProperty("side").GetString() == "buy" ? 1 : -1) * fill.GetProperty("quantity").GetDecimal();
            Assert.InRange(position, 0m, 1m);
        }
        Assert.Contains(",limit,false,take-profit", File.ReadAllText(Path.Combine(dir.Path, "out", "orders.csv")), StringComparison.Ordinal);
        Assert.True(text.ExitCode == 0, text.All);
        Assert.StartsWith("sma-cross period=15 trendPeriod=none stopLossPercent=1.5 takeProfitPercent=2 on 2006-day-001:", text.StdOut, StringComparison.Ordinal);
        Assert.Contains("take-profit @ ", text.StdOut, StringComparison.Ordinal);
        Assert.Contains($"trades closed ({stoppedOut} by a protective stop, {tookProfit} at a take-profit)", text.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_ScalingOut_SellsHalfAtTheTarget_ThenTheRestOnTheStopOrTheSignal_NeverTwice()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--param", "stopLossPercent=3",
            "--param", "takeProfitPercent=2", "--param", "scaleOutPercent=50", "--data", data, "--no-calendar", "--size", "10", "--cash", "100000"];

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var text = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--export", "out", "--report", "r.html"]);
        var alone = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "scaleOutPercent=50",
            "--param", "stopLossPercent=3", "--data", data, "--no-calendar");

        Assert.True(json.ExitCode == 0, json.All);
        var root = JsonDocument.Parse(json.StdOut).RootElement;
        var orders = root.GetProperty("orders").EnumerateArray().ToList();
        var targets = orders.Where(o => o.GetProperty("tag").GetString() == "take-profit").ToList();
        Assert.All(targets, t => Assert.Equal(5m, t.GetProperty("quantity").GetDecimal()));
        var filledTargets = targets.Count(t => t.GetProperty("filledAt").ValueKind != JsonValueKind.Null);
        Assert.True(filledTargets >= 2, $"{filledTargets} take-profits filled");
        // Walking the fills: a take-profit fills only at a full position of 10, and no take-profit is placed while 5 are left.
        var position = 0m;
        foreach (var o in orders.OrderBy(o => o.GetProperty("createdAt").GetDateTimeOffset()))
        {
            var isTarget = o.GetProperty("tag").GetString() == "take-profit";
            if (isTarget) Assert.Equal(10m, position);
            if (o.GetProperty("filledAt").ValueKind == JsonValueKind.Null) continue;
            position += (o.GetProperty("side").GetString() == "buy" ? 1 : -1) * o.GetProperty("filledQuantity").GetDecimal();
            Assert.InRange(position, 0m, 10m);
        }
        var trades = root.GetProperty("trades").EnumerateArray().ToList();
        Assert.Equal(filledTargets, trades.Count(t => t.GetProperty("scaledOut").GetBoolean()));
        Assert.Equal(filledTargets, root.GetProperty("metrics").GetProperty("scaledOut").GetInt32());
        Assert.All(trades, t => Assert.Equal(10m, t.GetProperty("quantity").GetDecimal()));
        Assert.True(text.ExitCode == 0, text.All);
        Assert.StartsWith("sma-cross period=15 trendPeriod=none stopLossPercent=3 takeProfitPercent=2 scaleOutPercent=50 on 2006-day-001:", text.StdOut, StringComparison.Ordinal);
        Assert.Contains($"{filledTargets} scaled out at a take-profit first)", text.StdOut, StringComparison.Ordinal);
        var csv = File.ReadAllLines(Path.Combine(dir.Path, "out", "trades.csv"));
        var column = Array.IndexOf(csv[0].Split(','), "scaled_out");
        Assert.Equal(filledTargets, csv.Skip(1).Count(l => l.Split(',')[column] == "true"));
        Assert.Equal(filledTargets, System.Text.RegularExpressions.Regex.Count(File.ReadAllText(Path.Combine(dir.Path, "r.html")), ", scaled out</td>"));
        Assert.Equal(2, alone.ExitCode);
        Assert.Contains("--param scaleOutPercent: sizes the take-profit: give takeProfitPercent or takeProfitAtr with it", alone.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_ATakeProfitInRanges_IsTwoAtrsAboveEachEntry_AsTheIndicatorsCommandComputesThem()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--param", "stopLossPercent=3",
            "--param", "takeProfitAtr=2", "--data", data, "--no-calendar", "--size", "10", "--cash", "100000"];

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var atr = await BulwarkProcess.RunAsync(dir.Path, Timeout, "indicators", "--data", data, "--indicator", "atr:14");
        var both = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--param", "takeProfitPercent=2"]);

        Assert.True(json.ExitCode == 0, json.All);
        Assert.True(atr.ExitCode == 0, atr.All);
        var inv = CultureInfo.InvariantCulture;
        var ranges = atr.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(','))
            .Where(r => r[1].Length > 0).ToDictionary(r => r[0], r => decimal.Parse(r[1], inv), StringComparer.Ordinal);
        // The range is the one the entry's bar closed with (the entry fills at its open; the exits go out at its close),
        // and the level is on the cent toward the entry.
        var (position, entry, targets) = (0m, 0m, 0);
        foreach (var o in JsonDocument.Parse(json.StdOut).RootElement.GetProperty("orders").EnumerateArray().OrderBy(o => o.GetProperty("createdAt").GetDateTimeOffset()))
        {
            if (o.GetProperty("tag").GetString() == "take-profit")
            {
                var range = ranges[o.GetProperty("createdAt").GetDateTimeOffset().ToString("yyyy-MM-dd", inv)];
                Assert.Equal(Math.Floor((entry + (2m * range)) * 100m) / 100m, o.GetProperty("createPrice").GetDecimal());
                targets++;
            }
            if (o.GetProperty("filledAt").ValueKind == JsonValueKind.Null) continue;
            if (position == 0m) entry = o.GetProperty("fillPrice").GetDecimal();
            position += (o.GetProperty("side").GetString() == "buy" ? 1 : -1) * o.GetProperty("filledQuantity").GetDecimal();
        }
        Assert.Equal(12, targets); // one for each of the 12 entries: the level never moved while a position was held
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("--param takeProfitAtr: is the take-profit's distance in average true ranges: give it or takeProfitPercent, not both", both.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_ALadder_TakesAThirdAtEachStepFurtherOut_OfThePositionBeforeTheFirst()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--param", "stopLossPercent=3",
            "--param", "takeProfitPercent=2", "--param", "scaleOutPercent=30", "--param", "scaleOutSteps=3", "--data", data,
            "--no-calendar", "--size", "10", "--cash", "100000"];

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var text = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--export", "out", "--report", "r.html"]);
        var tooMany = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args.Select(a => a == "scaleOutPercent=30" ? "scaleOutPercent=50" : a)]);

        Assert.True(json.ExitCode == 0, json.All);
        var root = JsonDocument.Parse(json.StdOut).RootElement;
        // Walking the orders: each take-profit is 3 (30% of 10) at k x 2% above the round trip's entry, k the step, which
        // the position tells: 10 before the first, 7 before the second, 4 before the third.
        var (position, entry, filledTargets, secondSteps, thirdSteps) = (0m, 0m, 0, 0, 0);
        foreach (var o in root.GetProperty("orders").EnumerateArray().OrderBy(o => o.GetProperty("createdAt").GetDateTimeOffset()))
        {
            if (o.GetProperty("tag").GetString() == "take-profit")
            {
                Assert.Equal(3m, o.GetProperty("quantity").GetDecimal());
                var step = (int)((10m - position) / 3m) + 1;
                Assert.Contains(position, new[] { 10m, 7m, 4m });
                Assert.Equal(Math.Floor(entry * (1m + (0.02m * step)) * 100m) / 100m, o.GetProperty("createPrice").GetDecimal());
                if (o.GetProperty("filledAt").ValueKind != JsonValueKind.Null) { filledTargets++; secondSteps += step == 2 ? 1 : 0; thirdSteps += step == 3 ? 1 : 0; }
            }
            if (o.GetProperty("filledAt").ValueKind == JsonValueKind.Null) continue;
            if (position == 0m) entry = o.GetProperty("fillPrice").GetDecimal();
            position += (o.GetProperty("side").GetString() == "buy" ? 1 : -1) * o.GetProperty("filledQuantity").GetDecimal();
            Assert.InRange(position, 0m, 10m);
        }
        Assert.True(secondSteps >= 2, $"{secondSteps} second steps filled");
        var trades = root.GetProperty("trades").EnumerateArray().ToList();
        var scaledOut = trades.Count(t => t.GetProperty("scaledOut").GetBoolean());
        Assert.Equal(filledTargets, trades.Sum(t => t.GetProperty("scaleOuts").GetInt32()));
        Assert.Equal((scaledOut, filledTargets), (root.GetProperty("metrics").GetProperty("scaledOut").GetInt32(), root.GetProperty("metrics").GetProperty("scaleOuts").GetInt32()));
        Assert.True(text.ExitCode == 0, text.All);
        Assert.StartsWith("sma-cross period=15 trendPeriod=none stopLossPercent=3 takeProfitPercent=2 scaleOutPercent=30 scaleOutSteps=3 on 2006-day-001:", text.StdOut, StringComparison.Ordinal);
        Assert.Contains($"{scaledOut} scaled out at a take-profit first, {filledTargets} steps in all)", text.StdOut, StringComparison.Ordinal);
        var csv = File.ReadAllLines(Path.Combine(dir.Path, "out", "trades.csv"));
        var column = Array.IndexOf(csv[0].Split(','), "scale_outs");
        Assert.Equal(filledTargets, csv.Skip(1).Sum(l => int.Parse(l.Split(',')[column], CultureInfo.InvariantCulture)));
        Assert.Equal(secondSteps - thirdSteps, System.Text.RegularExpressions.Regex.Count(File.ReadAllText(Path.Combine(dir.Path, "r.html")), ", scaled out 2 times</td>"));
        Assert.Equal(2, tooMany.ExitCode);
        Assert.Contains("--param scaleOutSteps: of 3 at scaleOutPercent 50 would sell the whole position before the last step", tooMany.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sma-cross", "takeProfitPercent=100", "--param takeProfitPercent: must be under 100 (a percent of the entry price), got 100")]
    [InlineData("sma-cross", "stopLossPercent=100", "--param stopLossPercent: must be under 100 (a percent of the entry price), got 100")]
    [InlineData("ema-cloud", "trailingStopPercent=0", "--param trailingStopPercent: expected 'none' or a number > 0, got '0'")]
    [InlineData("grid", "stopLossPercent=2", "--param stopLossPercent: unknown parameter of grid")]
    public async Task Backtest_WithABadStop_ExitsTwoNamingTheParameter(string strategy, string parameter, string problem)
    {
        using var dir = new TempDir();
        dir.File("ok.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,2,10\n");

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", strategy, "--param", parameter, "--data", "ok.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(problem, run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_SearchesTheStopLikeAnyParameter()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=15",
            "--param", "stopLossPercent=none|1.5|3", "--data", data, "--no-calendar", "--json");

        Assert.True(run.ExitCode == 0, run.All);
        var rows = JsonDocument.Parse(run.StdOut).RootElement.GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("parameters").GetProperty("stopLossPercent").GetString()!, r => Math.Round(r.GetProperty("finalValue").GetDecimal(), 2));
        Assert.Equal(10284.10m, rows["none"]); // the published figure: no stop
        Assert.Equal(10230.71m, rows["1.5"]);
        Assert.Equal(3, rows.Count);
    }
}
