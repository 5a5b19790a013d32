using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>
/// --dividends: a position held at the close before an ex-date receives (long) or pays (short) the dividend, the run
/// says what they came to, and each trade carries its own.
/// </summary>
public sealed class BacktestDividendTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Four ex-dates of 10 a unit in 2006, one of them a Saturday (2006-09-16: paid at the Monday's bar).</summary>
    private static readonly (DateOnly ExDate, decimal Amount)[] Dividends =
        [(new(2006, 3, 15), 10m), (new(2006, 7, 20), 10m), (new(2006, 9, 16), 10m), (new(2006, 12, 15), 10m)];

    private static string DividendFile(TempDir dir, string symbol = "2006-day-001") => dir.File("dividends.csv",
        "ex_date,amount,symbol\n" + string.Concat(Dividends.Select(d => $"{d.ExDate:yyyy-MM-dd},{d.Amount},{symbol}\n")));

    [Theory]
    [InlineData("sma-cross", "period=15")]
    [InlineData("ema-cloud", "allowShort=true")]
    public async Task EachExDate_PaysThePositionHeldTheCloseBefore_AndTheValueAndTheTradesMoveByExactlyThat(string strategy, string parameter)
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", strategy, "--param", parameter, "--data", data, "--no-calendar", "--json"];

        var plain = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);
        var paid = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--dividends", DividendFile(dir)]);

        Assert.True(plain.ExitCode == 0, plain.All);
        Assert.True(paid.ExitCode == 0, paid.All);
        var plainRoot = JsonDocument.Parse(plain.StdOut).RootElement;
        var root = JsonDocument.Parse(paid.StdOut).RootElement;
        var total = root.GetProperty("dividends").GetProperty("total").GetDecimal();
        Assert.Equal(4, root.GetProperty("dividends").GetProperty("exDates").GetInt32());
        // A fixed size: the orders are the same, so the value differs by the dividends alone.
        Assert.Equal(plainRoot.GetProperty("orders").GetRawText(), root.GetProperty("orders").GetRawText());
        Assert.Equal(plainRoot.GetProperty("finalValue").GetDecimal() + total, root.GetProperty("finalValue").GetDecimal());
        Assert.Equal(Expected(root), total);
        Assert.NotEqual(0m, total);
        var trades = root.GetProperty("trades").EnumerateArray().ToList();
        Assert.Equal(total, trades.Sum(t => t.GetProperty("dividends").GetDecimal()));
        Assert.Equal(root.GetProperty("finalValue").GetDecimal() - 10_000m, trades.Sum(t => t.GetProperty("pnl").GetDecimal()));
        if (parameter.Contains("allowShort", StringComparison.Ordinal))
            Assert.Contains(trades, t => t.GetProperty("side").GetString() == "short" && t.GetProperty("dividends").GetDecimal() < 0m);
    }

    [Fact]
    public async Task TheTableReportAndTradesCsvSayWhatDividendsCameTo()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", data,
            "--no-calendar", "--dividends", DividendFile(dir), "--report", "r.html", "--export", "out");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("\ndividends 30.00 (received by longs less paid by shorts, of 4 ex-dates given)\n", run.StdOut, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(dir.Path, "r.html"));
        Assert.Contains("<th>Dividends (received less paid)</th><td>30.00</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th>Quantity</th><th>Dividends</th><th>PnL</th>", html, StringComparison.Ordinal);
        var rows = File.ReadAllLines(Path.Combine(dir.Path, "out", "trades.csv"));
        var column = Array.IndexOf(rows[0].Split(','), "dividends");
        Assert.True(column >= 0, rows[0]);
        Assert.Equal(30m, rows.Skip(1).Sum(r => decimal.Parse(r.Split(',')[column], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("symbol,ex_date,amount\n2006-day-001,2006-13-01,1\n", "--dividends '{0}' line 2: ex_date '2006-13-01' is not a date (yyyy-MM-dd)")]
    [InlineData("symbol,ex_date,amount\n2006-day-001,2006-03-01,0\n", "--dividends '{0}' line 2: amount '0' is not a dividend above 0 a share")]
    [InlineData("symbol,date,amount\n", "--dividends '{0}' line 1: no 'ex_date' column")]
    [InlineData("symbol,ex_date,amount\n2006-day-001,2006-03-01,1\n\n2006-day-001,2006-03-01,2\n", "--dividends '{0}' line 4: 2006-day-001's dividend with ex-date 2006-03-01 is given twice")]
    [InlineData("symbol,ex_date,amount\nXYZ,2006-03-01,1\n", "--dividends: XYZ is not an instrument of this run; its instruments: 2006-day-001")]
    public async Task ABadDividendFile_IsAUsageErrorNamingTheFileAndLine(string text, string problem)
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        var file = dir.File("d.csv", text);

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--data", data, "--no-calendar",
            "--dividends", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, problem, file), run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DividendsOnAdjustedPrices_AreAUsageError_SinceThosePricesHoldThemAlready()
    {
        using var dir = new TempDir();
        dir.File("X.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n2006-03-14,10,10,10,10,9.5,100\n2006-03-15,10,10,10,10,9.5,100\n");

        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--data", "X.csv", "--no-calendar",
            "--adjusted", "--dividends", DividendFile(dir, "X"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--dividends with --adjusted would pay every dividend twice", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABotsConfiguredDividends_AreItsBaseline_AndWithAdjustedPricesAUsageError()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        DividendFile(dir);
        var config = dir.File("bulwark.yaml", """
            bots:
              - id: payer
                venue: { initialCash: 10000, slippageBps: 0, commission: { perFill: 0 }, dividends: dividends.csv }
                feed: { type: synthetic, symbols: [ { symbol: "2006-day-001", startPrice: 100 } ] }
                instruments: [ { symbol: "2006-day-001" } ]
                strategies:
                  - { name: sma-cross, symbols: ["2006-day-001"], params: { period: 15 } }
                sizing: { mode: fixedQuantity, quantity: 1 }
                tradingHours: { enforce: false }
            """);

        var bot = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "payer", "--config", config, "--data", data, "--json");
        var same = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", data,
            "--no-calendar", "--dividends", Path.Combine(dir.Path, "dividends.csv"), "--json");
        // Prices with an adjusted close, for a bot of their own: adjusting them would hold the dividends already.
        dir.File("X.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n2006-03-14,10,10,10,10,9.5,100\n2006-03-15,10,10,10,10,9.5,100\n");
        dir.File("x-dividends.csv", "symbol,ex_date,amount\nX,2006-03-15,0.5\n");
        var adjustedConfig = dir.File("adjusted.yaml", File.ReadAllText(config).Replace("2006-day-001", "X", StringComparison.Ordinal)
            .Replace("dividends.csv", "x-dividends.csv", StringComparison.Ordinal));
        var adjusted = await BulwarkProcess.RunAsync(dir.Path, Timeout, "backtest", "--bot", "payer", "--config", adjustedConfig, "--data", "X.csv", "--adjusted");

        Assert.True(bot.ExitCode == 0, bot.All);
        Assert.True(same.ExitCode == 0, same.All);
        static decimal Total(CliRun r) => JsonDocument.Parse(r.StdOut).RootElement.GetProperty("dividends").GetProperty("total").GetDecimal();
        Assert.Equal(Total(same), Total(bot));
        Assert.NotEqual(0m, Total(bot));
        Assert.Equal(2, adjusted.ExitCode);
        Assert.Contains("bot 'payer''s venue.dividends with --adjusted would pay every dividend twice", adjusted.StdErr, StringComparison.Ordinal);
    }

    /// <summary>
    /// The dividends worked out from the fills alone: each ex-date pays the position the fills before it left, times the
    /// dividend (the sample has a bar before each ex-date).
    /// </summary>
    private static decimal Expected(JsonElement root)
    {
        var fills = root.GetProperty("orders").EnumerateArray().Where(o => o.GetProperty("filledAt").ValueKind == JsonValueKind.String)
            .Select(o => (Date: DateOnly.FromDateTime(o.GetProperty("filledAt").GetDateTimeOffset().UtcDateTime),
                Signed: (o.GetProperty("side").GetString() == "buy" ? 1m : -1m) * o.GetProperty("quantity").GetDecimal())).ToList();
        return Dividends.Sum(d => fills.Where(f => f.Date < d.ExDate).Sum(f => f.Signed) * d.Amount);
    }
}
