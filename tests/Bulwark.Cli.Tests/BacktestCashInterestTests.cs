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
    public async Task AFreeBalance_EarnsNothing_TheCashAboveItEarnsTheRate_AndANegativeOneIsAUsageError()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", data, "--no-calendar", "--cash-interest", "4"];

        var tiered = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--cash-interest-free", "7000", "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--cash-interest-free", "7000"]);
        var bad = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--cash-interest-free", "-1"]);

        Assert.True(tiered.ExitCode == 0, tiered.All);
        var root = JsonDocument.Parse(tiered.StdOut).RootElement;
        var interest = root.GetProperty("interest");
        Assert.Equal(7000m, interest.GetProperty("freeBalance").GetDecimal());
        // While the position holds 3,800 of the 10,000, the 6,200 left is under the 7,000 and earns nothing.
        Assert.Equal(Expected(data, root, percent: 4m, free: 7000m), interest.GetProperty("total").GetDecimal());
        Assert.InRange(interest.GetProperty("total").GetDecimal(), 1m, 100m);
        Assert.Matches(@"\ninterest \d+\.\d\d \(idle cash at 4% a year above the first 7000\)\n", table.StdOut);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--cash-interest-free must be >= 0 (was -1)", bad.StdErr, StringComparison.Ordinal);
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
    public async Task RatesThatChange_FromAFile_EarnEachDaysRate_AndOneRateFromBeforeTheStart_EarnsAsTheFixedRate()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var one = dir.File("one.csv", "date,percent\n2000-01-01,4\n");
        // Columns and rows in any order, other columns ignored: 4 % from December 2005, cut to 1 % from July 2006.
        var two = dir.File("two.csv", "percent,date,note\n1,2006-07-01,cut\n\n4,2005-12-01,\n");
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", data, "--no-calendar"];

        var fixedRate = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json", "--cash-interest", "4"]);
        var oneRate = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json", "--cash-interest", one]);
        var twoRates = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json", "--cash-interest", two]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--cash-interest", two]);

        foreach (var run in new[] { fixedRate, oneRate, twoRates, table }) Assert.True(run.ExitCode == 0, run.All);
        static JsonElement Interest(CliRun r) => JsonDocument.Parse(r.StdOut).RootElement.GetProperty("interest");
        Assert.Equal(Interest(fixedRate).GetProperty("total").GetDecimal(), Interest(oneRate).GetProperty("total").GetDecimal());
        var root = JsonDocument.Parse(twoRates.StdOut).RootElement;
        var cut = new DateOnly(2006, 7, 1);
        var total = Interest(twoRates).GetProperty("total").GetDecimal();
        Assert.Equal(Expected(data, root, day => day < cut ? 4m : 1m), total);
        Assert.InRange(total, 100m, Interest(fixedRate).GetProperty("total").GetDecimal() - 100m);
        Assert.Equal(JsonValueKind.Null, Interest(twoRates).GetProperty("cashPercent").ValueKind);
        Assert.Equal([("2005-12-01", 4m), ("2006-07-01", 1m)], Interest(twoRates).GetProperty("cashRates").EnumerateArray()
            .Select(r => (r.GetProperty("from").GetString(), r.GetProperty("percent").GetDecimal())));
        Assert.False(Interest(fixedRate).TryGetProperty("cashRates", out _));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"\ninterest {total:0.00} (idle cash at 2 rates from 2005-12-01, 1% to 4% a year)\n"),
            table.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadRateFile_IsAUsageError_NamingTheFileAndLine()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--data", data, "--no-calendar", "--cash-interest"];
        (string File, string Error)[] cases =
        [
            (dir.File("late.csv", "date,percent\n2006-02-01,3\n"),
                "--cash-interest: the first rate is from 2006-02-01, after the first bar's day 2006-01-02; give a rate from 2006-01-02 or earlier"),
            (dir.File("month.csv", "date,percent\n2006-01-01,3\n2006-13-01,3\n"), "line 3: date '2006-13-01' is not a date (yyyy-MM-dd)"),
            (dir.File("twice.csv", "date,percent\n2006-01-01,3\n2006-01-01,2\n"), "line 3: a rate from 2006-01-01 is given twice"),
            (dir.File("big.csv", "date,percent\n2006-01-01,150\n"), "line 2: percent '150' is not a yearly percent in [-100, 100]"),
            (dir.File("rate.csv", "date,rate\n2006-01-01,3\n"), "line 1: no 'percent' column (the header must name date and percent)"),
            (dir.File("header.csv", "date,percent\n"), "no rates, only a header"),
            (Path.Combine(dir.Path, "nosuch.csv"), "neither a yearly percent nor a file of rates"),
        ];

        foreach (var (file, error) in cases)
        {
            var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, file]);
            Assert.True(run.ExitCode == 2, $"{file}: {run.All}");
            Assert.Contains(error, run.StdErr, StringComparison.Ordinal);
            if (!error.StartsWith("--cash-interest:", StringComparison.Ordinal)) Assert.Contains($"--cash-interest '{file}'", run.StdErr, StringComparison.Ordinal);
        }
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

        // Rates that change: no one rate, but each with its first day; the rows earn less once the rate is cut.
        var rates = dir.File("rates.csv", "date,percent\n2006-01-01,4\n2006-04-01,0.5\n");
        var stepped = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args[..^1], rates, "--json"]);
        Assert.True(stepped.ExitCode == 0, stepped.All);
        var steppedRoot = JsonDocument.Parse(stepped.StdOut).RootElement;
        Assert.Equal(JsonValueKind.Null, steppedRoot.GetProperty("cashInterest").ValueKind);
        Assert.Equal(2, steppedRoot.GetProperty("cashRates").GetArrayLength());
        Assert.All(steppedRoot.GetProperty("rows").EnumerateArray(), r => Assert.InRange(r.GetProperty("interest").GetDecimal(), 50m, 200m));
    }

    /// <summary>
    /// The interest worked out from the data and the fills alone: at each bar after the first, the cash before the
    /// bar's fills (the interest paid so far included) earns the rate for the days between the bars.
    /// </summary>
    private static decimal Expected(string data, JsonElement root, decimal percent, decimal free = 0m) => Expected(data, root, _ => percent, free);

    /// <summary>The same at each day's rate: a bar earns the sum of the rates of the days from the bar before to it.</summary>
    private static decimal Expected(string data, JsonElement root, Func<DateOnly, decimal> percentOn, decimal free = 0m)
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
                var percentDays = Enumerable.Range(p.DayNumber, date.DayNumber - p.DayNumber).Sum(d => percentOn(DateOnly.FromDayNumber(d)));
                var interest = Math.Round(Math.Max(0m, cash - free) * percentDays / 100m / 365m, 6, MidpointRounding.AwayFromZero);
                total += interest;
                cash += interest;
            }
            cash += cashByDate.GetValueOrDefault(date);
            previous = date;
        }
        return total;
    }
}
