using System.Globalization;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>
/// --financing-long and --financing-short: positions held overnight pay their side's yearly rate, and the run says
/// what that cost.
/// </summary>
public sealed class BacktestFinancingTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EveryNightHeld_PaysItsSidesRateOnTheLastClose_AndTheValueMovesByExactlyThat()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "ema-cloud", "--param", "allowShort=true", "--data", data, "--no-calendar", "--json"];

        var free = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);
        var financed = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--financing-long", "2", "--financing-short", "5"]);

        Assert.True(free.ExitCode == 0, free.All);
        Assert.True(financed.ExitCode == 0, financed.All);
        var freeRoot = JsonDocument.Parse(free.StdOut).RootElement;
        var root = JsonDocument.Parse(financed.StdOut).RootElement;
        var financing = root.GetProperty("financing");
        Assert.Equal((2m, 5m), (financing.GetProperty("financingLongPercent").GetDecimal(), financing.GetProperty("financingShortPercent").GetDecimal()));
        Assert.Equal(0m, freeRoot.GetProperty("financing").GetProperty("total").GetDecimal());
        var total = financing.GetProperty("total").GetDecimal();
        // A fixed size: the orders are the same, so the value differs by the financing alone.
        Assert.Equal(freeRoot.GetProperty("orders").GetRawText(), root.GetProperty("orders").GetRawText());
        Assert.Equal(freeRoot.GetProperty("finalValue").GetDecimal() + total, root.GetProperty("finalValue").GetDecimal());
        Assert.Equal(Expected(data, root, longPercent: 2m, shortPercent: 5m), total);
        Assert.True(total < 0m, $"total {total}");
        // Each night's charge is in the trade that held the position, so the trades (the open one marked) add up to
        // the whole result, financing included.
        var trades = root.GetProperty("trades").EnumerateArray().ToList();
        Assert.Equal(total, trades.Sum(t => t.GetProperty("financing").GetDecimal()));
        Assert.Equal(root.GetProperty("finalValue").GetDecimal() - 10_000m, trades.Sum(t => t.GetProperty("pnl").GetDecimal()));
        Assert.Contains(trades, t => t.GetProperty("side").GetString() == "short" && t.GetProperty("financing").GetDecimal() < 0m);
    }

    [Fact]
    public async Task TheTableAndReportSayWhatFinancingCost_AndARateBeyondAHundredPercentIsAUsageError()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--data", data, "--no-calendar"];

        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--financing-long", "8", "--report", "r.html"]);
        var plain = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);
        var bad = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--financing-short", "150"]);

        Assert.True(table.ExitCode == 0, table.All);
        Assert.Matches(@"\nfinancing -\d+\.\d\d \(positions held overnight, at 8% a year long and 0% short\)\n", table.StdOut);
        var html = File.ReadAllText(Path.Combine(dir.Path, "r.html"));
        Assert.Matches(@"<th>Financing \(positions held overnight\)</th><td>-\d[\d,]*\.\d\d</td>", html);
        Assert.Matches(@"<th>Quantity</th><th>Financing</th><th>PnL</th>", html); // each trade says what its nights cost
        Assert.Matches(@"<td>1</td><td>-\d+\.\d\d</td><td class=""(pos|neg)"">", html);
        Assert.DoesNotContain("financing", plain.StdOut, StringComparison.Ordinal);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--financing-short must be a yearly percent in [-100, 100] (was 150)", bad.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASymbolsOwnRate_IsChargedOnThatSymbolAlone_AndASymbolNotInTheRunIsAUsageError()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        // The same bars under two names: each symbol's positions and charges are the other's.
        File.Copy(data, Path.Combine(dir.Path, "AAA.txt"));
        File.Copy(data, Path.Combine(dir.Path, "BBB.txt"));
        string[] args = ["backtest", "--strategy", "ema-cloud", "--param", "allowShort=true", "--data", "AAA.txt,BBB.txt", "--no-calendar", "--json"];

        var both = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--financing-short", "10"]);
        var one = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--financing-short", "AAA=10"]);
        var text = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args[..^1], "--financing-long", "1", "--financing-short", "AAA=10"]);
        var unknown = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--financing-short", "GME=35"]);

        Assert.True(both.ExitCode == 0, both.All);
        Assert.True(one.ExitCode == 0, one.All);
        var bothTotal = JsonDocument.Parse(both.StdOut).RootElement.GetProperty("financing").GetProperty("total").GetDecimal();
        var root = JsonDocument.Parse(one.StdOut).RootElement;
        var financing = root.GetProperty("financing");
        Assert.True(bothTotal < 0m, $"total {bothTotal}");
        Assert.Equal(bothTotal, 2 * financing.GetProperty("total").GetDecimal());
        Assert.Equal((0m, 10m), (financing.GetProperty("symbols").GetProperty("AAA").GetProperty("longPercent").GetDecimal(),
            financing.GetProperty("symbols").GetProperty("AAA").GetProperty("shortPercent").GetDecimal()));
        var trades = root.GetProperty("trades").EnumerateArray().ToList();
        Assert.All(trades.Where(t => t.GetProperty("symbol").GetString() == "BBB"), t => Assert.Equal(0m, t.GetProperty("financing").GetDecimal()));
        Assert.Contains(trades, t => t.GetProperty("symbol").GetString() == "AAA" && t.GetProperty("financing").GetDecimal() < 0m);
        Assert.Contains("(positions held overnight, at 1% a year long and 0% short; AAA 1% long and 10% short)", text.StdOut, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--financing-short GME=...: GME is not an instrument of this run; its instruments: AAA, BBB", unknown.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,5", "--financing-short '1,5': expected a yearly percent P for every instrument or SYMBOL=P for one, e.g. 3 or GME=35")]
    [InlineData("=3", "--financing-short '=3': expected a yearly percent P")]
    [InlineData("2006-day-001=101", "--financing-short '2006-day-001=101': 2006-day-001's rate must be a yearly percent in [-100, 100] (was 101)")]
    public async Task AFinancingRateThatIsNotOne_IsAUsageErrorNamingWhatWasWritten(string rate, string problem)
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--data", data, "--no-calendar",
            "--financing-short", rate);
        var twice = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--data", data, "--no-calendar",
            "--financing-long", "1", "--financing-long", "2");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(problem, run.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, twice.ExitCode);
        Assert.Contains("--financing-long: two rates for every instrument (1 and 2)", twice.StdErr, StringComparison.Ordinal);
    }

    /// <summary>
    /// The financing worked out from the data and the fills alone: at each bar after the first, the position held
    /// before the bar's fills pays its side's rate on its value at the previous close, for the days between the bars.
    /// </summary>
    private static decimal Expected(string data, JsonElement root, decimal longPercent, decimal shortPercent)
    {
        var fills = root.GetProperty("orders").EnumerateArray().Where(o => o.GetProperty("filledAt").ValueKind == JsonValueKind.String)
            .GroupBy(o => DateOnly.FromDateTime(o.GetProperty("filledAt").GetDateTimeOffset().UtcDateTime))
            .ToDictionary(g => g.Key, g => g.Sum(o => (o.GetProperty("side").GetString() == "buy" ? 1m : -1m) * o.GetProperty("quantity").GetDecimal()));
        decimal position = 0m, total = 0m;
        (DateOnly Date, decimal Close)? previous = null;
        foreach (var line in File.ReadLines(data).Skip(1).Where(l => l.Length > 0))
        {
            var fields = line.Split(',');
            var date = DateOnly.ParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var close = decimal.Parse(fields[4], CultureInfo.InvariantCulture);
            if (previous is { } p && position != 0m)
            {
                var percent = position > 0m ? longPercent : shortPercent;
                var days = date.DayNumber - p.Date.DayNumber;
                total -= Math.Round(Math.Abs(position) * p.Close * percent / 100m * days / 365m, 6, MidpointRounding.AwayFromZero);
            }
            position += fills.GetValueOrDefault(date);
            previous = (date, close);
        }
        return total;
    }
}
