using System.Globalization;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>
/// --cash-interest: idle cash held into a new day earns the yearly rate, and the run says what it earned.
/// </summary>
public sealed class BacktestCashInterestTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EveryNightsCash_EarnsTheRate_AndTheValueMovesByExactlyThat()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", data, "--no-calendar", "--json"];

        var plain = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);
        var earning = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--cash-interest", "4"]);

        Assert.True(plain.ExitCode == 0, plain.All);
        Assert.True(earning.ExitCode == 0, earning.All);
        var plainRoot = JsonDocument.Parse(plain.StdOut).RootElement;
        var root = JsonDocument.Parse(earning.StdOut).RootElement;
        var interest = root.GetProperty("interest");
        Assert.Equal(4m, interest.GetProperty("cashPercent").GetDecimal());
        Assert.Equal(0m, plainRoot.GetProperty("interest").GetProperty("total").GetDecimal());
        var total = interest.GetProperty("total").GetDecimal();
        // A fixed size: the orders are the same, so the value differs by the interest alone, and none of it is financing.
        Assert.Equal(plainRoot.GetProperty("orders").GetRawText(), root.GetProperty("orders").GetRawText());
        Assert.Equal(plainRoot.GetProperty("finalValue").GetDecimal() + total, root.GetProperty("finalValue").GetDecimal());
        Assert.Equal(0m, root.GetProperty("financing").GetProperty("total").GetDecimal());
        Assert.Equal(Expected(data, root, percent: 4m), total);
        // About 4% of 10,000 less what the position held, for the 363 days from the first bar to the last.
        Assert.InRange(total, 300m, 400m);
    }

    [Fact]
    public async Task TheTableAndReportSayWhatInterestEarned_AndARateBeyondAHundredPercentIsAUsageError()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--data", data, "--no-calendar"];

        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--cash-interest", "4.5", "--report", "r.html"]);
        var plain = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--report", "plain.html"]);
        var bad = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--cash-interest", "150"]);

        Assert.True(table.ExitCode == 0, table.All);
        Assert.Matches(@"\ninterest \d+\.\d\d \(idle cash at 4\.5% a year\)\n", table.StdOut);
        Assert.Matches(@"<th>Interest \(idle cash\)</th><td>\d[\d,]*\.\d\d</td>", File.ReadAllText(Path.Combine(dir.Path, "r.html")));
        Assert.DoesNotContain("interest", plain.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("Interest", File.ReadAllText(Path.Combine(dir.Path, "plain.html")), StringComparison.Ordinal);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--cash-interest must be a yearly percent in [-100, 100] (was 150)", bad.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABotsCashRate_IsItsBaseline_AndTheCommandLineReplacesIt()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", """
            bots:
              - id: saver
                venue: { initialCash: 10000, slippageBps: 0, commission: { perFill: 0 }, financing: { cashPercent: 3 } }
                feed: { type: synthetic, symbols: [ { symbol: "2006-day-001", startPrice: 100 } ] }
                instruments: [ { symbol: "2006-day-001" } ]
                strategies:
                  - { name: sma-cross, symbols: ["2006-day-001"], params: { period: 15 } }
                sizing: { mode: fixedQuantity, quantity: 1 }
                tradingHours: { enforce: false }
            """);
        string[] strategy = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", data, "--no-calendar", "--json"];

        var bot = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "saver", "--config", config, "--data", data, "--json");
        var none = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "saver", "--config", config, "--data", data,
            "--cash-interest", "0", "--json");
        var same = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. strategy, "--cash-interest", "3"]);

        foreach (var run in new[] { bot, none, same }) Assert.True(run.ExitCode == 0, run.All);
        static decimal Total(CliRun r) =>
            JsonDocument.Parse(r.StdOut).RootElement.GetProperty("interest").GetProperty("total").GetDecimal();
        Assert.Equal(Total(same), Total(bot));
        Assert.True(Total(bot) > 0m, $"total {Total(bot)}");
        Assert.Equal(0m, Total(none));
    }

    [Fact]
    public async Task Optimize_ShowsEachRowsInterest()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["optimize", "--strategy", "sma-cross", "--param", "period=10..11", "--data", data, "--cash-interest", "4"];

        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);
        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);

        Assert.True(table.ExitCode == 0, table.All);
        Assert.True(json.ExitCode == 0, json.All);
        Assert.Matches(@"final value +return +interest +sharpe", table.StdOut);
        var root = JsonDocument.Parse(json.StdOut).RootElement;
        Assert.Equal(4m, root.GetProperty("cashInterest").GetDecimal());
        Assert.All(root.GetProperty("rows").EnumerateArray(), r => Assert.InRange(r.GetProperty("interest").GetDecimal(), 300m, 400m));
    }

    /// <summary>
    /// The interest worked out from the data and the fills alone: at each bar after the first, the cash before the
    /// bar's fills (the interest paid so far included) earns the rate for the days between the bars.
    /// </summary>
    private static decimal Expected(string data, JsonElement root, decimal percent)
    {
        var cashByDate = root.GetProperty("orders").EnumerateArray().Where(o => o.GetProperty("filledAt").ValueKind == JsonValueKind.String)
            .GroupBy(o => DateOnly.FromDateTime(o.GetProperty("filledAt").GetDateTimeOffset().UtcDateTime))
            .ToDictionary(g => g.Key, g => g.Sum(o => (o.GetProperty("side").GetString() == "buy" ? -1m : 1m)
                * o.GetProperty("quantity").GetDecimal() * o.GetProperty("fillPrice").GetDecimal()));
        decimal cash = 10_000m, total = 0m;
        DateOnly? previous = null;
        foreach (var line in File.ReadLines(data).Skip(1).Where(l => l.Length > 0))
        {
            var date = DateOnly.ParseExact(line.Split(',')[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (previous is { } p)
            {
                var interest = Math.Round(cash * percent / 100m * (date.DayNumber - p.DayNumber) / 365m, 6, MidpointRounding.AwayFromZero);
                total += interest;
                cash += interest;
            }
            cash += cashByDate.GetValueOrDefault(date);
            previous = date;
        }
        return total;
    }
}
