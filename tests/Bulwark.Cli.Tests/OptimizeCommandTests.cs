using System.Text.Json;
using System.Text.RegularExpressions;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

public sealed class OptimizeCommandTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Sixty days, weekends included, of a wave that crosses a 2-day average again and again.</summary>
    private static readonly string Wave = DailyWave.Csv(60, 1d / 4, 100m);

    [Fact]
    public async Task Optimize_SmaCrossPeriod5To44_PrintsFortyJsonRowsBestFirst_IncludingThePublishedPeriod15()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=5..44",
            "--data", data, "--no-calendar", "--json");
        Assert.True(run.ExitCode == 0, run.All);

        var root = JsonDocument.Parse(run.StdOut).RootElement;
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(40, rows.Count);
        var values = rows.Select(r => r.GetProperty("finalValue").GetDecimal()).ToList();
        Assert.Equal(values.OrderDescending(), values);
        Assert.Equal(Enumerable.Range(5, 40).Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal),
            rows.Select(r => r.GetProperty("parameters").GetProperty("period").GetString()!).Order(StringComparer.Ordinal));
        var p15 = rows.Single(r => r.GetProperty("parameters").GetProperty("period").GetString() == "15");
        Assert.Equal(10284.10m, Math.Round(p15.GetProperty("finalValue").GetDecimal(), 2));
        Assert.Equal(23, p15.GetProperty("fills").GetInt32());
        Assert.True(p15.GetProperty("maxDrawdown").GetDecimal() > 0m);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("walkForward").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("costGrid").ValueKind);
        // The best row against chance: its own Sharpe, deflated by the best of forty trials.
        var deflated = root.GetProperty("deflatedSharpe");
        Assert.Equal(40, deflated.GetProperty("trials").GetInt32());
        Assert.Equal(rows[0].GetProperty("parameters").GetProperty("period").GetString(), deflated.GetProperty("parameters").GetProperty("period").GetString());
        Assert.Equal(rows[0].GetProperty("sharpe").GetDouble(), deflated.GetProperty("sharpe").GetDouble(), 9);
        var (psr, dsr) = (deflated.GetProperty("probabilisticSharpe").GetDouble(), deflated.GetProperty("deflated").GetDouble());
        Assert.True(dsr < psr && dsr > 0d && psr < 1d, deflated.GetRawText());
        Assert.True(deflated.GetProperty("expectedMaxSharpe").GetDouble() > 0d, deflated.GetRawText());
        // Forty periods of one average trade much alike: they count as far fewer independent trials, as their correlation says.
        var r = deflated.GetProperty("meanCorrelation").GetDouble();
        Assert.InRange(r, 0.3, 0.99);
        Assert.Equal(r + ((1d - r) * 40d), deflated.GetProperty("effectiveTrials").GetDouble(), 9);
    }

    [Fact]
    public async Task Optimize_WithReport_WritesAHeatmapOfEveryRowThatRan_WhateverTopShows()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["optimize", "--strategy", "sma-cross", "--param", "period=10..14", "--param", "stopLossPercent=1|2|3", "--data", data, "--no-calendar"];

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--top", "2", "--report", "out.html"]);
        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.True(json.ExitCode == 0, json.All);
        var html = File.ReadAllText(Path.Combine(dir.Path, "out.html"));
        var cells = Regex.Matches(html, "<rect class=\"cell\"[^>]*><title>period=(\\d+), stopLossPercent=(\\d): final value ([\\d.]+)</title>");
        Assert.Equal(15, cells.Count);
        // Each cell's figure is its row's final value, to the cent.
        var values = JsonDocument.Parse(json.StdOut).RootElement.GetProperty("rows").EnumerateArray().ToDictionary(
            r => (r.GetProperty("parameters").GetProperty("period").GetString(), r.GetProperty("parameters").GetProperty("stopLossPercent").GetString()),
            r => r.GetProperty("finalValue").GetDecimal());
        foreach (Match cell in cells)
            Assert.Equal(Math.Round(values[(cell.Groups[1].Value, cell.Groups[2].Value)], 2),
                decimal.Parse(cell.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(15, Regex.Matches(html, "<tr><td>\\d+</td>").Count);
        Assert.Contains("SHA-256", html, StringComparison.Ordinal);
        Assert.Contains("<h2>The best row against chance</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>Trials</th><td>15</td></tr>", html, StringComparison.Ordinal);
        var deflated = JsonDocument.Parse(json.StdOut).RootElement.GetProperty("deflatedSharpe");
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"<tr><th>Mean correlation of their returns</th><td>{deflated.GetProperty("meanCorrelation").GetDouble():0.00}</td></tr><tr><th>Independent trials</th><td>{deflated.GetProperty("effectiveTrials").GetDouble():0.00}</td></tr>"),
            html, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public async Task Optimize_Table_HasAHeaderAndTheTopRowsInAlignedColumns()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=10..20",
            "--data", data, "--no-calendar", "--top", "3");
        Assert.True(run.ExitCode == 0, run.All);

        var lines = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(6, lines.Count);
        Assert.Equal(["#", "period", "final", "value", "return", "sharpe", "sortino", "fills", "max", "dd", "ret/dd"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Single(lines.Take(4).Select(l => l.Length).Distinct());
        Assert.Matches(@"^the best row's Sharpe \d+\.\d\d \(over 254 returns\) is \d+ % likely above 0 alone \(probabilistic Sharpe\), \d+ % above the \d+\.\d\d the best of 11 trials shows by chance \(deflated Sharpe; their returns correlate 0\.\d\d on average, so they count as \d+(\.\d)? independent ones\)$", lines[4]);
        Assert.Matches(@"^(steadiest: period=\d+, return|the best row \(period=\d+\) is also the steadiest: return)", lines[5]);
        Assert.StartsWith("1 ", lines[1].TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_CombinationsTheStrategyRefuses_AreCountedNotListed_AndAllRefusedIsExitTwo()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();

        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "ema-cloud", "--param", "fastShort=3..6",
            "--param", "fastLong=4..8:2", "--data", data, "--no-calendar");
        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "ema-cloud", "--param", "fastShort=3..6",
            "--param", "fastLong=4..8:2", "--data", data, "--no-calendar", "--json");
        var typo = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "perod=5..10",
            "--data", data, "--no-calendar");

        Assert.True(table.ExitCode == 0, table.All);
        var lines = table.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.DoesNotContain("error", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + 8, lines.FindIndex(l => l.StartsWith("4 of 12 combinations not run", StringComparison.Ordinal)));
        Assert.StartsWith("  params.fastLong: 4, e.g. fastShort=4 fastLong=4: params.fastLong: must be greater than fastShort (4), got 4", lines[^3], StringComparison.Ordinal);
        Assert.Contains(" the best of 8 trials shows by chance", lines[^2], StringComparison.Ordinal); // the refused ones are no trials
        Assert.StartsWith("steadiest: fastShort=", lines[^1], StringComparison.Ordinal);

        var root = JsonDocument.Parse(json.StdOut).RootElement;
        Assert.Equal(8, root.GetProperty("rows").GetArrayLength());
        Assert.Equal(4, root.GetProperty("refused").GetProperty("count").GetInt32());
        Assert.Equal("params.fastLong", root.GetProperty("refused").GetProperty("byParameter")[0].GetProperty("parameter").GetString());

        Assert.Equal(2, typo.ExitCode);
        Assert.Contains("--param: sma-cross refuses every combination of the grid (6): params.perod: unknown parameter of sma-cross; known: adxPeriod, adxSlope, adxSlopeBars, atrPeriod, breakEvenPercent, diFilter, maxAdx, maxHoldDays, maxHoldSessions, maxVolumeRatio, minAdx, minVolumeRatio, period, scaleOutPercent, scaleOutSteps", typo.StdErr);
    }

    [Fact]
    public async Task Optimize_OnTheCryptoCalendar_KeepsWeekendBars_AsBacktestDoes()
    {
        using var dir = new TempDir();
        dir.File("BTC.csv", Wave);

        var crypto = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=2", "--data", "BTC.csv", "--exchange", "CRYPTO", "--json");
        var nyse = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=2", "--data", "BTC.csv", "--json");
        var backtest = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=2", "--data", "BTC.csv", "--exchange", "CRYPTO", "--json");
        var unknown = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--data", "BTC.csv", "--exchange", "MOON");

        Assert.True(crypto.ExitCode == 0, crypto.All);
        Assert.True(nyse.ExitCode == 0, nyse.All);
        Assert.True(backtest.ExitCode == 0, backtest.All);
        decimal ValueOf(CliRun run) => JsonDocument.Parse(run.StdOut).RootElement.GetProperty("rows")[0].GetProperty("finalValue").GetDecimal();
        Assert.Equal(JsonDocument.Parse(backtest.StdOut).RootElement.GetProperty("finalValue").GetDecimal(), ValueOf(crypto));
        Assert.NotEqual(ValueOf(crypto), ValueOf(nyse)); // the NYSE calendar skips the weekends
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--exchange: unknown 'MOON'", unknown.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_WithAssetCrypto_TradesFractionsOfACoin_AsBacktestDoes_AndRefusesSeveralClasses()
    {
        using var dir = new TempDir();
        dir.File("BTC.csv", Wave);
        dir.File("SPY.csv", Wave);
        string[] crypto = ["--data", "BTC.csv", "--asset", "BTC=crypto", "--size", "0.25", "--json"];

        var optimized = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["optimize", "--strategy", "sma-cross", "--param", "period=2", .. crypto]);
        var backtest = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["backtest", "--strategy", "sma-cross", "--param", "period=2", .. crypto]);
        var mixed = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--data", "BTC.csv,SPY.csv", "--asset", "BTC=crypto");

        Assert.True(optimized.ExitCode == 0, optimized.All);
        Assert.True(backtest.ExitCode == 0, backtest.All);
        var row = JsonDocument.Parse(optimized.StdOut).RootElement.GetProperty("rows")[0];
        var run = JsonDocument.Parse(backtest.StdOut).RootElement;
        Assert.Equal(run.GetProperty("finalValue").GetDecimal(), row.GetProperty("finalValue").GetDecimal());
        Assert.Equal(run.GetProperty("orders").EnumerateArray().Count(o => o.GetProperty("fillPrice").ValueKind == JsonValueKind.Number),
            row.GetProperty("fills").GetInt32());
        Assert.All(run.GetProperty("orders").EnumerateArray(), o => Assert.Equal(0.25m, o.GetProperty("quantity").GetDecimal()));
        Assert.True(mixed.ExitCode == 2, mixed.All);
        Assert.Contains("--asset: optimize runs the grid on one account", mixed.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_HmmRegime_SaysWhichFillsItsFallbackMade()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        // On the sample the model's inputs pass validation at the year's last bars (annualised volatility 0.146): a
        // minimum of 0.1 lets the model trade there, 0.2 leaves the whole year to the fallback sma-cross.
        string[] args = ["optimize", "--strategy", "hmm-regime", "--param", "minVolatility=0.1|0.2", "--data", data, "--no-calendar"];

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);

        Assert.True(json.ExitCode == 0, json.All);
        var rows = JsonDocument.Parse(json.StdOut).RootElement.GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("parameters").GetProperty("minVolatility").GetString()!, r => r);
        Dictionary<string, long> BySource(string minVolatility) => rows[minVolatility].GetProperty("fillsBySource").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetInt64());
        foreach (var (key, row) in rows)
            Assert.Equal(row.GetProperty("fills").GetInt64(), BySource(key).Values.Sum());
        Assert.True(BySource("0.1").GetValueOrDefault("hmm-regime") > 0, json.StdOut);
        Assert.Equal(["hmm-regime:fallback"], BySource("0.2").Keys);
        Assert.True(table.ExitCode == 0, table.All);
        var lines = table.StdOut.Split('\n');
        Assert.Matches(@"^#\s+minVolatility\s+final value\s+return\s+sharpe\s+sortino\s+fills\s+fallback\s+max dd", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("fallback: the fills of hmm-regime:fallback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Optimize_Grid_SaysWhichRowsStoppedAtTheirBound_AsTheirBacktestCountsIt()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        // The sample closes above 3800 from the spring on: a grid bounded there stops, the unbounded one never does.
        string[] args = ["optimize", "--strategy", "grid", "--param", "upperBound=3800|none", "--data", data, "--no-calendar"];

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);
        var backtest = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "grid", "--param", "upperBound=3800",
            "--data", data, "--no-calendar", "--json");

        Assert.True(json.ExitCode == 0, json.All);
        Assert.True(backtest.ExitCode == 0, backtest.All);
        var rows = JsonDocument.Parse(json.StdOut).RootElement.GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("parameters").GetProperty("upperBound").GetString()!,
                r => r.GetProperty("noticeCounts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()));
        var direct = JsonDocument.Parse(backtest.StdOut).RootElement.GetProperty("noticeCounts").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.True(direct.GetValueOrDefault("GridStopped") > 0, backtest.StdOut);
        Assert.Equal(direct, rows["3800"]);
        Assert.False(rows["none"].ContainsKey("GridStopped"), json.StdOut);
        Assert.True(table.ExitCode == 0, table.All);
        var lines = table.StdOut.Split('\n');
        Assert.Matches(@"ret/dd\s+notices$", lines[0].TrimEnd());
        Assert.Matches(@"^\d+\s+3800\s.*\s" + direct["GridStopped"] + " GridStopped", lines.Single(l => Regex.IsMatch(l, @"^\d+\s+3800\s")));
        Assert.DoesNotContain("GridStopped", lines.Single(l => Regex.IsMatch(l, @"^\d+\s+none\s")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_SmaCross_HasNoNoticesColumnWhenNoRunReportedAny()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=10|15",
            "--data", data, "--no-calendar");

        Assert.True(table.ExitCode == 0, table.All);
        Assert.DoesNotContain("notices", table.StdOut, StringComparison.Ordinal);
        Assert.Matches(@"max dd\s+ret/dd$", table.StdOut.Split('\n')[0].TrimEnd());
    }

    [Fact]
    public async Task Optimize_HmmRegimeWalkForward_SaysWhenEveryTestFillWasTheFallbacks()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        // Windows of 100 train bars: fewer than the 252 returns the model needs, so the fallback trades every test window.
        string[] args = ["optimize", "--strategy", "hmm-regime", "--param", "minVolatility=0.1|0.2", "--data", data, "--no-calendar",
            "--walk-forward", "train=100,test=50"];

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);

        Assert.True(json.ExitCode == 0, json.All);
        var windows = JsonDocument.Parse(json.StdOut).RootElement.GetProperty("walkForward").GetProperty("windows").EnumerateArray().ToList();
        Assert.Equal(4, windows.Count);
        Assert.All(windows, w =>
        {
            var bySource = w.GetProperty("testFillsBySource").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
            Assert.Equal(["hmm-regime:fallback"], bySource.Keys);
            Assert.Equal(w.GetProperty("testFills").GetInt64(), bySource["hmm-regime:fallback"]);
            Assert.True(w.GetProperty("testNoticeCounts").GetProperty("StrategyFallback").GetInt32() > 0, w.ToString());
        });
        Assert.True(table.ExitCode == 0, table.All);
        Assert.Matches(@"test return\s+test fills\s+fallback\s+test notices", table.StdOut);
        Assert.Equal(4, Regex.Matches(table.StdOut, @"^\s+\d\s+2006-.*\d+ StrategyFallback$", RegexOptions.Multiline).Count);
        Assert.Contains("every test fill was hmm-regime:fallback's: the walk-forward tested it, not hmm-regime itself", table.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_AnchoredWalkForward_TrainsEveryWindowFromTheFirstBar_AndSaysSo()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["optimize", "--strategy", "sma-cross", "--param", "period=10|15", "--data", data, "--no-calendar", "--walk-forward", "train=150,test=50,anchored"];

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);
        var typo = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args[..^1], "train=150,test=50,anchor"]);

        Assert.True(json.ExitCode == 0, json.All);
        var forward = JsonDocument.Parse(json.StdOut).RootElement.GetProperty("walkForward");
        Assert.True(forward.GetProperty("anchored").GetBoolean());
        // The same test windows as rolling ones, each trained on every bar before it.
        Assert.Equal([(0, 150, 150), (0, 200, 200), (0, 250, 250)], forward.GetProperty("windows").EnumerateArray()
            .Select(w => (w.GetProperty("trainStart").GetInt32(), w.GetProperty("trainBars").GetInt32(), w.GetProperty("testStart").GetInt32())));
        Assert.True(table.ExitCode == 0, table.All);
        Assert.Contains("walk-forward train=150 test=50 bars, anchored (each train window from the first bar)", table.StdOut, StringComparison.Ordinal);
        Assert.Equal(2, typo.ExitCode);
        Assert.Contains("unknown key 'anchor' (train, test, anchored, plateau)", typo.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_WithWalkForwardAndCostGrid_ReportsWindowsAndAFinalValuePerCost()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=10|15",
            "--data", data, "--no-calendar", "--walk-forward", "train=150,test=50", "--cost-grid", "0,2,5", "--json");
        Assert.True(run.ExitCode == 0, run.All);

        var root = JsonDocument.Parse(run.StdOut).RootElement;
        var windows = root.GetProperty("walkForward").GetProperty("windows").EnumerateArray().ToList();
        // 255 bars: tests start at bars 150, 200 and 250 (the last has the 5 bars left).
        Assert.Equal([(150, 50), (200, 50), (250, 5)], windows.Select(w => (w.GetProperty("testStart").GetInt32(), w.GetProperty("testBars").GetInt32())));
        Assert.True(root.GetProperty("walkForward").TryGetProperty("outOfSampleReturn", out _));
        Assert.All(windows, w => Assert.Equal(w.GetProperty("testFills").GetInt64(),
            w.GetProperty("testFillsBySource").EnumerateObject().Sum(p => p.Value.GetInt64())));
        Assert.Contains(windows, w => w.GetProperty("testFills").GetInt64() > 0);
        var costGrid = root.GetProperty("costGrid");
        Assert.Equal([("CommissionPerFill", 0m), ("CommissionPerFill", 2m), ("CommissionPerFill", 5m)], costGrid.GetProperty("costs").EnumerateArray()
            .Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("value").GetDecimal())));
        foreach (var row in costGrid.GetProperty("rows").EnumerateArray())
        {
            var finals = row.GetProperty("finalValues").EnumerateArray().Select(v => v.GetDecimal()).ToList();
            Assert.Equal(finals.OrderDescending(), finals);
        }
        Assert.Equal(2, costGrid.GetProperty("rows").GetArrayLength());

        // The table says which window tested on fewer bars than the others.
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=10|15",
            "--data", data, "--no-calendar", "--walk-forward", "train=150,test=50");
        Assert.True(table.ExitCode == 0, table.All);
        var marked = table.StdOut.Split('\n').Where(l => l.Contains("bars)", StringComparison.Ordinal)).ToList();
        Assert.Equal([3], marked.Select(l => int.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("2006-12-29 (last 5 bars)", marked[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_CostGridInPercentBpsAndPerShare_ReplacesThatCostOfTheRun_AndSaysItsUnitsInTheTable()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=15",
            "--data", data, "--no-calendar", "--commission-per-fill", "1", "--cost-grid", "0,0.05%,10bps,0.01/share");
        Assert.True(table.ExitCode == 0, table.All);
        Assert.Contains("final value by cost (each replaces that cost of the run", table.StdOut, StringComparison.Ordinal);
        Assert.Matches(@"period\s+cost 0\s+cost 0\.05%\s+cost 10bps\s+cost 0\.01/share", table.StdOut);

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=15",
            "--data", data, "--no-calendar", "--commission-per-fill", "1", "--cost-grid", "0,0.05%,10bps,0.01/share", "--json");
        Assert.True(json.ExitCode == 0, json.All);
        var costGrid = JsonDocument.Parse(json.StdOut).RootElement.GetProperty("costGrid");
        Assert.Equal(["CommissionPerFill", "CommissionPercent", "SlippageBps", "CommissionPerShare"],
            costGrid.GetProperty("costs").EnumerateArray().Select(c => c.GetProperty("kind").GetString()));
        var finals = costGrid.GetProperty("rows")[0].GetProperty("finalValues").EnumerateArray().Select(v => v.GetDecimal()).ToList();
        // Column 0 replaces the per-fill 1 with 0: the published 10284.10. The others keep the 1 per fill (23 fills) and add theirs.
        Assert.Equal(10284.10m, Math.Round(finals[0], 2));
        Assert.All(finals.Skip(1), v => Assert.True(v < 10284.10m - 23m, string.Join(",", finals)));
        // 0.01 per share on 23 one-share fills is 0.23 more than the per-fill 1 alone.
        Assert.Equal(10284.10m - 23m - 0.23m, Math.Round(finals[3], 2));
    }

    [Fact]
    public async Task Optimize_WithCosts_ShowsWhatEachRowPaidInCommissionAndSlippage_AsItsBacktestDoes()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] costs = ["--data", data, "--no-calendar", "--commission-per-fill", "1", "--slippage-bps", "5"];

        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["optimize", "--strategy", "sma-cross", "--param", "period=14..16", .. costs]);
        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["optimize", "--strategy", "sma-cross", "--param", "period=14..16", .. costs, "--json"]);
        var backtest = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["backtest", "--strategy", "sma-cross", "--param", "period=15", .. costs, "--json"]);
        var free = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=14..16", "--data", data, "--no-calendar");

        Assert.True(table.ExitCode == 0, table.All);
        Assert.Matches(@"final value\s+return\s+commission\s+slippage\s+sharpe", table.StdOut);
        Assert.True(json.ExitCode == 0, json.All);
        var rows = JsonDocument.Parse(json.StdOut).RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(r.GetProperty("fills").GetInt32(), r.GetProperty("commission").GetDecimal())); // 1 a fill
        var row15 = rows.Single(r => r.GetProperty("parameters").GetProperty("period").GetString() == "15");
        Assert.True(backtest.ExitCode == 0, backtest.All);
        var metrics = JsonDocument.Parse(backtest.StdOut).RootElement.GetProperty("metrics");
        Assert.Equal(metrics.GetProperty("slippage").GetDecimal(), row15.GetProperty("slippage").GetDecimal());
        Assert.True(row15.GetProperty("slippage").GetDecimal() > 0m);
        Assert.True(free.ExitCode == 0, free.All);
        Assert.DoesNotContain("commission", free.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("slippage", free.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_WithFinancing_ShowsWhatEachRowPaid_AndACostGridOfShortRatesPricesTheBorrow()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["optimize", "--strategy", "ema-cloud", "--param", "allowShort=true", "--param", "fastShort=4..5", "--data", data, "--no-calendar",
            "--financing-long", "2", "--cost-grid", "0%/short,10%/short"];

        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);
        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var backtest = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "ema-cloud", "--param", "allowShort=true",
            "--param", "fastShort=4", "--data", data, "--no-calendar", "--financing-long", "2", "--financing-short", "10", "--json");

        Assert.True(table.ExitCode == 0, table.All);
        Assert.Matches(@"final value\s+return\s+financing\s+sharpe", table.StdOut);
        Assert.Matches(@"fastShort\s+cost 0%/short\s+cost 10%/short", table.StdOut);
        Assert.True(json.ExitCode == 0, json.All);
        var root = JsonDocument.Parse(json.StdOut).RootElement;
        Assert.All(root.GetProperty("rows").EnumerateArray(), r => Assert.True(r.GetProperty("financing").GetDecimal() < 0m, r.GetRawText()));
        // The 10%/short column is the backtest at that rate: its value, borrow fees and the longs' 2% included.
        var row = root.GetProperty("costGrid").GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("parameters").GetProperty("fastShort").GetString() == "4");
        var finals = row.GetProperty("finalValues").EnumerateArray().Select(v => v.GetDecimal()).ToList();
        Assert.True(backtest.ExitCode == 0, backtest.All);
        Assert.Equal(JsonDocument.Parse(backtest.StdOut).RootElement.GetProperty("finalValue").GetDecimal(), finals[1]);
        Assert.True(finals[1] < finals[0], string.Join(",", finals));
    }

    [Fact]
    public async Task Optimize_CostGridOfImpact_IsTheBacktestAtThatImpact_AndOnBarsWithoutVolumeIsWarnedAbout()
    {
        using var dir = new TempDir();
        // A wave of 80 days, 200 traded a day; and the same with no volume.
        dir.File("W.csv", DailyWave.Csv(80, 1d / 8, 200m));
        dir.File("V0.csv", DailyWave.Csv(80, 1d / 8, 0m));

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=3..4",
            "--data", "W.csv", "--no-calendar", "--size", "4", "--cost-grid", "0%/impact,10%/impact,30%/impact", "--json");
        var backtest = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=3",
            "--data", "W.csv", "--no-calendar", "--size", "4", "--impact", "10", "--json");
        var volumeless = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=3",
            "--data", "V0.csv", "--no-calendar", "--cost-grid", "0,10%/impact");
        var backtestVolumeless = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=3",
            "--data", "V0.csv", "--no-calendar", "--impact", "10", "--volume-cap", "5");

        Assert.True(json.ExitCode == 0, json.All);
        Assert.True(backtest.ExitCode == 0, backtest.All);
        var grid = JsonDocument.Parse(json.StdOut).RootElement.GetProperty("costGrid");
        Assert.Equal(["ImpactPercent", "ImpactPercent", "ImpactPercent"], grid.GetProperty("costs").EnumerateArray().Select(c => c.GetProperty("kind").GetString()));
        var row = grid.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("parameters").GetProperty("period").GetString() == "3");
        var finals = row.GetProperty("finalValues").EnumerateArray().Select(v => v.GetDecimal()).ToList();
        Assert.Equal(JsonDocument.Parse(backtest.StdOut).RootElement.GetProperty("finalValue").GetDecimal(), finals[1]);
        Assert.True(finals[0] > finals[1] && finals[1] > finals[2], string.Join(",", finals)); // 2% of a bar pays 1.4% at 10, 4.2% at 30
        Assert.DoesNotContain("no volume", json.StdErr, StringComparison.Ordinal);
        Assert.True(volumeless.ExitCode == 0, volumeless.All);
        Assert.Contains("bulwark: --cost-grid's impact columns: V0 has no volume in any bar, so it changes none of its fills", volumeless.StdErr, StringComparison.Ordinal);
        Assert.True(backtestVolumeless.ExitCode == 0, backtestVolumeless.All);
        Assert.Contains("bulwark: --impact and --volume-cap: V0 has no volume in any bar, so they change none of its fills", backtestVolumeless.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_CostGridOfSlippageForTheGrid_WarnsThatLimitOrdersNeverSlip()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "grid", "--param", "levels=3",
            "--data", data, "--no-calendar", "--cost-grid", "0,10bps");
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("--cost-grid's bps columns: grid places only limit orders", run.StdErr, StringComparison.Ordinal);
        var finals = run.StdOut.Split('\n').SkipWhile(l => !l.StartsWith("final value by", StringComparison.Ordinal)).ElementAt(2)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(finals[1], finals[2]);

        var unknown = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "grid", "--param", "levels=3",
            "--data", data, "--no-calendar", "--cost-grid", "0,10pct");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--cost-grid '0,10pct': '10pct' is not a cost >= 0", unknown.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_WalkForwardOnMinuteBars_GivesEachWindowsTimes()
    {
        using var dir = new TempDir();
        var start = new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero);
        var rows = Enumerable.Range(0, 300).Select(m =>
        {
            var close = 100m + Math.Round(2m * (decimal)Math.Sin(m * Math.PI / 8), 2);
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{start.AddMinutes(m):yyyy-MM-ddTHH:mm:ssZ},{close},{close + 0.5m},{close - 0.5m},{close},100");
        });
        dir.File("BTC.csv", "Date,Open,High,Low,Close,Volume\n" + string.Join("\n", rows) + "\n");

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=2|4",
            "--data", "BTC.csv", "--asset", "BTC=crypto", "--walk-forward", "train=100,test=100");

        Assert.True(run.ExitCode == 0, run.All);
        // Two windows within one day: dates alone would read 2024-01-02..2024-01-02 for both.
        Assert.Contains("walk-forward train=100 test=100 bars (times UTC)", run.StdOut, StringComparison.Ordinal);
        Assert.Matches(@"\n\s+1\s+2024-01-02 00:00\.\.2024-01-02 01:39\s+2024-01-02 01:40\.\.2024-01-02 03:19\s", run.StdOut);
        Assert.Matches(@"\n\s+2\s+2024-01-02 01:40\.\.2024-01-02 03:19\s+2024-01-02 03:20\.\.2024-01-02 04:59\s", run.StdOut);
    }

    [Fact]
    public async Task Optimize_WalkForwardOnTwoSymbols_SizesWindowsInBarTimes_NotInBarsOfBoth()
    {
        using var dir = new TempDir();
        dir.File("A.csv", Wave);
        dir.File("B.csv", Wave);

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=2|3",
            "--data", "A.csv,B.csv", "--no-calendar", "--walk-forward", "train=30,test=15", "--json");

        Assert.True(run.ExitCode == 0, run.All);
        var windows = JsonDocument.Parse(run.StdOut).RootElement.GetProperty("walkForward").GetProperty("windows").EnumerateArray().ToList();
        // Sixty days of each file: windows test days 31-45 and 46-60, as they would on one file (120 bars would make it six windows).
        Assert.Equal([("2024-01-31", "2024-02-14"), ("2024-02-15", "2024-02-29")], windows.Select(w =>
            (w.GetProperty("testFrom").GetDateTimeOffset().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
             w.GetProperty("testTo").GetDateTimeOffset().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));

        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=2|3",
            "--data", "A.csv,B.csv", "--no-calendar", "--walk-forward", "train=30,test=15");
        Assert.True(table.ExitCode == 0, table.All);
        Assert.Contains("walk-forward train=30 test=15 bar times (of each of the 2 symbols)", table.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sharpe", "sharpe")]
    [InlineData("sortino", "sortino")]
    [InlineData("return-over-drawdown", "returnOverDrawdown")]
    public async Task Optimize_RankBy_SortsTheRowsByThatFigure(string rankBy, string property)
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=5..44",
            "--data", data, "--no-calendar", "--rank-by", rankBy, "--json");
        Assert.True(run.ExitCode == 0, run.All);

        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(rankBy, root.GetProperty("rankBy").GetString());
        var keys = root.GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty(property) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : double.PositiveInfinity).ToList();
        Assert.Equal(40, keys.Count);
        Assert.Equal(keys.OrderDescending(), keys);
        var values = root.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("finalValue").GetDecimal()).ToList();
        Assert.NotEqual(values.OrderDescending(), values); // on this sample the ranks differ from ranking by value
    }

    [Theory]
    [InlineData("--param", "period=5..x", "range end 'x'")]
    [InlineData("--param", "period", "expected key=value")]
    [InlineData("--walk-forward", "train=0,test=5", "--walk-forward")]
    [InlineData("--walk-forward", "train=5", "both train=N and test=M")]
    [InlineData("--cost-grid", "1,x", "'x' is not a cost >= 0")]
    [InlineData("--parallel", "0", "--parallel")]
    [InlineData("--rank-by", "best", "--rank-by: unknown 'best'; expected value, sharpe, return-over-drawdown, sortino")]
    [InlineData("--bot", "paper-1", "to test a configured bot use backtest --bot")]
    [InlineData("--bogus", "1", "'--bogus' is not a file but reads as an option, and this command has no option '--bogus'")]
    public async Task Optimize_WithBadUsage_ExitsTwoNamingTheArgument(string option, string value, string message)
    {
        using var dir = new TempDir();
        dir.File("ok.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,2,10\n2024-01-03,1,2,1,2,10\n");
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--data", "ok.csv", option, value);
        Assert.True(run.ExitCode == 2, run.All);
        Assert.Contains(message, run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_UnknownStrategy_ExitsTwo()
    {
        using var dir = new TempDir();
        dir.File("ok.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,2,10\n");
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "martingale", "--data", "ok.csv");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("martingale", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnACashAccount_AGridThatShorts_IsWarnedAbout_AndOneThatDoesNotIsNot()
    {
        using var dir = new TempDir();
        dir.File("AAA.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,10,11,9,10,100\n2024-01-03,10,12,9,11,100\n2024-01-04,11,12,10,10,100\n");
        const string Said = "bulwark: grid allowShort=true on a cash account (--no-short): the venue rejects its sells beyond the position held";

        var shorts = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "grid", "--param", "levels=2..3",
            "--data", "AAA.csv", "--no-calendar", "--no-short");
        var longOnly = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "grid", "--param", "levels=2..3",
            "--param", "allowShort=false", "--data", "AAA.csv", "--no-calendar", "--no-short");
        var margin = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "grid", "--param", "levels=2..3",
            "--data", "AAA.csv", "--no-calendar");

        Assert.True(shorts.ExitCode == 0, shorts.All);
        Assert.Contains(Said, shorts.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain(Said, longOnly.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain(Said, margin.StdErr, StringComparison.Ordinal);
    }
}
