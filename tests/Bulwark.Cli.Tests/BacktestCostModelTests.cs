using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>Per-share, percent and minimum commissions and slippage, as a trader sets them on `backtest`.</summary>
public sealed class BacktestCostModelTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task CommissionPartsAndSlippage_ApplyToEveryFill_AndAreStatedInTheJson()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=15",
            "--data", sample, "--no-calendar", "--json", "--size", "2", "--commission-per-share", "0.5", "--commission-percent", "0.01",
            "--commission-min", "1.5", "--slippage-bps", "10");

        Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        var commission = root.GetProperty("commission");
        Assert.Equal("per-share+percent", commission.GetProperty("model").GetString());
        Assert.Equal(10m, root.GetProperty("slippage").GetProperty("bps").GetDecimal());
        var orders = root.GetProperty("orders").EnumerateArray().ToList();
        Assert.Equal(23, orders.Count);
        // The first buy fills at the 2006-01-27 open (3643.35) slipped 10 bps against it, on the cent.
        Assert.Equal(Math.Round(3643.35m * 1.001m, 2), orders[0].GetProperty("fillPrice").GetDecimal());
        foreach (var o in orders)
        {
            var quantity = o.GetProperty("quantity").GetDecimal();
            var notional = quantity * o.GetProperty("fillPrice").GetDecimal();
            var expected = Math.Max((0.5m * quantity) + (notional * 0.01m / 100m), 1.5m);
            Assert.Equal(expected, o.GetProperty("commission").GetDecimal());
        }
        // The run's total is every fill's, which the trades' PnL is net of.
        var total = orders.Sum(o => o.GetProperty("commission").GetDecimal());
        Assert.True(total > 23 * 1.5m, $"total {total}");
        Assert.Equal(total, root.GetProperty("metrics").GetProperty("commission").GetDecimal());
        var source = Assert.Single(root.GetProperty("sources").EnumerateArray());
        Assert.Equal(total, source.GetProperty("commission").GetDecimal());
        Assert.True(source.GetProperty("slippage").GetDecimal() > 0m);

        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=15",
            "--data", sample, "--no-calendar", "--size", "2", "--commission-per-share", "0.5", "--commission-percent", "0.01",
            "--commission-min", "1.5", "--slippage-bps", "10");
        Assert.True(table.ExitCode == 0, table.All);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"commission {total:0.00} on 23 fills ({total / 10_000m:P2} of the starting cash)"),
            table.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("next-open")]
    [InlineData("close")]
    public async Task TheSlippageTotal_IsEachFillAgainstItsPriceBeforeSlippage_InTheJsonTableCsvAndReport(string fill)
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--param", "stopLossPercent=1.5", "--data", sample,
            "--no-calendar", "--size", "10", "--cash", "100000", "--slippage-bps", "5", "--fill", fill];

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--export", "out", "--report", "r.html"]);
        var none = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args.Take(args.Length - 4), "--json"]);

        Assert.True(json.ExitCode == 0, json.All);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var opens = File.ReadLines(sample).Skip(1).Select(l => l.Split(','))
            .ToDictionary(r => r[0], r => decimal.Parse(r[1], inv), StringComparer.Ordinal);
        var root = JsonDocument.Parse(json.StdOut).RootElement;
        var (total, slipped, stops) = (0m, 0, 0);
        foreach (var o in root.GetProperty("orders").EnumerateArray().Where(o => o.GetProperty("filledAt").ValueKind != JsonValueKind.Null))
        {
            var buy = o.GetProperty("side").GetString() == "buy";
            var open = opens[o.GetProperty("filledAt").GetDateTimeOffset().ToString("yyyy-MM-dd", inv)];
            var created = o.GetProperty("createPrice").GetDecimal();
            // Before slippage: a market order at the fill bar's open (at the signal's close with close fills), a stop at its
            // level or at the open that gapped through it.
            var reference = o.GetProperty("type").GetString() == "stop" ? (buy ? Math.Max(open, created) : Math.Min(open, created))
                : fill == "close" ? created : open;
            var price = o.GetProperty("fillPrice").GetDecimal();
            var expected = (buy ? price - reference : reference - price) * o.GetProperty("filledQuantity").GetDecimal();
            Assert.Equal(expected, o.GetProperty("slippage").GetDecimal());
            Assert.InRange(expected, reference * 0.0004m * 10m, reference * 0.0006m * 10m); // 5 bps of 10, within the rounding to the cent
            (total, slipped, stops) = (total + expected, slipped + 1, stops + (o.GetProperty("type").GetString() == "stop" ? 1 : 0));
        }
        Assert.True(stops > 0, "no stop filled, so the test proved less than it says");
        Assert.Equal(total, root.GetProperty("metrics").GetProperty("slippage").GetDecimal());
        // The one source's fills are all of them: its costs are the run's.
        var source = Assert.Single(root.GetProperty("sources").EnumerateArray());
        Assert.Equal((total, 0m), (source.GetProperty("slippage").GetDecimal(), source.GetProperty("commission").GetDecimal()));
        Assert.True(table.ExitCode == 0, table.All);
        Assert.Contains(string.Create(inv, $"PnL {source.GetProperty("realizedPnl").GetDecimal():0.00}), slippage {total:0.00}, implementation shortfall "), table.StdOut, StringComparison.Ordinal);
        Assert.Contains(string.Create(inv, $"slippage and impact {total:0.00} on {slipped} orders ({total / 100_000m:P2} of the starting cash), in the fill prices"),
            table.StdOut, StringComparison.Ordinal);
        var csv = File.ReadAllLines(Path.Combine(dir.Path, "out", "orders.csv"));
        Assert.Equal("slippage", csv[0].Split(',')[^2]);
        Assert.Equal(total, csv.Skip(1).Sum(l => decimal.Parse(l.Split(',')[^2], inv)));
        Assert.Contains(string.Create(inv, $"<th>Slippage and impact (in the fill prices)</th><td>{total:0.00}</td>"), File.ReadAllText(Path.Combine(dir.Path, "r.html")), StringComparison.Ordinal);
        // Without slippage, none is counted.
        Assert.True(none.ExitCode == 0, none.All);
        Assert.Equal(0m, JsonDocument.Parse(none.StdOut).RootElement.GetProperty("metrics").GetProperty("slippage").GetDecimal());
    }

    [Fact]
    public async Task ARunWithoutCommission_HasNoCommissionLine()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=15",
            "--data", sample, "--no-calendar");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.DoesNotContain("commission", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACommissionCap_ChargesAtMostItsPercentOfEachFill_EvenUnderTheMinimum()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", sample, "--no-calendar", "--json",
            "--size", "2", "--commission-per-share", "0.5", "--commission-min", "1.5"];

        // 0.01% of a fill of two units at about 3,700 is about 0.74: under the minimum, and the cap wins.
        var capped = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--commission-max-percent", "0.01"]);
        var bad = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--commission-max-percent", "0"]);

        Assert.True(capped.ExitCode == 0, capped.All);
        var root = JsonDocument.Parse(capped.StdOut).RootElement;
        Assert.Equal(0.01m, root.GetProperty("commission").GetProperty("maximumPercent").GetDecimal());
        foreach (var o in root.GetProperty("orders").EnumerateArray())
        {
            var notional = o.GetProperty("quantity").GetDecimal() * o.GetProperty("fillPrice").GetDecimal();
            Assert.Equal(Math.Min(1.5m, notional * 0.01m / 100m), o.GetProperty("commission").GetDecimal());
        }
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--commission-max-percent must be above 0 and at most 100 (was 0)", bad.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarketImpact_MovesEachMarketFillByTheSquareRootOfItsShareOfTheBar()
    {
        using var dir = new TempDir();
        // A wave of 60 days, 100 traded a day: an order of 1 is 1% of a bar, which 10% of impact makes 1% of the price.
        dir.File("W.csv", DailyWave.Csv(60, 1d / 8, 100m));
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=3", "--data", "W.csv", "--no-calendar", "--json"];

        var impacted = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--impact", "10"]);
        var bad = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--impact", "150"]);

        Assert.True(impacted.ExitCode == 0, impacted.All);
        var root = JsonDocument.Parse(impacted.StdOut).RootElement;
        Assert.Equal(10m, root.GetProperty("slippage").GetProperty("impactPercent").GetDecimal());
        var opens = File.ReadAllLines(Path.Combine(dir.Path, "W.csv")).Skip(1).ToDictionary(l => l[..10], l => decimal.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture));
        var orders = root.GetProperty("orders").EnumerateArray().Where(o => o.TryGetProperty("fillPrice", out var p) && p.ValueKind == JsonValueKind.Number).ToList();
        Assert.True(orders.Count > 4, $"{orders.Count} fills");
        foreach (var o in orders)
        {
            var open = opens[o.GetProperty("filledAt").GetString()![..10]];
            var buy = o.GetProperty("side").GetString() == "buy";
            Assert.Equal(Math.Round(open * (buy ? 1.01m : 0.99m), 2, MidpointRounding.AwayFromZero), o.GetProperty("fillPrice").GetDecimal());
        }
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--impact must be from 0 to 100 (was 150)", bad.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LimitFillThrough_FillsNoGridLevelTheBarsOnlyTouched()
    {
        using var dir = new TempDir();
        // A grid built around 100 (levels at 99, 101, ...), then thirty days trading exactly from 99 to 101, then one
        // day through 99 to 98.50.
        var day = new DateOnly(2024, 1, 1);
        var rows = new List<string> { "Date,Open,High,Low,Close,Volume", $"{day:yyyy-MM-dd},100,100,100,100,1000" };
        for (var i = 1; i <= 30; i++) rows.Add($"{day.AddDays(i):yyyy-MM-dd},100,101,99,100,1000");
        rows.Add($"{day.AddDays(31):yyyy-MM-dd},100,100,98.50,99.50,1000");
        File.WriteAllText(Path.Combine(dir.Path, "LVL.csv"), string.Join('\n', rows) + "\n");
        string[] args = ["backtest", "--strategy", "grid", "--data", "LVL.csv", "--no-calendar", "--json"];

        var touch = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);
        var through = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--limit-fill", "through"]);
        var bad = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--limit-fill", "thru"]);

        Assert.True(touch.ExitCode == 0, touch.All);
        Assert.True(through.ExitCode == 0, through.All);
        static List<JsonElement> Fills(JsonElement root) =>
            [.. root.GetProperty("orders").EnumerateArray().Where(o => o.GetProperty("fillPrice").ValueKind == JsonValueKind.Number)];
        var touched = JsonDocument.Parse(touch.StdOut).RootElement;
        var traded = JsonDocument.Parse(through.StdOut).RootElement;
        Assert.Equal("touch", touched.GetProperty("limitFill").GetString());
        Assert.Equal("through", traded.GetProperty("limitFill").GetString());
        Assert.True(Fills(touched).Count > 10, touch.StdOut);
        var only = Assert.Single(Fills(traded));
        Assert.Equal("buy", only.GetProperty("side").GetString());
        Assert.Equal(99m, only.GetProperty("fillPrice").GetDecimal());
        Assert.StartsWith("2024-02-01", only.GetProperty("filledAt").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--limit-fill: unknown 'thru'; expected touch or through", bad.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACurrencyPairQuotedToFivePlaces_FillsAtItsOwnPrices_NotRoundedToACent()
    {
        using var dir = new TempDir();
        // A minute series of EURUSD in pips and fractions of a pip, crossing its 3-bar average again and again.
        var start = new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero);
        var rows = new List<string> { "Date,Open,High,Low,Close,Volume" };
        for (var i = 0; i < 60; i++)
        {
            var close = 1.10427m + (0.00001m * (decimal)Math.Round(31 * Math.Sin(i * Math.PI / 5)));
            rows.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{start.AddMinutes(i):yyyy-MM-ddTHH:mm:ssZ},{close},{close + 0.00002m},{close - 0.00002m},{close},100"));
        }
        File.WriteAllText(Path.Combine(dir.Path, "EURUSD.csv"), string.Join('\n', rows) + "\n");
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=3", "--data", "EURUSD.csv", "--exchange", "FX", "--size", "1000", "--json"];

        var own = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);
        var pips = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--tick-size", "0.0001"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, args[..^1]);

        Assert.True(own.ExitCode == 0, own.All);
        var root = JsonDocument.Parse(own.StdOut).RootElement;
        Assert.Equal(0.00001m, root.GetProperty("instruments")[0].GetProperty("tickSize").GetDecimal());
        static IEnumerable<decimal> FillPrices(JsonElement root) => root.GetProperty("orders").EnumerateArray()
            .Where(o => o.GetProperty("fillPrice").ValueKind == JsonValueKind.Number).Select(o => o.GetProperty("fillPrice").GetDecimal());
        var fills = FillPrices(root).ToList();
        Assert.True(fills.Count > 4, own.StdOut);
        // Next-open fills at the data's own prices: every one is an open of the file, none is 1.10.
        var opens = rows.Skip(1).Select(r => decimal.Parse(r.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.All(fills, f => Assert.Contains(f, opens));
        Assert.DoesNotContain("not on its tick", own.StdErr, StringComparison.Ordinal);
        // The table shows each order's prices as the data has them, not to the cent.
        Assert.True(table.ExitCode == 0, table.All);
        var firstOrder = table.StdOut.Split('\n').First(l => l.Contains(" EURUSD @ ", StringComparison.Ordinal));
        Assert.Matches(@"EURUSD @ 1\.\d{3,5} -> .* @ 1\.\d{3,5}  \[sma-cross\]", firstOrder);

        Assert.True(pips.ExitCode == 0, pips.All);
        Assert.Contains($"bulwark: EURUSD: its price {rows[1].Split(',')[1]} at 2024-01-02 is not on its tick 0.0001 (--tick-size): every fill and limit price is rounded to the tick",
            pips.StdErr, StringComparison.Ordinal);
        Assert.All(FillPrices(JsonDocument.Parse(pips.StdOut).RootElement), f => Assert.Equal(0m, f % 0.0001m));
    }

    [Fact]
    public async Task SharesWithAdjustedPricesOfManyPlaces_StillTradeInCents()
    {
        using var dir = new TempDir();
        // Adjusted closes are arithmetic (182.910004): shares still fill in cents, and that is no warning.
        var day = new DateOnly(2024, 1, 1);
        dir.File("AAPL.csv", "Date,Open,High,Low,Close,Volume\n" + string.Concat(Enumerable.Range(0, 20).Select(i =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{day.AddDays(i):yyyy-MM-dd},{182.910004m + (i % 3)},{184.5m + (i % 3)},{181.250002m + (i % 3)},{183.120007m + (i % 3)},1000\n"))));

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=2",
            "--data", "AAPL.csv", "--no-calendar", "--json");

        Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        Assert.Equal(0.01m, root.GetProperty("instruments")[0].GetProperty("tickSize").GetDecimal());
        var fills = root.GetProperty("orders").EnumerateArray().Where(o => o.GetProperty("fillPrice").ValueKind == JsonValueKind.Number).ToList();
        Assert.NotEmpty(fills);
        Assert.All(fills, o => Assert.Equal(0m, o.GetProperty("fillPrice").GetDecimal() % 0.01m));
        Assert.DoesNotContain("not on its tick", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TickSize_PutsSlippageTicksAndFillsOnAFuturesQuarterPoint()
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();
        // The sample's prices are in cents: on a 0.25 tick each is said, and every fill is on the quarter point.
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", sample, "--no-calendar", "--json", "--slippage-ticks", "1"];

        var cents = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);
        var quarters = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--tick-size", "0.25"]);
        var zero = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--tick-size", "0"]);

        Assert.True(cents.ExitCode == 0 && quarters.ExitCode == 0, cents.All + quarters.All);
        var first = (JsonDocument.Parse(cents.StdOut).RootElement.GetProperty("orders")[0], JsonDocument.Parse(quarters.StdOut).RootElement.GetProperty("orders")[0]);
        // The first buy fills at the 2006-01-27 open, 3643.35, one tick worse: a cent, or a quarter point above the
        // open rounded to the quarter.
        Assert.Equal(3643.36m, first.Item1.GetProperty("fillPrice").GetDecimal());
        Assert.Equal(3643.50m, first.Item2.GetProperty("fillPrice").GetDecimal());
        Assert.All(JsonDocument.Parse(quarters.StdOut).RootElement.GetProperty("orders").EnumerateArray()
            .Where(o => o.GetProperty("fillPrice").ValueKind == JsonValueKind.Number),
            o => Assert.Equal(0m, o.GetProperty("fillPrice").GetDecimal() % 0.25m));
        Assert.Contains("is not on its tick 0.25 (--tick-size)", quarters.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, zero.ExitCode);
        Assert.Contains("--tick-size must be > 0 (was 0)", zero.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("grid", "--slippage-bps", true)]
    [InlineData("grid", "--slippage-ticks", true)]
    [InlineData("sma-cross", "--slippage-bps", false)]
    public async Task SlippageOnAStrategyOfOnlyLimitOrders_IsWarnedAbout_AndChangesNothing(string strategy, string option, bool warned)
    {
        var sample = SharedDataFile.Find("2006-day-001.txt", output);
        if (sample is null) return;
        using var dir = new TempDir();

        var plain = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", strategy, "--data", sample, "--no-calendar", "--json");
        var slipped = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", strategy, "--data", sample, "--no-calendar", "--json",
            option, "10");

        Assert.True(plain.ExitCode == 0 && slipped.ExitCode == 0, plain.All + slipped.All);
        var message = $"{option}: grid places only limit orders, which fill at their limit price, so slippage and impact change none of its fills";
        Assert.Equal(warned, slipped.StdErr.Contains(message, StringComparison.Ordinal));
        Assert.DoesNotContain("places only limit orders", plain.StdErr, StringComparison.Ordinal);
        var values = new[] { plain, slipped }.Select(r => JsonDocument.Parse(r.StdOut).RootElement.GetProperty("finalValue").GetDecimal()).ToList();
        // The warning is true to the engine: the grid's value does not move, sma-cross's market orders pay the slippage.
        Assert.Equal(warned, values[0] == values[1]);
    }

    [Theory]
    [InlineData("--commission-per-share", "-1")]
    [InlineData("--commission-percent", "-0.1")]
    [InlineData("--commission-min", "-2")]
    [InlineData("--slippage-bps", "-5")]
    [InlineData("--slippage-ticks", "-1")]
    public async Task NegativeCost_ExitsTwoNamingTheOption(string option, string value)
    {
        using var dir = new TempDir();
        dir.File("X.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,2,10\n");
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--data", "X.csv", option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{option} must be >= 0 (was {value})", run.StdErr, StringComparison.Ordinal);
    }
}
