using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>--fill, --multiplier, --margin and --commission-per-fill on `backtest` and `optimize`, through the real process.</summary>
public sealed class BacktestAccountOptionTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private static readonly string[] SmaCross15 = ["--strategy", "sma-cross", "--param", "period=15", "--size", "1", "--no-calendar", "--json"];

    [Fact]
    public async Task Backtest_FillClose_FillsAtTheSignalBarsClose_AndSaysSo()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["backtest", .. SmaCross15, "--data", data, "--cash", "10000", "--fill", "close"]);
        Assert.True(run.ExitCode == 0, run.All);

        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal("close", root.GetProperty("fill").GetString());
        Assert.Equal(10366.07m, Math.Round(root.GetProperty("finalValue").GetDecimal(), 2));
        Assert.Equal(6246.13m, Math.Round(root.GetProperty("cash").GetDecimal(), 2));
        var first = root.GetProperty("orders")[0];
        Assert.Equal(first.GetProperty("createdAt").GetString(), first.GetProperty("filledAt").GetString());
        Assert.Equal(first.GetProperty("createPrice").GetDecimal(), first.GetProperty("fillPrice").GetDecimal());
    }

    [Fact]
    public async Task Backtest_FuturesOptions_AccountWithMargin_AndTheJsonNamesTheModel()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["backtest", .. SmaCross15, "--data", data, "--cash", "50000",
            "--multiplier", "10", "--margin", "2000", "--commission-per-fill", "2"]);
        Assert.True(run.ExitCode == 0, run.All);

        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal("next-open", root.GetProperty("fill").GetString());
        var commission = root.GetProperty("commission");
        Assert.Equal(("futures", 2m, 10m, 2000m), (commission.GetProperty("model").GetString(), commission.GetProperty("perFill").GetDecimal(),
            commission.GetProperty("multiplier").GetDecimal(), commission.GetProperty("marginPerContract").GetDecimal()));
        Assert.Equal(52795.00m, Math.Round(root.GetProperty("finalValue").GetDecimal(), 2));
        Assert.Equal(50795.00m, Math.Round(root.GetProperty("cash").GetDecimal(), 2));
        Assert.Equal(23, root.GetProperty("orders").GetArrayLength());
    }

    [Fact]
    public async Task Optimize_TakesTheSameOptions_AndStatesThem()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "optimize", "--strategy", "sma-cross", "--param", "period=15",
            "--data", data, "--no-calendar", "--cash", "50000", "--multiplier", "10", "--margin", "2000",
            "--commission-per-fill", "2", "--fill", "next-open", "--json");
        Assert.True(run.ExitCode == 0, run.All);

        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal("futures", root.GetProperty("commission").GetProperty("model").GetString());
        Assert.Equal(52795.00m, Math.Round(root.GetProperty("rows")[0].GetProperty("finalValue").GetDecimal(), 2));
    }

    [Theory]
    [InlineData("backtest", "--fill", "open", "--fill: unknown 'open'")]
    [InlineData("backtest", "--multiplier", "0", "--multiplier must be > 0 (was 0)")]
    [InlineData("backtest", "--margin", "-1", "--margin must be >= 0 (was -1)")]
    [InlineData("backtest", "--commission-per-fill", "-2", "--commission-per-fill must be >= 0 (was -2)")]
    [InlineData("optimize", "--fill", "at-close", "--fill: unknown 'at-close'")]
    [InlineData("optimize", "--multiplier", "-10", "--multiplier must be > 0 (was -10)")]
    [InlineData("optimize", "--margin", "-0.5", "--margin must be >= 0 (was -0.5)")]
    [InlineData("backtest", "--notional", "0", "--notional must be > 0 (was 0)")]
    [InlineData("backtest", "--percent-of-equity", "150", "--percent-of-equity must be in (0, 100] (was 150)")]
    [InlineData("optimize", "--percent-of-equity", "0", "--percent-of-equity must be in (0, 100] (was 0)")]
    public async Task BadValue_ExitsTwo_NamingTheOptionAndTheValue(string command, string option, string value, string message)
    {
        using var dir = new TempDir();
        dir.File("ok.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,2,10\n");
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, command, "--strategy", "sma-cross", "--data", "ok.csv", option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_PercentOfEquity_SizesEachEntryFromTheAccountsValue_AndTwoSizingsAreAUsageError()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", data, "--no-calendar", "--json"];

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--percent-of-equity", "95"]);
        var both = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--percent-of-equity", "95", "--notional", "5000"]);

        Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal("percentOfEquity", root.GetProperty("sizing").GetProperty("mode").GetString());
        // The first entry: 95 % of the untouched 10,000 at the signal bar's close, in whole units.
        var first = root.GetProperty("orders")[0];
        Assert.Equal(Math.Floor(9_500m / first.GetProperty("createPrice").GetDecimal()), first.GetProperty("quantity").GetDecimal());
        Assert.True(first.GetProperty("quantity").GetDecimal() > 1m);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("--notional and --percent-of-equity: give one way to size entries", both.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.5", "--size 0.5: AAA trades in whole lots of 1 (equity), so every entry would be 0; give whole lots, or --asset AAA=crypto for a coin traded in fractions")]
    [InlineData("1.5", "--size 1.5: AAA trades in whole lots of 1 (equity), so every entry would be 1; give whole lots")]
    public async Task AFractionalSize_OnWholeShares_ExitsTwo_InsteadOfNeverTrading(string size, string problem)
    {
        using var dir = new TempDir();
        dir.File("AAA.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,2,10\n2024-01-03,2,3,1,2,10\n");

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--data", "AAA.csv", "--size", size);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(problem, run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PercentOfEquity100_WithCommission_SaysWhyTheVenueRejectedItsEntriesForCash()
    {
        using var dir = new TempDir();
        // Closes alternate 99 and 101 around their 2-day average 100: each 101 is an entry of 10000 / 101 = 99 shares,
        // 9999 in all, which with a commission of 2 is more than the 10000 in cash.
        var day = new DateOnly(2024, 1, 1);
        dir.File("ALT.csv", "Date,Open,High,Low,Close,Volume\n" + string.Concat(Enumerable.Range(0, 20).Select(i =>
            $"{day.AddDays(i):yyyy-MM-dd},100,102,98,{(i % 2 == 0 ? 99 : 101)},1000\n")));
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=2", "--data", "ALT.csv", "--no-calendar", "--commission-per-fill", "2"];

        var all = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--percent-of-equity", "100"]);
        var some = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--percent-of-equity", "98"]);
        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--percent-of-equity", "100", "--json"]);

        Assert.True(all.ExitCode == 0 && some.ExitCode == 0 && json.ExitCode == 0, all.All + some.All + json.All);
        var rejected = JsonDocument.Parse(json.StdOut).RootElement.GetProperty("orders").EnumerateArray()
            .Count(o => o.GetProperty("rejected").ValueKind == JsonValueKind.String);
        Assert.True(rejected > 0, json.StdOut);
        Assert.Contains($"orders rejected by the venue for want of cash: {rejected} (each sized at 100% of the account's value at the signal's close, with no room left for its commission, slippage or a higher open; size lower to leave it)",
            all.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("for want of cash", some.StdOut, StringComparison.Ordinal);
        // A fixed size too big for the account says so, and how a leveraged account would trade it.
        var tooBig = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--size", "200"]);
        Assert.True(tooBig.ExitCode == 0, tooBig.All);
        Assert.Contains("(each entry of 200 costs more than the cash left, with its commission and slippage; an account that trades on margin posts it instead: --margin",
            tooBig.StdOut, StringComparison.Ordinal);

        // optimize's row says it too: its result lacks those entries.
        var optimize = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["optimize", .. args[1..], "--percent-of-equity", "100"]);
        var optimizeJson = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["optimize", .. args[1..], "--percent-of-equity", "100", "--json"]);
        Assert.True(optimize.ExitCode == 0 && optimizeJson.ExitCode == 0, optimize.All + optimizeJson.All);
        Assert.Equal(rejected, JsonDocument.Parse(optimizeJson.StdOut).RootElement.GetProperty("rows")[0].GetProperty("ordersRejected").GetInt32());
        Assert.Matches($@"^1\s+2\s.*\s{rejected} rejected by the venue$", optimize.StdOut.Split('\n')[1].TrimEnd());
        // And each walk-forward window's test run.
        var forward = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["optimize", .. args[1..], "--percent-of-equity", "100", "--walk-forward", "train=10,test=5", "--json"]);
        Assert.True(forward.ExitCode == 0, forward.All);
        var windows = JsonDocument.Parse(forward.StdOut).RootElement.GetProperty("walkForward").GetProperty("windows").EnumerateArray().ToList();
        Assert.All(windows, w => Assert.True(w.GetProperty("testOrdersRejected").GetInt32() > 0, w.ToString()));
    }

    [Fact]
    public async Task LotSize_SizesEveryEntryInWholeLots_AndASizeOffItExitsTwo()
    {
        using var dir = new TempDir();
        // A pair traded in micro lots of 1,000 units, on margin: 30% of 10,000 at about 1.10 is 2,727 units, so 2,000.
        var start = new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero);
        dir.File("EURUSD.csv", "Date,Open,High,Low,Close,Volume\n" + string.Concat(Enumerable.Range(0, 60).Select(i =>
        {
            var close = 1.10000m + (0.00001m * (decimal)Math.Round(40 * Math.Sin(i * Math.PI / 5)));
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{start.AddMinutes(i):yyyy-MM-ddTHH:mm:ssZ},{close},{close + 0.00002m},{close - 0.00002m},{close},0\n");
        })));
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=3", "--data", "EURUSD.csv", "--asset", "EURUSD=fx", "--margin", "0.0333", "--lot-size", "1000"];

        var sized = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--percent-of-equity", "30", "--json"]);
        var offLot = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--size", "1500"]);
        var zero = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args[..^1], "0"]);

        Assert.True(sized.ExitCode == 0, sized.All);
        var root = JsonDocument.Parse(sized.StdOut).RootElement;
        Assert.Equal(1000m, root.GetProperty("instruments")[0].GetProperty("lotSize").GetDecimal());
        var quantities = root.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("quantity").GetDecimal()).ToList();
        Assert.NotEmpty(quantities);
        Assert.All(quantities, q => Assert.Equal(2000m, q));
        Assert.Equal(2, offLot.ExitCode);
        Assert.Contains("--size 1500: EURUSD trades in whole lots of 1000 (fx), so every entry would be 1000; give whole lots, or give --lot-size the step the pair trades in",
            offLot.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, zero.ExitCode);
        Assert.Contains("--lot-size must be > 0 (was 0)", zero.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crypto_TradesInFractionsOfACoin()
    {
        using var dir = new TempDir();
        // A close that zig-zags around its 2-bar average every hour: sma-cross trades all day.
        var rows = Enumerable.Range(0, 48).Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"2024-01-06T{i / 2:00}:{i % 2 * 30:00}:00Z,100,103,97,{(i % 2 == 0 ? 99 : 101)},10"));
        dir.File("BTC.csv", "Date,Open,High,Low,Close,Volume\n" + string.Join('\n', rows) + "\n");

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=2",
            "--data", "BTC.csv", "--asset", "BTC=crypto", "--size", "0.25", "--json");
        var byNotional = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=2",
            "--data", "BTC.csv", "--asset", "BTC=crypto", "--notional", "150", "--json");

        Assert.True(run.ExitCode == 0, run.All);
        var orders = JsonDocument.Parse(run.StdOut).RootElement.GetProperty("orders").EnumerateArray().ToList();
        Assert.True(orders.Count > 5, run.StdOut);
        Assert.All(orders, o => Assert.Equal(0.25m, o.GetProperty("quantity").GetDecimal()));
        // 150 of cash at a price near 100 buys about 1.5 coins, not 1.
        var first = JsonDocument.Parse(byNotional.StdOut).RootElement.GetProperty("orders")[0];
        Assert.InRange(first.GetProperty("quantity").GetDecimal(), 1.4m, 1.6m);
    }
}
