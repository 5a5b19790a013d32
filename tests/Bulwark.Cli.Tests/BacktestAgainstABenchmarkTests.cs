using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>
/// --benchmark: the run against a benchmark's closes, in the table, the JSON, the report and the run's provenance; a
/// benchmark that does not fit the run is exit 2, one that ends early a warning.
/// </summary>
public sealed class BacktestAgainstABenchmarkTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The sample's rows as a benchmark named IDX (or <paramref name="name"/>), from line <paramref name="from"/> to line <paramref name="to"/>.</summary>
    private static string Benchmark(TempDir dir, string data, string name = "IDX", int from = 2, int? to = null)
    {
        var lines = File.ReadAllLines(data);
        return dir.File($"{name}.txt", string.Join('\n', [lines[0], .. lines[(from - 1)..(to ?? lines.Length)]]) + "\n");
    }

    [Fact]
    public async Task TheRunIsReadAgainstTheBenchmark_WhichDoesNotChangeTheRun()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var benchmark = Benchmark(dir, data);
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", data, "--no-calendar"];

        var plain = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--benchmark", benchmark, "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--benchmark", benchmark, "--report", "r.html", "--export", "out"]);

        foreach (var run in new[] { plain, json, table }) Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(json.StdOut).RootElement;
        var plainRoot = JsonDocument.Parse(plain.StdOut).RootElement;
        Assert.Equal(plainRoot.GetProperty("orders").GetRawText(), root.GetProperty("orders").GetRawText());
        Assert.False(plainRoot.GetProperty("metrics").TryGetProperty("benchmark", out var none) && none.ValueKind != JsonValueKind.Null);

        var b = root.GetProperty("metrics").GetProperty("benchmark");
        var closes = File.ReadAllLines(data).Skip(1).Select(l => decimal.Parse(l.Split(',')[4], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal("IDX", b.GetProperty("symbol").GetString());
        Assert.Equal((closes[^1] / closes[0]) - 1m, b.GetProperty("totalReturn").GetDecimal());
        // sma-cross holds one unit (about a third of the account) two-thirds of the time: it moves with the index, less.
        Assert.InRange(b.GetProperty("beta").GetDouble(), 0.05, 0.5);
        Assert.InRange(b.GetProperty("correlation").GetDouble(), 0.3, 1d);
        Assert.True(b.GetProperty("trackingError").GetDouble() > 0d, b.GetRawText());
        // Held part of the time with a third of the account in the index: a small share of its rises and of its falls.
        Assert.InRange(b.GetProperty("upCapture").GetDouble(), 0.05, 0.5);
        Assert.InRange(b.GetProperty("downCapture").GetDouble(), 0d, 0.5);
        Assert.False(b.TryGetProperty("values", out _), b.GetRawText());
        var provenance = root.GetProperty("run").GetProperty("benchmark");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(benchmark))), provenance.GetProperty("sha256").GetString());
        Assert.Equal(closes.Count, provenance.GetProperty("bars").GetInt32());

        Assert.Contains("\nbenchmark IDX: return ", table.StdOut, StringComparison.Ordinal);
        Assert.Contains("\n  against it: beta ", table.StdOut, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(dir.Path, "r.html"));
        Assert.Contains("<path class=\"reference\"", html, StringComparison.Ordinal);
        Assert.Contains("<th>Beta / alpha (a year) against it</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th>Up / down capture (of its rises / of its falls)</th>", html, StringComparison.Ordinal);
        Assert.Matches(@", up / down capture \d+ % / -?\d+ %\n", table.StdOut);
        Assert.Contains("<th>Benchmark IDX</th><td>", html, StringComparison.Ordinal);
        // equity.csv's last column: the benchmark's close at each point, scaled to the starting cash.
        var rows = File.ReadAllLines(Path.Combine(dir.Path, "out", "equity.csv"));
        Assert.Equal("time,equity,cash,drawdown,benchmark", rows[0]);
        Assert.Equal(closes.Count + 1, rows.Length);
        Assert.All(rows.Skip(1).Zip(closes), p => Assert.Equal(Math.Round(10_000m * p.Second / closes[0], 8),
            decimal.Parse(p.First.Split(',')[4], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task ABenchmarkThatDoesNotFitTheRun_IsExit2NamingTheFile_AndOneEndingEarlyIsAWarning()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--data", data, "--no-calendar", "--benchmark"];
        var minutes = dir.File("MIN.txt", "Date,Open,High,Low,Close,Volume\n2006-01-02 10:00,1,1,1,1,1\n2006-01-02 10:01,1,1,1,1,1\n");

        var missing = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "nope.txt"]);
        var late = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, Benchmark(dir, data, "LATE", from: 20)]);
        var intraday = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, minutes]);
        var bad = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, dir.File("BAD.txt", "Date,Open,High,Low,Close,Volume\n2006-01-02,1,0.5,2,1,0\n")]);
        var early = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, Benchmark(dir, data, "SHORT", to: 200), "--json"]);

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--benchmark: no such file 'nope.txt'", missing.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, late.ExitCode);
        Assert.Contains("LATE.txt': its first bar (2006-01-26) is after the run's first (2006-01-02)", late.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, intraday.ExitCode);
        Assert.Contains("MIN.txt': its bars are 1m bars and 2006-day-001's are daily", intraday.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("BAD.txt:2: high 0.5 is below low 2", bad.StdErr, StringComparison.Ordinal);
        Assert.True(early.ExitCode == 0, early.All);
        Assert.Contains("SHORT.txt' ends at 2006-10-10, before the run's last bar (2006-12-29); it is held at its last close from there", early.StdErr, StringComparison.Ordinal);
        JsonDocument.Parse(early.StdOut); // the warning stays off the JSON
    }

    [Fact]
    public async Task ABotsBacktest_TakesABenchmarkToo()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", """
            bots:
              - id: crosser
                venue: { initialCash: 10000, slippageBps: 0, commission: { perFill: 0 } }
                feed: { type: synthetic, symbols: [ { symbol: "2006-day-001", startPrice: 100 } ] }
                instruments: [ { symbol: "2006-day-001" } ]
                strategies:
                  - { name: sma-cross, symbols: ["2006-day-001"], params: { period: 15 } }
                sizing: { mode: fixedQuantity, quantity: 1 }
                tradingHours: { enforce: false }
            """);

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "crosser", "--config", config, "--data", data,
            "--benchmark", Benchmark(dir, data), "--json");

        Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal("IDX", root.GetProperty("metrics").GetProperty("benchmark").GetProperty("symbol").GetString());
        Assert.Equal("IDX", root.GetProperty("run").GetProperty("benchmark").GetProperty("symbol").GetString());
    }
}
