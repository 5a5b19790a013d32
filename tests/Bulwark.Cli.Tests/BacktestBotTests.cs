using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>
/// `backtest --bot ID`: a configured bot (its strategies, sizing, risk, costs) on the shared sample, through the real
/// process. The sample's symbol is its file name, 2006-day-001, so the bots list that instrument.
/// </summary>
public sealed class BacktestBotTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>A bot on the sample: one account of 10000 without costs, fixed quantity 1, no exchange hours; the
    /// feed is never read by a backtest but a bot's configuration needs one.</summary>
    private static string Bot(string id, string strategies, string sizing = "{ mode: fixedQuantity, quantity: 1 }", string more = "") => $$"""
          - id: {{id}}
            venue: { initialCash: 10000, slippageBps: 0, commission: { perFill: 0 } }
            feed: { type: synthetic, symbols: [ { symbol: "2006-day-001", startPrice: 100 } ] }
            instruments: [ { symbol: "2006-day-001" } ]
            strategies:
        {{strategies}}
            sizing: {{sizing}}
            tradingHours: { enforce: false }
        {{more}}
        """;

    private const string SmaCross15 = """      - { name: sma-cross, symbols: ["2006-day-001"], params: { period: 15 } }""";

    [Fact]
    public async Task Bot_WithOnlySmaCross15_GivesExactlyTheStrategyRun()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", "bots:\n" + Bot("solo", SmaCross15));

        var bot = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "solo", "--config", config, "--data", data, "--json");
        var strategy = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=15",
            "--data", data, "--cash", "10000", "--size", "1", "--no-calendar", "--json");

        Assert.True(bot.ExitCode == 0, bot.All);
        Assert.True(strategy.ExitCode == 0, strategy.All);
        var (b, s) = (JsonDocument.Parse(bot.StdOut).RootElement, JsonDocument.Parse(strategy.StdOut).RootElement);
        Assert.Equal(10284.10m, Math.Round(b.GetProperty("finalValue").GetDecimal(), 2));
        Assert.Equal(6164.16m, Math.Round(b.GetProperty("cash").GetDecimal(), 2));
        Assert.Equal((12, 11), (b.GetProperty("metrics").GetProperty("buys").GetInt32(), b.GetProperty("metrics").GetProperty("sells").GetInt32()));
        Assert.Equal("solo", b.GetProperty("bot").GetString());
        Assert.Equal(JsonValueKind.Null, s.GetProperty("bot").ValueKind);
        Assert.Equal("fixedQuantity", b.GetProperty("sizing").GetProperty("mode").GetString());
        // The same pipeline: every order decided and filled at the same time and price; only the ids' bot prefix differs.
        Assert.Equal(Fills(s), Fills(b));
        Assert.StartsWith("solo-2006", b.GetProperty("orders")[0].GetProperty("clientOrderId").GetString(), StringComparison.Ordinal);
        Assert.All(b.GetProperty("orders").EnumerateArray(), o => Assert.Equal("sma-cross", o.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task AnInstrumentsOwnFinancingRate_IsCharged_AndASideGivenOnTheCommandLineReplacesThatSideWhole()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", "bots:\n" + Bot("carry",
            """      - { name: ema-cloud, symbols: ["2006-day-001"], params: { allowShort: true } }""")
            .Replace("commission: { perFill: 0 } }",
                """commission: { perFill: 0 }, financing: { longPercent: 2, symbols: { "2006-day-001": { shortPercent: 5 } } } }""",
                StringComparison.Ordinal));
        string[] strategy = ["backtest", "--strategy", "ema-cloud", "--param", "allowShort=true", "--data", data, "--no-calendar", "--json"];

        var bot = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "carry", "--config", config, "--data", data, "--json");
        var noBorrowFee = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "carry", "--config", config, "--data", data,
            "--financing-short", "0", "--json");
        var same = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. strategy, "--financing-long", "2", "--financing-short", "5"]);
        var longsOnly = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. strategy, "--financing-long", "2"]);

        foreach (var run in new[] { bot, noBorrowFee, same, longsOnly }) Assert.True(run.ExitCode == 0, run.All);
        static decimal Total(CliRun r) =>
            JsonDocument.Parse(r.StdOut).RootElement.GetProperty("financing").GetProperty("total").GetDecimal();
        Assert.Equal(Total(same), Total(bot));
        Assert.Equal(Total(longsOnly), Total(noBorrowFee));
        Assert.True(Total(bot) < Total(noBorrowFee), $"{Total(bot)} against {Total(noBorrowFee)}");
    }

    [Fact]
    public async Task Bot_WithAdaptiveWeightsOnOneUnit_KeepsTradingOneUnitAfterItsWeightFallsUnderOne()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", "bots:\n" + Bot("one",
            """      - { name: sma-cross, symbols: ["2006-day-001"], params: { period: 5 } }""",
            "{ mode: fixedQuantity, quantity: 1, useAdaptiveWeights: true }"));

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "one", "--config", config, "--data", data, "--json");

        Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        var source = root.GetProperty("sources")[0];
        // Its first round trip lost (weight 2/3): 2/3 of a share used to round to none, so every later signal was denied
        // as sized to zero and the source, closing no more round trips, could never win its weight back.
        Assert.True(source.GetProperty("weight").GetDecimal() < 1m, run.StdOut);
        Assert.Equal(0L, source.GetProperty("denied").GetInt64());
        Assert.Equal(source.GetProperty("signals").GetInt64(), source.GetProperty("orders").GetInt64());
        Assert.True(source.GetProperty("orders").GetInt64() > 20, run.StdOut);
        Assert.All(root.GetProperty("orders").EnumerateArray(), o => Assert.Equal(1m, o.GetProperty("quantity").GetDecimal()));
    }

    [Fact]
    public async Task Bot_WithTwoSources_ReportsWhatEachDid_AndSizesEachByItsOwnAdaptiveWeight()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", "bots:\n" + Bot("duo", """
                  - { name: sma-cross, source: fast, symbols: ["2006-day-001"], params: { period: 15 } }
                  - { name: ema-cloud, source: cloud, symbols: ["2006-day-001"], params: { fastShort: 3, fastLong: 6, trendShort: 10, trendLong: 20 } }
            """, "{ mode: fixedQuantity, quantity: 10, useAdaptiveWeights: true }",
            "    risk: { maxPositionNotional: 1000000, maxOrderNotional: 1000000 }").Replace("initialCash: 10000", "initialCash: 100000", StringComparison.Ordinal));

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "duo", "--config", config, "--data", data, "--json");

        Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        var sources = root.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("source").GetString()!);
        Assert.Equal(["cloud", "fast"], sources.Keys.Order(StringComparer.Ordinal));
        // Both strategies look at working orders and the position before they signal, so the kernel never has to deny
        // one source's signal for the other's pending order: every signal became an order, and every order filled.
        Assert.Equal((19L, 0L, 19L, 0L, 19L, 12L, 6L), Counts(sources["fast"]));
        Assert.Equal((14L, 0L, 14L, 0L, 14L, 4L, 2L), Counts(sources["cloud"]));
        // Each has won half its round trips at the end ((6+1)/(12+2) and (2+1)/(4+2)): weight 1.
        Assert.All(sources.Values, s => Assert.Equal(1m, s.GetProperty("weight").GetDecimal()));

        var orders = root.GetProperty("orders").EnumerateArray().ToList();
        Assert.Equal(19 + 14, orders.Count);
        Assert.Equal(19, orders.Count(o => o.GetProperty("source").GetString() == "fast"));
        // A round trip counts for the source that opened it, whoever closed it: 16 round trips, the trades closed.
        Assert.Equal(16, root.GetProperty("metrics").GetProperty("trades").GetInt32());
        // fast: 10 at weight 1; its first round trip won, weight (1+1)/(1+2)*2 -> 13; the second (closed by cloud) won
        // too, weight 1.5 -> 15. cloud's first entry, with no round trip yet, is 10.
        Assert.Equal([("fast", 10m), ("fast", 10m), ("fast", 13m), ("cloud", 13m), ("fast", 15m)],
            orders.Take(5).Select(o => (o.GetProperty("source").GetString(), o.GetProperty("quantity").GetDecimal())));
        Assert.Equal(10m, orders.First(o => o.GetProperty("source").GetString() == "cloud" && o.GetProperty("side").GetString() == "buy")
            .GetProperty("quantity").GetDecimal());
        Assert.Equal(101304.03m, Math.Round(root.GetProperty("finalValue").GetDecimal(), 2));
        Assert.Equal(60104.63m, Math.Round(root.GetProperty("cash").GetDecimal(), 2));
        Assert.True(root.GetProperty("sizing").GetProperty("useAdaptiveWeights").GetBoolean());
        // The run names both configured strategies with every parameter they ran with.
        var strategies = root.GetProperty("run").GetProperty("strategies").EnumerateArray().ToList();
        Assert.Equal([("fast", "sma-cross", "15"), ("cloud", "ema-cloud", "3")], strategies.Select(s => (s.GetProperty("source").GetString(),
            s.GetProperty("name").GetString(), s.GetProperty("parameters").EnumerateObject().First().Value.GetString())));
        Assert.Equal("false", strategies[1].GetProperty("parameters").GetProperty("allowShort").GetString());
        // And the configuration it came from, with the limits the run applied.
        var configFile = root.GetProperty("run").GetProperty("config");
        Assert.Equal(config, configFile.GetProperty("path").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(config))), configFile.GetProperty("sha256").GetString());
        Assert.Equal(1000000m, root.GetProperty("risk").GetProperty("maxOrderNotional").GetDecimal());
    }

    [Fact]
    public async Task Bot_WhosePositionLimitIsBelowOneUnit_HasEveryEntryDeniedAndNoFill()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        // The sample trades around 3600-4100: one unit is worth more than the 1000 allowed.
        var config = dir.File("bulwark.yaml", "bots:\n" + Bot("capped", SmaCross15, more: "    risk: { maxPositionNotional: 1000 }"));

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "capped", "--config", config, "--data", data, "--json");

        Assert.True(run.ExitCode == 0, run.All);
        var root = JsonDocument.Parse(run.StdOut).RootElement;
        var orders = root.GetProperty("orders").EnumerateArray().ToList();
        // The strategy is flat all year, so it only ever signals entries: the same 12 crosses up as the unlimited run.
        Assert.Equal(12, orders.Count);
        Assert.All(orders, o =>
        {
            Assert.Equal("buy", o.GetProperty("side").GetString());
            Assert.Equal("MaxPositionExceeded", o.GetProperty("denied").GetString());
            Assert.Equal(JsonValueKind.Null, o.GetProperty("filledAt").ValueKind);
        });
        var source = root.GetProperty("sources")[0];
        Assert.Equal((12L, 0L, 12L, 12L, 0L, 0L, 0L), Counts(source));
        Assert.Equal(10000m, root.GetProperty("finalValue").GetDecimal());
        // The check's own words, with the numbers.
        Assert.All(orders, o => Assert.Matches(@"^position notional \d+\.\d+ over 1000$", o.GetProperty("deniedDetail").GetString()));
    }

    [Fact]
    public async Task StreakBreakerWithACooldownNoLongerThanABar_IsWarnedAbout_AndALongerOneDeniesMore()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var runs = new List<(string StdErr, int BreakerDenials)>();
        foreach (var cooldown in new[] { "30m", "20d" })
        {
            var config = dir.File($"b{cooldown}.yaml", "bots:\n" + Bot("streak", SmaCross15,
                more: $"    risk: {{ maxConsecutiveLosses: 1, breakerCooldown: {cooldown} }}"));
            var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "streak", "--config", config, "--data", data, "--json");
            Assert.True(run.ExitCode == 0, run.All);
            runs.Add((run.StdErr, JsonDocument.Parse(run.StdOut).RootElement.GetProperty("orders").EnumerateArray()
                .Count(o => o.GetProperty("denied").GetString() == "CircuitBreakerOpen")));
        }

        Assert.Contains("bulwark: risk.breakerCooldown 30m is no longer than the time between bars (1d 0h)", runs[0].StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("breakerCooldown", runs[1].StdErr, StringComparison.Ordinal);
        // The warning is true: the breaker that outlasts a bar keeps later entries from the venue, the 30-minute one does not.
        Assert.True(runs[1].BreakerDenials > runs[0].BreakerDenials, $"{runs[0].BreakerDenials} vs {runs[1].BreakerDenials}");
    }

    [Fact]
    public async Task Bot_WhoseOrdersAreDeniedByADefaultLimit_SaysWhichLimitAndItsValue()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        // Ten units of the sample are 36,000-41,000 an order: over the 25,000 maxOrderNotional a bot has when its risk: sets none.
        var config = dir.File("bulwark.yaml", "bots:\n" + Bot("big", SmaCross15, "{ mode: fixedQuantity, quantity: 10 }",
            more: "    risk: { maxPositionNotional: 1000000 }"));

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "big", "--config", config, "--data", data, "--cash", "100000");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("orders denied by risk:\n  12 MaxOrderNotionalExceeded (risk.maxOrderNotional 25000, the default when not set)\n",
            run.StdOut.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Matches(@"-> denied \(MaxOrderNotionalExceeded: order notional \d+\.\d+ over 25000\)", run.StdOut);

        // A limit the bot sets is named without "the default".
        var set = dir.File("set.yaml", "bots:\n" + Bot("big", SmaCross15, "{ mode: fixedQuantity, quantity: 10 }",
            more: "    risk: { maxPositionNotional: 1000000, maxOrderNotional: 30000 }"));
        var configured = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "big", "--config", set, "--data", data, "--cash", "100000");
        Assert.True(configured.ExitCode == 0, configured.All);
        Assert.Contains("12 MaxOrderNotionalExceeded (risk.maxOrderNotional 30000)\n", configured.StdOut.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandLineAccountOptions_OverrideTheBotsValues_EvenWhenTheyEqualTheOptionDefaults()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", "bots:\n" + Bot("costly", SmaCross15, "{ mode: percentOfEquity, percentOfEquity: 50 }")
            .Replace("initialCash: 10000, slippageBps: 0, commission: { perFill: 0 }", "initialCash: 20000, slippageBps: 3, commission: { perFill: 1.5, perShare: 0.01, maximumPercentOfNotional: 0.5 }", StringComparison.Ordinal));

        var asConfigured = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "costly", "--config", config, "--data", data, "--json");
        // 10000, 0 and 1 are also these options' defaults: written out, they still override.
        var overridden = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "costly", "--config", config, "--data", data,
            "--cash", "10000", "--commission-per-fill", "0", "--commission-per-share", "0", "--commission-max-percent", "100", "--slippage-bps", "0", "--size", "1", "--json");

        Assert.True(asConfigured.ExitCode == 0, asConfigured.All);
        Assert.True(overridden.ExitCode == 0, overridden.All);
        var configured = JsonDocument.Parse(asConfigured.StdOut).RootElement;
        Assert.Equal((1.5m, 0.01m), (configured.GetProperty("commission").GetProperty("perFill").GetDecimal(),
            configured.GetProperty("commission").GetProperty("perShare").GetDecimal()));
        Assert.Equal(3m, configured.GetProperty("slippage").GetProperty("bps").GetDecimal());
        Assert.Equal(0.5m, configured.GetProperty("commission").GetProperty("maximumPercent").GetDecimal());
        Assert.Equal(("percentOfEquity", 50m), (configured.GetProperty("sizing").GetProperty("mode").GetString(),
            configured.GetProperty("sizing").GetProperty("percentOfEquity").GetDecimal()));
        // Half of 20000 is two units of the sample at ~3640: the first entry buys 2.
        Assert.Equal(2m, configured.GetProperty("orders")[0].GetProperty("quantity").GetDecimal());

        var plain = JsonDocument.Parse(overridden.StdOut).RootElement;
        Assert.Equal(("fixedQuantity", 1m), (plain.GetProperty("sizing").GetProperty("mode").GetString(),
            plain.GetProperty("sizing").GetProperty("quantity").GetDecimal()));
        Assert.Equal(100m, plain.GetProperty("commission").GetProperty("maximumPercent").GetDecimal());
        Assert.Equal(10284.10m, Math.Round(plain.GetProperty("finalValue").GetDecimal(), 2));
        Assert.Equal(6164.16m, Math.Round(plain.GetProperty("cash").GetDecimal(), 2));
    }

    [Theory]
    [InlineData(new[] { "--bot", "nope" }, "no bot 'nope' in the configuration; bots: solo")]
    [InlineData(new[] { "--bot", "solo", "--strategy", "sma-cross" }, "give --strategy or --bot, not both")]
    [InlineData(new string[0], "give --strategy NAME")]
    [InlineData(new[] { "--bot", "solo", "--param", "period=3" }, "--param cannot be combined with --bot")]
    [InlineData(new[] { "--bot", "solo", "--asset", "2006-day-001=crypto" }, "--asset cannot be combined with --bot")]
    [InlineData(new[] { "--bot", "solo", "--lot-size", "100" }, "--lot-size cannot be combined with --bot: each instrument's lot comes from the configuration (bots[].instruments[].lotSize)")]
    [InlineData(new[] { "--bot", "solo", "--tick-size", "0.25" }, "--tick-size cannot be combined with --bot: each instrument's tick comes from the configuration (bots[].instruments[].tickSize)")]
    public async Task BadBotUsage_ExitsTwoSayingWhatToGive(string[] args, string problem)
    {
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", "bots:\n" + Bot("solo", SmaCross15));
        dir.File("2006-day-001.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,2,10\n");

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["backtest", "--config", config, "--data", "2006-day-001.csv", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(problem, run.StdErr, StringComparison.Ordinal);
        Assert.Empty(run.StdOut);
    }

    [Fact]
    public async Task AConfiguredTickCoarserThanTheData_IsSaidWithTheFirstPriceOffIt()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var cents = dir.File("cents.yaml", "bots:\n" + Bot("solo", SmaCross15));
        var quarters = dir.File("quarters.yaml", "bots:\n" + Bot("solo", SmaCross15)
            .Replace("""instruments: [ { symbol: "2006-day-001" } ]""", """instruments: [ { symbol: "2006-day-001", tickSize: 0.25 } ]""", StringComparison.Ordinal));

        var onCents = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "solo", "--config", cents, "--data", data, "--json");
        var onQuarters = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "solo", "--config", quarters, "--data", data, "--json");

        Assert.True(onCents.ExitCode == 0 && onQuarters.ExitCode == 0, onCents.All + onQuarters.All);
        Assert.DoesNotContain("not on its tick", onCents.StdErr, StringComparison.Ordinal);
        // The file's first row opens at 3578.73.
        Assert.Contains("bulwark: 2006-day-001: its price 3578.73 at 2006-01-02 is not on its tick 0.25 (bots[].instruments[].tickSize)",
            onQuarters.StdErr, StringComparison.Ordinal);
        Assert.Equal(0.25m, JsonDocument.Parse(onQuarters.StdOut).RootElement.GetProperty("instruments")[0].GetProperty("tickSize").GetDecimal());
    }

    [Fact]
    public async Task TheBotsAccountCurrency_IsTheOneItsBacktestJournals()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", "bots:\n" + Bot("solo", SmaCross15)
            .Replace("venue: { initialCash: 10000,", "venue: { currency: EUR, initialCash: 10000,", StringComparison.Ordinal));

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "solo", "--config", config, "--data", data, "--journal", "j.db");
        var events = await BulwarkProcess.RunAsync(dir.Path, Timeout, "journal", "events", "--file", "j.db", "--type", "AccountInitialized", "--json");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.True(events.ExitCode == 0, events.All);
        Assert.Equal("EUR", JsonDocument.Parse(events.StdOut.Trim()).RootElement.GetProperty("event").GetProperty("currency").GetString());
    }

    [Fact]
    public async Task ADataFileWhoseSymbolIsNotTheBots_ExitsTwoNamingTheFileAndTheSymbol()
    {
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", "bots:\n" + Bot("solo", SmaCross15));
        dir.File("2006-day-001.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,2,10\n");
        dir.File("SPY.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,2,10\n");

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "solo", "--config", config,
            "--data", "2006-day-001.csv,SPY.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--data 'SPY.csv': its symbol 'SPY' (the file name) is not an instrument of bot 'solo'; its instruments: 2006-day-001",
            run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidConfiguration_ExitsTwoNamingTheFileLineAndKey()
    {
        using var dir = new TempDir();
        var config = dir.File("bad.yaml", "bots:\n" + Bot("solo", SmaCross15, "{ mode: fixedQuantity, quantity: -1 }"));
        var unknownStrategy = dir.File("strategy.yaml", "bots:\n" + Bot("solo", """      - { name: martingale, symbols: ["2006-day-001"] }"""));
        dir.File("2006-day-001.csv", "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,2,10\n");

        var bad = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "solo", "--config", config, "--data", "2006-day-001.csv");
        var unknown = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "solo", "--config", unknownStrategy,
            "--data", "2006-day-001.csv");

        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("bad.yaml:8: bots[0].sizing.quantity", bad.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("bots[0].strategies[0].name: unknown strategy 'martingale'", unknown.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bot_WhoseBreakerTrips_SaysWhenAndWhy_InTheTableAndTheJson()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", "bots:\n" + Bot("guarded", SmaCross15, more: "    risk: { maxDailyLoss: 20 }"));

        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "guarded", "--config", config, "--data", data, "--json");
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "guarded", "--config", config, "--data", data);

        Assert.True(json.ExitCode == 0, json.All);
        Assert.True(table.ExitCode == 0, table.All);
        var root = JsonDocument.Parse(json.StdOut).RootElement;
        var notices = root.GetProperty("notices").EnumerateArray().ToList();
        Assert.NotEmpty(notices);
        Assert.All(notices, n => Assert.Equal(("warning", "CircuitBreakerTripped"), (n.GetProperty("severity").GetString(), n.GetProperty("code").GetString())));
        Assert.All(notices, n => Assert.Matches(@"^daily loss [\d.]+ reached 20; new orders denied until ", n.GetProperty("message").GetString()));
        Assert.Equal(notices.Count, root.GetProperty("noticeCounts").GetProperty("CircuitBreakerTripped").GetInt32());
        // The table names them after the sources, one line each.
        var lines = table.StdOut.Split('\n');
        var heading = Array.FindIndex(lines, l => l.StartsWith("notices: ", StringComparison.Ordinal));
        Assert.True(heading > 0, table.StdOut);
        Assert.Equal($"notices: {notices.Count} ({notices.Count} CircuitBreakerTripped)", lines[heading]);
        var first = notices[0];
        Assert.Equal($"  {first.GetProperty("time").GetDateTimeOffset():yyyy-MM-dd} warning  CircuitBreakerTripped: {first.GetProperty("message").GetString()}",
            lines[heading + 1]);
    }

    [Fact]
    public async Task Bot_WithACsvFeed_RunsOnItsOwnFiles_ReadInItsTimeZone_WhenNoDataIsGiven()
    {
        using var dir = new TempDir();
        // Two New York sessions of minute bars written in New York time, in a file whose name is not the symbol.
        var rows = new List<string> { "Date,Time,Open,High,Low,Close,Volume" };
        foreach (var day in new[] { "2024-03-07", "2024-03-08" })
            for (var i = 0; i < 390; i++)
            {
                var close = 100m + Math.Round(3m * (decimal)Math.Sin(i / 7.0), 2);
                var time = new TimeOnly(9, 30).AddMinutes(i);
                rows.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{day},{time:HH:mm:ss},{close},{close + 0.05m},{close - 0.05m},{close},100"));
            }
        dir.File("local-spy.csv", string.Join('\n', rows) + "\n");
        dir.File("SPY.csv", string.Join('\n', rows) + "\n");
        var config = dir.File("bulwark.yaml", """
            bots:
              - id: local
                venue: { initialCash: 10000, slippageBps: 0 }
                feed: { type: csv, timeZone: America/New_York, files: [ { path: local-spy.csv, symbol: SPY } ] }
                instruments: [ { symbol: SPY, exchange: XNYS } ]
                strategies: [ { name: sma-cross, symbols: [SPY], params: { period: 5 } } ]
                tradingHours: { enforce: true, flattenAtClose: false }
            """);

        var own = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "local", "--config", config, "--json");
        var given = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "local", "--config", config,
            "--data", Path.Combine(dir.Path, "SPY.csv"), "--data-time-zone", "America/New_York", "--json");
        var asUtc = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "local", "--config", config,
            "--data", Path.Combine(dir.Path, "SPY.csv"), "--data-time-zone", "UTC", "--json");

        Assert.True(own.ExitCode == 0, own.All);
        Assert.True(given.ExitCode == 0, given.All);
        var (o, g) = (JsonDocument.Parse(own.StdOut).RootElement, JsonDocument.Parse(given.StdOut).RootElement);
        // Every bar inside the sessions, as `run` would read the feed; the same run as the file given in that zone.
        Assert.Equal((780, 0), (o.GetProperty("metrics").GetProperty("barsProcessed").GetInt32(), o.GetProperty("metrics").GetProperty("barsSkipped").GetInt32()));
        Assert.True(Fills(o).Count > 10, own.StdOut);
        Assert.Equal(Fills(g), Fills(o));
        var file = o.GetProperty("run").GetProperty("data")[0];
        Assert.Equal(("SPY", Path.Combine(dir.Path, "local-spy.csv")), (file.GetProperty("symbol").GetString(), file.GetProperty("path").GetString()));
        // --data-time-zone still wins: read as UTC, most of the bars fall outside the sessions.
        Assert.True(JsonDocument.Parse(asUtc.StdOut).RootElement.GetProperty("metrics").GetProperty("barsSkipped").GetInt32() > 300, asUtc.All);
    }

    [Fact]
    public async Task Bot_WithASyntheticFeed_AndNoData_ExitsTwo_SayingItHasNoFilesOfItsOwn()
    {
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", "bots:\n" + Bot("synth", SmaCross15));

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "synth", "--config", config);
        var strategy = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--data is required: bot 'synth' has a synthetic feed, so it has no bar files of its own to run on", run.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, strategy.ExitCode);
        Assert.Contains("--data is required", strategy.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bot_GivenASizeThatIsNotWholeLots_ExitsTwo_PointingToTheConfiguredLotSize()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", "bots:\n" + Bot("solo", SmaCross15));

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "solo", "--config", config, "--data", data, "--size", "0.5");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--size 0.5: 2006-day-001 trades in whole lots of 1 (equity), so every entry would be 0; give whole lots, or set 2006-day-001's lotSize in the configuration (bots[].instruments[].lotSize)",
            run.StdErr, StringComparison.Ordinal);
    }

    private static List<(string?, string?, decimal?, string?)> Fills(JsonElement root) =>
    [
        .. root.GetProperty("orders").EnumerateArray().Select(o => (o.GetProperty("side").GetString(), o.GetProperty("createdAt").GetString(),
            (decimal?)o.GetProperty("fillPrice").GetDecimal(), o.GetProperty("filledAt").GetString())),
    ];

    /// <summary>signals, denied, orders, ordersDenied, fills, roundTrips, wins.</summary>
    private static (long, long, long, long, long, long, long) Counts(JsonElement s) =>
        (s.GetProperty("signals").GetInt64(), s.GetProperty("denied").GetInt64(), s.GetProperty("orders").GetInt64(),
         s.GetProperty("ordersDenied").GetInt64(), s.GetProperty("fills").GetInt64(), s.GetProperty("roundTrips").GetInt64(),
         s.GetProperty("wins").GetInt64());
}
