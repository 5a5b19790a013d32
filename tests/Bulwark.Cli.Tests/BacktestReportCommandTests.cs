using System.Text.Json;
using System.Text.RegularExpressions;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

public sealed class BacktestReportCommandTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Backtest_WithReportAndJson_WritesTheHtmlFileAndPrintsMetricsAndTrades()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=15",
            "--data", data, "--no-calendar", "--report", "out/report.html", "--json");
        Assert.True(run.ExitCode == 0, run.All);

        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(10284.10m, Math.Round(root.GetProperty("finalValue").GetDecimal(), 2));
        var metrics = root.GetProperty("metrics");
        foreach (var key in new[]
                 {
                     "totalReturn", "cagr", "sharpe", "sortino", "maxDrawdown", "maxDrawdownPeak", "maxDrawdownTrough",
                     "maxDrawdownRecovery", "trades", "openTrades", "winRate", "exposure", "turnover",
                 })
            Assert.True(metrics.TryGetProperty(key, out _), key);
        Assert.Equal((11, 1), (metrics.GetProperty("trades").GetInt32(), metrics.GetProperty("openTrades").GetInt32()));
        var trades = root.GetProperty("trades").EnumerateArray().ToList();
        Assert.Equal(12, trades.Count);
        Assert.Equal("long", trades[0].GetProperty("side").GetString());
        Assert.True(trades[^1].GetProperty("isOpen").GetBoolean());
        Assert.Equal(23, root.GetProperty("orders").GetArrayLength());
        // The average closed trade, and the longest runs of wins and losses, from the trade list.
        var closed = trades.Where(t => !t.GetProperty("isOpen").GetBoolean()).Select(t => t.GetProperty("pnl").GetDecimal()).ToList();
        Assert.Equal(closed.Sum() / closed.Count, metrics.GetProperty("expectancy").GetDecimal());
        int Longest(Func<decimal, bool> counts) => closed.Aggregate((Run: 0, Max: 0), (a, pnl) => counts(pnl) ? (a.Run + 1, Math.Max(a.Max, a.Run + 1)) : (0, a.Max)).Max;
        Assert.Equal((Longest(p => p > 0m), Longest(p => p < 0m)),
            (metrics.GetProperty("maxConsecutiveWins").GetInt32(), metrics.GetProperty("maxConsecutiveLosses").GetInt32()));
        Assert.True(metrics.GetProperty("maxConsecutiveLosses").GetInt32() > 1, metrics.GetRawText());
        // The Kelly fraction from the same list: the share of wins less the share of losses over the payoff ratio.
        var (won, lost) = (closed.Where(p => p > 0m).ToList(), closed.Where(p => p < 0m).ToList());
        var w = (decimal)won.Count / (won.Count + lost.Count);
        Assert.Equal(Math.Round(w - ((1m - w) / (won.Average() / -lost.Average())), 12), Math.Round(metrics.GetProperty("kelly").GetDecimal(), 12));

        var html = await File.ReadAllTextAsync(Path.Combine(dir.Path, "out", "report.html"));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("10284.10", html, StringComparison.Ordinal);
        Assert.Contains("<th>Kelly fraction (win rate and payoff)</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Equal(23, Regex.Matches(html, "<circle [^>]*class=\"fill (buy|sell)\"").Count);
        Assert.Equal(2 * 11, Regex.Matches(html, "<circle class=\"dot (win|loss|even)\"").Count); // each closed trade on both excursion charts
        Assert.Empty(Directory.GetFiles(Path.Combine(dir.Path, "out"), "*.tmp"));
        Assert.DoesNotContain("<h2>By symbol</h2>", html, StringComparison.Ordinal); // one symbol: the totals say it
        Assert.Equal(1, metrics.GetProperty("bySymbol").GetArrayLength());
    }

    [Fact]
    public async Task ARunOverTwoSymbols_SaysWhatEachSymbolsTradesCameTo()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        // The sample's rows at half the price: the same signals, on a symbol that earns about half as much.
        var lines = File.ReadAllLines(data);
        var half = dir.File("HALF.txt", string.Join('\n', [lines[0], .. lines.Skip(1).Select(l => string.Join(',', l.Split(',').Select((f, i) =>
            i is >= 1 and <= 4 ? (decimal.Parse(f, System.Globalization.CultureInfo.InvariantCulture) / 2m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : f)))]) + "\n");
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", $"{data},{half}", "--no-calendar"];

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--report", "r.html"]);

        Assert.True(json.ExitCode == 0, json.All);
        Assert.True(table.ExitCode == 0, table.All);
        var root = JsonDocument.Parse(json.StdOut).RootElement;
        var bySymbol = root.GetProperty("metrics").GetProperty("bySymbol").EnumerateArray().ToList();
        Assert.Equal(["2006-day-001", "HALF"], bySymbol.Select(s => s.GetProperty("symbol").GetString()));
        var trades = root.GetProperty("trades").EnumerateArray().ToList();
        foreach (var s in bySymbol)
        {
            var own = trades.Where(t => t.GetProperty("symbol").GetString() == s.GetProperty("symbol").GetString()).ToList();
            Assert.Equal(own.Where(t => !t.GetProperty("isOpen").GetBoolean()).Sum(t => t.GetProperty("pnl").GetDecimal()), s.GetProperty("pnl").GetDecimal());
            Assert.Equal(own.Where(t => t.GetProperty("isOpen").GetBoolean()).Sum(t => t.GetProperty("pnl").GetDecimal()), s.GetProperty("openPnl").GetDecimal());
        }
        // No interest, no dividends: the symbols' PnL is the whole change in value.
        Assert.Equal(root.GetProperty("finalValue").GetDecimal() - 10_000m,
            bySymbol.Sum(s => s.GetProperty("pnl").GetDecimal() + s.GetProperty("openPnl").GetDecimal()));
        Assert.Contains("\nby symbol:\n  2006-day-001  11 trades closed and 1 open (", table.StdOut, StringComparison.Ordinal);
        Assert.Contains("<h2>By symbol</h2>", File.ReadAllText(Path.Combine(dir.Path, "r.html")), StringComparison.Ordinal);
    }
}
