using System.Globalization;
using System.Diagnostics;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;

namespace Bulwark.Cli.Tests;

public sealed class OperatorCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Kill_WhileRunning_IsAppliedWithinOneSecondAndSurvivesRestart()
    {
        using var dir = new TempDir();
        using var bot = BulwarkProcess.Start(dir.Path, null, "run", "--data-dir", "d");
        await bot.WaitForOutputAsync("started", Timeout);

        var kill = await BulwarkProcess.RunAsync(dir.Path, Timeout, "kill", "--reason", "test halt", "--data-dir", "d");
        Assert.True(kill.ExitCode == 0, kill.All);
        var sw = Stopwatch.StartNew();
        string state;
        do
        {
            state = await TradingStateAsync(dir.Path);
            if (state == "Halted") break;
        } while (sw.Elapsed < TimeSpan.FromSeconds(15));
        Assert.Equal("Halted", state);

        bot.Terminate();
        var stopped = await bot.WaitAsync(Timeout);
        Assert.True(stopped.ExitCode == 0, $"SIGTERM should stop gracefully\n{stopped.All}");

        var again = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--data-dir", "d", "--duration", "1s");
        Assert.Contains("Halted", again.StdOut);
        Assert.Equal("Halted", await TradingStateAsync(dir.Path));

        var resume = await BulwarkProcess.RunAsync(dir.Path, Timeout, "resume", "--data-dir", "d");
        Assert.True(resume.ExitCode == 0, resume.All);
        Assert.Equal("Active", await TradingStateAsync(dir.Path));
    }

    [Fact]
    public async Task Status_SaysWhichCurrencyTheAccountIsIn()
    {
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", """
            bots:
              - id: yen-1
                venue: { type: paper, currency: JPY, initialCash: 15000000 }
                feed: { type: synthetic, symbols: [ { symbol: X, startPrice: 150 } ] }
                instruments: [ { symbol: X } ]
                strategies: [ { name: sma-cross, symbols: [X] } ]
                tradingHours: { enforce: false }
            """);

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--config", config, "--data-dir", "d", "--duration", "1s");
        var status = await BulwarkProcess.RunAsync(dir.Path, Timeout, "status", "--config", config, "--data-dir", "d");
        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, "status", "--config", config, "--data-dir", "d", "--json");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Matches(@"\| cash \d+\.\d\d JPY \| day PnL", run.StdOut);
        Assert.True(status.ExitCode == 0, status.All);
        Assert.Matches(@"^  cash \d+\.\d\d JPY, day PnL", status.StdOut.Split('\n')[1]);
        Assert.Equal("JPY", JsonDocument.Parse(json.StdOut).RootElement.GetProperty("bots")[0].GetProperty("currency").GetString());
    }

    [Fact]
    public async Task ADrawdownStopResumedWhileTheBotIsStopped_MeasuresFromTheValueAtItsFirstBarAfter()
    {
        using var dir = new TempDir();
        // Twenty dollars of the hundred thousand: the first losing trades trip it.
        var config = StoppedEarly(dir, "dd", "maxDrawdownPercent: 0.02");

        var first = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--config", config, "--data-dir", "d", "--duration", "4s");
        var tripped = await BulwarkProcess.RunAsync(dir.Path, Timeout, "status", "--config", config, "--data-dir", "d", "--json");
        var resume = await BulwarkProcess.RunAsync(dir.Path, Timeout, "resume", "--config", config, "--data-dir", "d");
        var second = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--config", config, "--data-dir", "d", "--duration", "2s");
        var events = await BulwarkProcess.RunAsync(dir.Path, Timeout, "journal", "events", "--type", "TradingStateChanged", "--type", "PeakEquityReset",
            "--json", "--config", config, "--data-dir", "d");

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.All + second.All);
        var bot = JsonDocument.Parse(tripped.StdOut).RootElement.GetProperty("bots")[0];
        Assert.Equal("Reducing", bot.GetProperty("tradingState").GetString());
        Assert.StartsWith("drawdown stop: ", bot.GetProperty("tradingStateReason").GetString(), StringComparison.Ordinal);
        Assert.Contains("Active (bot not running; persisted)", resume.StdOut, StringComparison.Ordinal);
        // The resume was written into the journal, not sent to a kernel: the reset still follows it, at the next life's first bar.
        var records = events.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var resumed = records.FindIndex(r => r.GetProperty("type").GetString() == "TradingStateChanged"
                                             && r.GetProperty("event").GetProperty("state").GetString() == "Active");
        var reset = records.FindIndex(r => r.GetProperty("type").GetString() == "PeakEquityReset");
        Assert.True(resumed >= 0 && reset == resumed + 1, events.StdOut);
        Assert.True(records[reset].GetProperty("event").GetProperty("equity").GetDecimal() < 100_000m, events.StdOut);
    }

    [Fact]
    public async Task ADailyLossStopTrippedInARun_IsJournaled_AndStatusSaysItWhileItsDayLasts()
    {
        using var dir = new TempDir();
        // Ten dollars of the hundred thousand: the first losing bars of a position trip it.
        var config = StoppedEarly(dir, "dl", "maxDailyLossPercent: 0.01");

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--config", config, "--data-dir", "d", "--duration", "4s");
        var status = await BulwarkProcess.RunAsync(dir.Path, Timeout, "status", "--config", config, "--data-dir", "d", "--json");
        var text = await BulwarkProcess.RunAsync(dir.Path, Timeout, "status", "--config", config, "--data-dir", "d");
        var events = await BulwarkProcess.RunAsync(dir.Path, Timeout, "journal", "events", "--type", "DailyLossStopTripped", "--json",
            "--config", config, "--data-dir", "d");

        Assert.True(run.ExitCode == 0 && status.ExitCode == 0 && text.ExitCode == 0 && events.ExitCode == 0, run.All + status.All + events.All);
        var trips = events.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("event")).ToList();
        Assert.NotEmpty(trips);
        var last = trips[^1];
        Assert.True(last.GetProperty("value").GetDecimal() <= last.GetProperty("openingValue").GetDecimal() * 0.9999m, events.StdOut);
        var bot = JsonDocument.Parse(status.StdOut).RootElement.GetProperty("bots")[0];
        Assert.Equal("Active", bot.GetProperty("tradingState").GetString()); // the stop is the day's, not the operator's switch
        // The entries it denied are the source's, by reason: its signals passed, their orders did not.
        var source = bot.GetProperty("sources")[0];
        var denied = source.GetProperty("ordersDenied").GetInt64();
        Assert.Equal(denied, source.GetProperty("ordersDeniedByReason").EnumerateObject().Sum(r => r.Value.GetInt64()));
        if (denied > 0)
        {
            Assert.Equal(denied, source.GetProperty("ordersDeniedByReason").GetProperty("DailyLossStop").GetInt64());
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $" orders ({denied} denied by risk: {denied} DailyLossStop), "), text.StdOut, StringComparison.Ordinal);
        }
        // The day the journal last rolled to decides: a run that crossed New York's midnight after the trip trades again.
        if (bot.GetProperty("tradingDate").GetString() == last.GetProperty("tradingDate").GetString())
        {
            Assert.Equal(last.GetProperty("reason").GetString(), bot.GetProperty("dailyLossStop").GetString());
            Assert.Contains("\n  DAILY LOSS STOP: daily loss stop: the account lost ", text.StdOut, StringComparison.Ordinal);
        }
        else Assert.Equal(JsonValueKind.Null, bot.GetProperty("dailyLossStop").ValueKind);
    }

    [Fact]
    public async Task Status_SaysTheBooksVolatilityCap_ItsTrim_TheDrawdownAndDailyLossStops_AndTheCooldown_BeforeTheBotFirstRuns()
    {
        using var dir = new TempDir();
        var config = dir.File("bulwark.yaml", """
            bots:
              - id: capped
                venue: { type: paper }
                feed: { type: synthetic, symbols: [ { symbol: X, startPrice: 100 } ] }
                instruments: [ { symbol: X, group: tech } ]
                strategies: [ { name: sma-cross, symbols: [X], params: { period: 2 } } ]
                sizing: { mode: fixedQuantity, quantity: 10, maxPortfolioVolatilityPercent: 12, portfolioVolatilityTrimPercent: 25 }
                risk: { maxDrawdownPercent: 15, maxDailyLossPercent: 3, maxPositionLossPercent: 2, maxGroupExposurePercent: 40, maxGroupExposurePercents: { tech: 30 }, maxOrdersPerDay: 50, maxOrdersPerMinute: 20, cooldownAfterLoss: 4h }
            """);

        var status = await BulwarkProcess.RunAsync(dir.Path, Timeout, "status", "--config", config, "--data-dir", "d");
        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, "status", "--config", config, "--data-dir", "d", "--json");

        Assert.True(status.ExitCode == 0, status.All);
        Assert.Contains("  book limits: 0 positions open, a group at most 40% of the account (tech 30%), volatility at most 12% a year, trimmed back to it 25% over, reduce-only 15% below the peak, no new exposure for the day 3% below its opening value, a position closed at an open loss of 2% of the account, 0 of at most 50 orders sent today, 0 of at most 20 orders in the last minute, no entry in a symbol for 4h 0m after a loss there\n", status.StdOut, StringComparison.Ordinal);
        var limits = JsonDocument.Parse(json.StdOut).RootElement.GetProperty("bots")[0].GetProperty("limits");
        Assert.Equal((12m, 25m, 15m, 3m), (limits.GetProperty("maxPortfolioVolatilityPercent").GetDecimal(), limits.GetProperty("portfolioVolatilityTrimPercent").GetDecimal(),
            limits.GetProperty("maxDrawdownPercent").GetDecimal(), limits.GetProperty("maxDailyLossPercent").GetDecimal()));
        Assert.Equal("04:00:00", limits.GetProperty("cooldownAfterLoss").GetString());
        Assert.Equal((50, 0), (limits.GetProperty("maxOrdersPerDay").GetInt32(), limits.GetProperty("ordersSentToday").GetInt32()));
        Assert.Equal((20, 0), (limits.GetProperty("maxOrdersPerMinute").GetInt32(), limits.GetProperty("ordersLastMinute").GetInt32()));
        Assert.Equal((2m, 40m), (limits.GetProperty("maxPositionLossPercent").GetDecimal(), limits.GetProperty("maxGroupExposurePercent").GetDecimal()));
        Assert.Equal(30m, limits.GetProperty("maxGroupExposurePercents").GetProperty("tech").GetDecimal());
    }

    [Fact]
    public async Task APaperBotHoldingOvernight_PaysTheConfiguredFinancing_EarnsInterestAndDividends_AndStatusAndReconcileAgreeWithTheVenue()
    {
        using var dir = new TempDir();
        // Day one: a dip, then a rise to 103 held flat (sma-cross period 2 buys 10 on the way up and never sees a cross
        // down; seventeen bars at 20 a second leave the order most of a second to fill today); day two goes on up.
        var rows = new List<string> { "Date,Time,Open,High,Low,Close,Volume" };
        decimal[] dayOne = [100m, 99m, 101m, .. Enumerable.Repeat(103m, 17)];
        rows.AddRange(dayOne.Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"2024-03-04,10:{i:00}:00,{c},{c},{c},{c},1000")));
        rows.AddRange(new[] { 104m, 105m }.Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"2024-03-05,10:{i:00}:00,{c},{c},{c},{c},1000")));
        File.WriteAllLines(Path.Combine(dir.Path, "X.csv"), rows);
        // X goes ex-dividend on day two: the ten held at day one's close receive 0.50 a share at day two's first bar.
        dir.File("dividends.csv", "symbol,ex_date,amount\nX,2024-03-05,0.5\n");
        var config = dir.File("bulwark.yaml", """
            bots:
              - id: carry
                venue: { type: paper, slippageBps: 0, dividends: dividends.csv, financing: { longPercent: 1, shortPercent: 0, cashPercent: 3.65, symbols: { X: { longPercent: 36.5 } } } }
                feed: { type: csv, interval: 1m, barsPerSecond: 20, files: [ { path: X.csv, symbol: X } ] }
                instruments: [ { symbol: X } ]
                strategies: [ { name: sma-cross, symbols: [X], params: { period: 2 }, swing: true } ]
                sizing: { mode: fixedQuantity, quantity: 10 }
                risk: { maxOpenPositions: 3, maxGrossExposurePercent: 150 }
                tradingHours: { enforce: false }
            """);

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--config", config, "--data-dir", "d");
        var status = await BulwarkProcess.RunAsync(dir.Path, Timeout, "status", "--config", config, "--data-dir", "d");
        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, "status", "--config", config, "--data-dir", "d", "--json");
        var reconcile = await BulwarkProcess.RunAsync(dir.Path, Timeout, "reconcile", "--config", config, "--data-dir", "d", "--json");

        Assert.True(run.ExitCode == 0, run.All);
        var bot = JsonDocument.Parse(json.StdOut).RootElement.GetProperty("bots")[0];
        Assert.Equal(10m, bot.GetProperty("positions")[0].GetProperty("quantity").GetDecimal());
        // Who opened it and when: what its stops and a time stop follow.
        Assert.Equal("sma-cross", bot.GetProperty("positions")[0].GetProperty("openedBy").GetString());
        Assert.Equal(JsonValueKind.String, bot.GetProperty("positions")[0].GetProperty("openedAt").ValueKind);
        Assert.Matches(@"\n  X: 10 @ [\d.]+ \(realized [-\d.]+\), opened by sma-cross \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\n", status.StdOut);
        // The buy was decided at 101, the close that crossed above the 2-bar average: its fill's distance from there is the
        // source's implementation shortfall, in status as in a backtest.
        var shortfall = (bot.GetProperty("positions")[0].GetProperty("averagePrice").GetDecimal() - 101m) * 10m;
        Assert.Equal(shortfall, bot.GetProperty("sources")[0].GetProperty("implementationShortfall").GetDecimal());
        if (shortfall != 0m)
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $", implementation shortfall {shortfall:0.00}, weight "), status.StdOut, StringComparison.Ordinal);
        // The limits on the whole book beside what it holds.
        Assert.Contains("  book limits: 1 of at most 3 positions open, gross exposure at most 150% of the account\n", status.StdOut, StringComparison.Ordinal);
        var limits = bot.GetProperty("limits");
        Assert.Equal((1, 3, 150m), (limits.GetProperty("openPositions").GetInt32(), limits.GetProperty("maxOpenPositions").GetInt32(),
            limits.GetProperty("maxGrossExposurePercent").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, limits.GetProperty("maxPortfolioVolatilityPercent").ValueKind);
        // Ten held from day one's last close, 103, into day two: 1,030 x X's own 36.5 % / 365 for one day.
        Assert.Equal(-1.03m, bot.GetProperty("financing").GetDecimal());
        Assert.Contains("  financing -1.03 (positions held overnight, as the venue charged it)", status.StdOut, StringComparison.Ordinal);
        Assert.Equal(5.00m, bot.GetProperty("dividends").GetDecimal());
        Assert.Contains("  dividends 5.00 (received by longs less paid by shorts, as the venue paid them)", status.StdOut, StringComparison.Ordinal);
        // Day one's closing cash, C, earned 3.65 % / 365 for one day at day two's first bar, before the financing was
        // charged and the dividend paid: the cash now is C + interest - 1.03 + 5.
        var interest = bot.GetProperty("interest").GetDecimal();
        var dayOneCash = bot.GetProperty("cash").GetDecimal() - interest + 1.03m - 5m;
        Assert.Equal(Math.Round(dayOneCash * 0.0001m, 6), interest);
        Assert.InRange(interest, 9m, 10m);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"  interest {interest:0.00} (idle cash, as the venue paid it)"), status.StdOut, StringComparison.Ordinal);
        Assert.True(reconcile.ExitCode == 0, reconcile.All);
        var books = JsonDocument.Parse(reconcile.StdOut).RootElement.GetProperty("bots")[0];
        Assert.Equal(books.GetProperty("venueCash").GetDecimal(), books.GetProperty("engineCash").GetDecimal());
    }

    [Fact]
    public async Task Status_SaysWhyEachSourcesSignalsWereDenied_AndTheLastDenialsDetail()
    {
        using var dir = new TempDir();
        // Up, down, up, down: sma-cross period 2 signals at each turn, and the kill switch, set before the run, denies each.
        var rows = new List<string> { "Date,Time,Open,High,Low,Close,Volume" };
        decimal[] closes = [100m, 99m, 101m, 103m, 100m, 98m, 102m, 104m];
        rows.AddRange(closes.Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"2024-03-04,10:{i:00}:00,{c},{c},{c},{c},1000")));
        File.WriteAllLines(Path.Combine(dir.Path, "X.csv"), rows);
        var config = dir.File("bulwark.yaml", """
            bots:
              - id: held
                venue: { type: paper, slippageBps: 0 }
                feed: { type: csv, interval: 1m, barsPerSecond: 50, files: [ { path: X.csv, symbol: X } ] }
                instruments: [ { symbol: X } ]
                strategies: [ { name: sma-cross, symbols: [X], params: { period: 2 } } ]
                sizing: { mode: fixedQuantity, quantity: 10 }
                tradingHours: { enforce: false }
            """);

        var kill = await BulwarkProcess.RunAsync(dir.Path, Timeout, "kill", "--reason", "desk review", "--config", config, "--data-dir", "d");
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "run", "--config", config, "--data-dir", "d");
        var status = await BulwarkProcess.RunAsync(dir.Path, Timeout, "status", "--config", config, "--data-dir", "d");
        var json = await BulwarkProcess.RunAsync(dir.Path, Timeout, "status", "--config", config, "--data-dir", "d", "--json");

        Assert.True(kill.ExitCode == 0, kill.All);
        Assert.True(run.ExitCode == 0, run.All);
        Assert.True(json.ExitCode == 0, json.All);
        var source = Assert.Single(JsonDocument.Parse(json.StdOut).RootElement.GetProperty("bots")[0].GetProperty("sources").EnumerateArray());
        Assert.Equal("sma-cross", source.GetProperty("source").GetString());
        var denied = source.GetProperty("denied").GetInt64();
        Assert.True(denied >= 2, source.GetRawText());
        Assert.Equal(denied, source.GetProperty("deniedByReason").GetProperty("TradingHalted").GetInt64());
        Assert.Equal(0, source.GetProperty("orders").GetInt64());
        var last = source.GetProperty("lastDenied");
        Assert.Equal(("X", "TradingHalted", "trading halted: desk review"),
            (last.GetProperty("symbol").GetString(), last.GetProperty("reason").GetString(), last.GetProperty("detail").GetString()));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"  sma-cross: {source.GetProperty("signals").GetInt64()} signals, {denied} denied ({denied} TradingHalted), 0 orders"),
            status.StdOut, StringComparison.Ordinal);
        Assert.Matches(@"\n    last denied \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ, X: TradingHalted \(trading halted: desk review\)\n", status.StdOut);
    }

    /// <summary>
    /// The configuration of bot <paramref name="id"/>, trading 25 AAA at a time on a fast synthetic market from 100,000, with
    /// <paramref name="stop"/> (a risk key and its value) set low enough to trip in its first seconds.
    /// </summary>
    private static string StoppedEarly(TempDir dir, string id, string stop) => dir.File("bulwark.yaml", $$"""
        bots:
          - id: {{id}}
            venue: { type: paper, initialCash: 100000 }
            feed: { type: synthetic, seed: 7, interval: 1m, barsPerSecond: 60, symbols: [ { symbol: AAA, startPrice: 50 } ] }
            instruments: [ { symbol: AAA } ]
            strategies: [ { name: sma-cross, symbols: [AAA], params: { period: 3 } } ]
            sizing: { mode: fixedQuantity, quantity: 25 }
            risk: { {{stop}} }
            tradingHours: { enforce: false }
        """);

    private static async Task<string> TradingStateAsync(string cwd)
    {
        var run = await BulwarkProcess.RunAsync(cwd, Timeout, "status", "--json", "--data-dir", "d");
        Assert.True(run.ExitCode == 0, run.All);
        return JsonDocument.Parse(run.StdOut).RootElement.GetProperty("bots")[0].GetProperty("tradingState").GetString()!;
    }
}
