using System.Globalization;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>
/// The rules' orders on the 2006 sample are the ones each rule gives when read off what `bulwark indicators` prints:
/// macd-cross's from the MACD (the line crossing above its signal line or zero buys, below sells; with zeroFilter=trend a
/// cross above buys only with the line above zero; with trendAverage=ema, only with the close above the EMA printed), ma-cross's from the two averages printed (the fast one crossing above the slow one buys, below sells), trix's from the TRIX line and its signal line printed alike, donchian-breakout's from the channels (a close above the previous row's donchian_20_top enters, one below
/// the previous row's donchian_10_bot exits; with trendPeriod, an entry only on its side of the printed SMA; with
/// skipAfterWin, not after a winning paper trade of the breakout before), keltner-breakout's from the Keltner channel (a close above its top
/// enters, one below the middle, or the top of a channel exitMultiplier ranges wide, exits; with squeezeBars, an entry
/// only soon after the Bollinger bands printed were inside the channel), rsi-reversion's from the RSI (an RSI(2) under 10 buys, one of 70 or more
/// sells what was bought, and with shorts one over 90 sells short), bollinger-reversion's from the bands (a close under
/// the lower band buys, one back at the middle, or at the band half a deviation out for that exit, sells; with
/// trendAverage=ema, a buy only above the EMA printed and a short only below; with maxBandwidth, only while the bands
/// are at most that wide),
/// stochastic-reversion's from the stochastic (a %K, or %D, under 20 buys, one of 50 or more sells what was bought; with
/// entry=cross only at a cross of %K above %D), supertrend's from its line's direction (a turn up buys, a turn down sells),
/// parabolic-sar's from its stop's direction alike, aroon's from its oscillator's turns past the threshold, ichimoku's
/// from the closes' breaks through the cloud printed at their bars, kama's from the turns of the average printed.
/// </summary>
public sealed partial class BacktestRuleOrdersTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(false, null, false)]
    [InlineData(true, null, false)]
    [InlineData(true, 50, false)]
    [InlineData(true, null, true)]
    public async Task DonchianBreakout_BreaksOutOfTheChannelsTheIndicatorsCommandPrints(bool allowShort, int? smaTrend, bool skipAfterWin)
    {
        string[] trend = smaTrend is { } bars ? ["--param", $"trendPeriod={bars}"] : [];
        string[] skip = skipAfterWin ? ["--param", "skipAfterWin=true"] : [];
        var runs = await RunAsync(["--strategy", "donchian-breakout", "--param", Shorts(allowShort), .. trend, .. skip],
            ["donchian:20", "donchian:10", .. smaTrend is { } period ? [$"sma:{period}"] : Array.Empty<string>()]);
        if (runs is not var (data, run, rows)) return;

        var closes = ClosesByDate(data);
        // date, then mid, top, bot of the 20-bar channel and of the 10-bar one, then the SMA of the trend (of the closes up
        // to the row's): longs only above it and shorts only below, none before it is printed. With skipAfterWin, a paper
        // trade of each breakout while none is open, in at its close and out at the close beyond the exit channel or
        // breaking out the other way: a breakout whose paper trade follows a winner is not an entry.
        var rule = new LevelRule(allowShort);
        var (paperSide, paperEntry, lastWon, skipped) = (0, 0m, false, false);
        for (var t = 1; t < rows.Length; t++)
        {
            var before = rows[t - 1];
            if (before[2].Length == 0 || before[6].Length == 0) continue; // the channels of the bars before are not full yet
            decimal At(int column) => decimal.Parse(before[column], CultureInfo.InvariantCulture);
            var close = closes[rows[t][0]];
            var (longs, shorts) = smaTrend is null ? (true, true) : TrendSides(close, rows[t][7]);
            var (up, down, exitLong, exitShort) = (close > At(2), allowShort && close < At(3), close < At(6), close > At(5));
            if ((paperSide > 0 && (exitLong || down)) || (paperSide < 0 && (exitShort || up))) (lastWon, paperSide) = (paperSide * (close - paperEntry) > 0m, 0);
            if (paperSide == 0 && (up || down)) (paperSide, paperEntry, skipped) = (up ? 1 : -1, close, lastWon);
            var taken = !skipAfterWin || !skipped;
            rule.Step(rows[t][0], enterLong: up && longs && taken, enterShort: down && shorts && taken, exitLong: exitLong, exitShort: exitShort);
        }

        rule.AssertIsWhat(run);
    }

    [Theory]
    [InlineData(false, "1.5", "0", null)]
    [InlineData(true, "2", "0.5", null)]
    [InlineData(true, "2", "0", 20)]
    public async Task KeltnerBreakout_BreaksOutOfTheChannelTheIndicatorsCommandPrints(bool allowShort, string multiplier, string exitMultiplier, int? squeezeBars)
    {
        string[] squeeze = squeezeBars is { } within ? ["--param", $"squeezeBars={within}"] : [];
        var runs = await RunAsync(
            ["--strategy", "keltner-breakout", "--param", $"multiplier={multiplier}", "--param", $"exitMultiplier={exitMultiplier}", "--param", Shorts(allowShort), .. squeeze],
            [$"keltner:20:{multiplier}:10", "bbands:20:2", .. exitMultiplier == "0" ? Array.Empty<string>() : [$"keltner:20:{exitMultiplier}:10"]]);
        if (runs is not var (data, run, rows)) return;

        var closes = ClosesByDate(data);
        // date, then mid, top, bot of the entry channel, of the bars up to the row's; those of the Bollinger bands; and
        // with an exitMultiplier, of a channel that many ranges wide, whose top and bottom are the exits (with 0, the
        // middle is). With squeezeBars, an entry only when the bands were inside the channel on one of that many rows.
        var (exitLong, exitShort) = exitMultiplier == "0" ? (1, 1) : (8, 9);
        var rule = new LevelRule(allowShort);
        int? sinceSqueeze = null;
        foreach (var row in rows.Where(r => r[1].Length > 0))
        {
            decimal At(int column) => decimal.Parse(row[column], CultureInfo.InvariantCulture);
            var close = closes[row[0]];
            sinceSqueeze = At(5) < At(2) && At(6) > At(3) ? 0 : sinceSqueeze + 1;
            var squeezed = squeezeBars is null || sinceSqueeze < squeezeBars;
            rule.Step(row[0], enterLong: close > At(2) && squeezed, enterShort: close < At(3) && squeezed,
                exitLong: close < At(exitLong), exitShort: close > At(exitShort));
        }

        rule.AssertIsWhat(run);
    }

    [Theory]
    [InlineData("supertrend", "supertrend:7:2", false, "period=7", "multiplier=2")]
    [InlineData("supertrend", "supertrend:7:2", true, "period=7", "multiplier=2")]
    [InlineData("supertrend", "supertrend:10:1.5", true, "period=10", "multiplier=1.5")]
    [InlineData("parabolic-sar", "psar:0.02:0.2", false, "acceleration=0.02", "maxAcceleration=0.2")]
    [InlineData("parabolic-sar", "psar:0.02:0.2", true, "acceleration=0.02", "maxAcceleration=0.2")]
    [InlineData("parabolic-sar", "psar:0.01:0.1", true, "acceleration=0.01", "maxAcceleration=0.1")]
    public async Task TurnStrategies_TradeTheTurnsOfTheLineTheIndicatorsCommandPrints(string strategy, string indicator, bool allowShort, string first, string second)
    {
        var runs = await RunAsync(["--strategy", strategy, "--param", first, "--param", second, "--param", Shorts(allowShort)], [indicator]);
        if (runs is not var (_, run, rows)) return;

        // date, then the line (or stop) and its direction; a turn is a change of direction from the row before, and the
        // direction the line starts with is none
        var rule = new LevelRule(allowShort);
        var before = 0;
        foreach (var row in rows.Where(r => r[2].Length > 0))
        {
            var direction = Math.Sign(decimal.Parse(row[2], CultureInfo.InvariantCulture));
            rule.Step(row[0], enterLong: direction > 0 && before < 0, enterShort: direction < 0 && before > 0, exitLong: direction < 0, exitShort: direction > 0);
            before = direction;
        }

        rule.AssertIsWhat(run);
    }

    [Theory]
    [InlineData(14, "0", false)]
    [InlineData(14, "0", true)]
    [InlineData(10, "40", true)]
    public async Task Aroon_TradesTheTurnsOfTheOscillatorTheIndicatorsCommandPrints(int period, string threshold, bool allowShort)
    {
        var runs = await RunAsync(["--strategy", "aroon", "--param", $"period={period}", "--param", $"threshold={threshold}", "--param", Shorts(allowShort)],
            [$"aroon:{period}"]);
        if (runs is not var (_, run, rows)) return;

        // date, up, down, the oscillator: the trend is up above the threshold, down below its negative, and keeps its
        // direction between; a turn is a change of it, and the direction it starts with is none
        var band = decimal.Parse(threshold, CultureInfo.InvariantCulture);
        var rule = new LevelRule(allowShort);
        var before = 0;
        foreach (var row in rows.Where(r => r[3].Length > 0))
        {
            var oscillator = decimal.Parse(row[3], CultureInfo.InvariantCulture);
            var direction = oscillator > band ? 1 : oscillator < -band ? -1 : before;
            if (direction == 0) continue;
            rule.Step(row[0], enterLong: direction > 0 && before < 0, enterShort: direction < 0 && before > 0, exitLong: direction < 0, exitShort: direction > 0);
            before = direction;
        }

        rule.AssertIsWhat(run);
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(false, false, true)]
    [InlineData(true, true, true)]
    public async Task Ichimoku_TradesTheClosesBreaksThroughTheCloudTheIndicatorsCommandPrints(bool confirmLines, bool confirmLagging, bool allowShort)
    {
        // Periods short enough for a dozen turns in the year (9, 26 and 52 turn twice).
        string[] periods = ["--param", "conversionPeriod=3", "--param", "basePeriod=6", "--param", "spanBPeriod=12", "--param", "displacement=6"];
        var runs = await RunAsync(["--strategy", "ichimoku", .. periods, "--param", $"confirmLines={confirmLines}".ToLowerInvariant(),
            "--param", $"confirmLagging={confirmLagging}".ToLowerInvariant(), "--param", Shorts(allowShort)], ["ichimoku:3:6:12:6"]);
        if (runs is not var (data, run, rows)) return;

        // date, tenkan, kijun, span A, span B (the cloud at the row), lead A, lead B: up on a close above both spans, down
        // below both, with the tenkan beyond the kijun and the close beyond the close 6 rows before when asked; else as
        // it was. A turn is a change of it, and the direction it starts with is none.
        var closes = File.ReadAllLines(data).Skip(1).Where(l => l.Length > 0).Select(l => decimal.Parse(l.Split(',')[4], CultureInfo.InvariantCulture)).ToArray();
        var rule = new LevelRule(allowShort);
        var before = 0;
        for (var t = 0; t < rows.Length; t++)
        {
            if (rows[t][3].Length == 0) continue;
            decimal At(int column) => decimal.Parse(rows[t][column], CultureInfo.InvariantCulture);
            var (close, lagged, lines) = (closes[t], closes[t - 6], At(1).CompareTo(At(2)));
            var up = close > Math.Max(At(3), At(4)) && (!confirmLines || lines > 0) && (!confirmLagging || close > lagged);
            var down = close < Math.Min(At(3), At(4)) && (!confirmLines || lines < 0) && (!confirmLagging || close < lagged);
            var direction = up ? 1 : down ? -1 : before;
            if (direction == 0) continue;
            rule.Step(rows[t][0], enterLong: direction > 0 && before < 0, enterShort: direction < 0 && before > 0, exitLong: direction < 0, exitShort: direction > 0);
            before = direction;
        }

        rule.AssertIsWhat(run);
    }

    [Theory]
    [InlineData("kama", "kama:10", false, "0")]
    [InlineData("kama", "kama:10", true, "0")]
    [InlineData("kama", "kama:10", true, "0.5")]
    [InlineData("hull", "hma:20", false, "0")]
    [InlineData("hull", "hma:20", true, "0")]
    [InlineData("hull", "hma:20", true, "0.5")]
    public async Task AverageTurns_TradeTheTurnsOfTheAverageTheIndicatorsCommandPrints(string strategy, string average, bool allowShort, string filter)
    {
        var runs = await RunAsync(["--strategy", strategy, "--param", $"filter={filter}", "--param", Shorts(allowShort)], [average]);
        if (runs is not var (_, run, rows)) return;

        // date, KAMA(10, 2, 30) or HMA(20), the strategies' default averages: up once it has risen from its low since it
        // last turned down by more than the filter's deviations of its last 20 one-bar changes, down once it has fallen as
        // far from its high; the direction it starts with is none.
        var factor = decimal.Parse(filter, CultureInfo.InvariantCulture);
        var values = rows.Where(r => r[1].Length > 0).Select(r => (Date: r[0], Average: decimal.Parse(r[1], CultureInfo.InvariantCulture))).ToArray();
        var rule = new LevelRule(allowShort);
        var (before, since) = (0, 0);
        for (var t = 1; t < values.Length; t++)
        {
            if (factor > 0m && t < 20) continue;
            var changes = Enumerable.Range(t - 19, 20).Where(k => k > 0).Select(k => values[k].Average - values[k - 1].Average).ToArray();
            var mean = changes.Average();
            var threshold = factor * (decimal)Math.Sqrt((double)(changes.Sum(c => (c - mean) * (c - mean)) / changes.Length));
            var window = values[since..(t + 1)].Select(v => v.Average).ToArray();
            var up = before <= 0 && values[t].Average - window.Min() > threshold;
            var down = before >= 0 && window.Max() - values[t].Average > threshold;
            if (up && down) (up, down) = (values[t].Average > values[t - 1].Average, values[t].Average < values[t - 1].Average);
            if (!up && !down) continue;
            var direction = up ? 1 : -1;
            rule.Step(values[t].Date, enterLong: direction > 0 && before < 0, enterShort: direction < 0 && before > 0, exitLong: direction < 0, exitShort: direction > 0);
            (before, since) = (direction, t);
        }

        rule.AssertIsWhat(run);
    }

    [Theory]
    [InlineData(false, "mirror", 30)]
    [InlineData(true, "mirror", 30)] // 10 + 90 - 70
    [InlineData(true, "60", 60)]
    public async Task RsiReversion_TradesTheLevelsOfTheRsiTheIndicatorsCommandPrints(bool allowShort, string shortExitLevel, int cover)
    {
        var runs = await RunAsync(
            ["--strategy", "rsi-reversion", "--param", "rsiPeriod=2", "--param", "oversold=10", "--param", "overbought=90", "--param", "exitLevel=70",
                "--param", $"shortExitLevel={shortExitLevel}", "--param", Shorts(allowShort)],
            ["rsi:2"]);
        if (runs is not var (_, run, rows)) return;

        var rule = new LevelRule(allowShort);
        foreach (var row in rows.Where(r => r[1].Length > 0)) // once the RSI is ready
        {
            var rsi = decimal.Parse(row[1], CultureInfo.InvariantCulture);
            rule.Step(row[0], enterLong: rsi < 10m, enterShort: rsi > 90m, exitLong: rsi >= 70m, exitShort: rsi <= cover);
        }

        rule.AssertIsWhat(run);
    }

    [Theory]
    [InlineData(false, "0", null, null)]
    [InlineData(true, "0.5", null, null)]
    [InlineData(false, "0", 30, null)]
    [InlineData(true, "0", null, 3)]
    public async Task BollingerReversion_TradesTheBandsTheIndicatorsCommandPrints(bool allowShort, string exitDeviations, int? emaTrend, int? maxBandwidth)
    {
        string[] trend = emaTrend is { } bars ? ["--param", $"trendPeriod={bars}", "--param", "trendAverage=ema"] : [];
        string[] width = maxBandwidth is { } most ? ["--param", $"maxBandwidth={most}"] : [];
        string[] average = emaTrend is { } period ? [$"ema:{period}"] : [];
        var runs = await RunAsync(
            ["--strategy", "bollinger-reversion", "--param", "period=10", "--param", "deviations=1.5", "--param", $"exitDeviations={exitDeviations}", "--param", Shorts(allowShort), .. trend, .. width],
            ["bbands:10:1.5", "bbands:10:0.5", .. average]);
        if (runs is not var (data, run, rows)) return;

        var closes = ClosesByDate(data);
        // date, then mid, top, bot of the bands 1.5 deviations out and of those half a deviation out (the exits at 0.5),
        // then the EMA of the trend: longs only above it and shorts only below, none before it is printed; with
        // maxBandwidth, entries only while 100 × (top - bot) / mid of the entry bands is at most that
        var exitColumns = exitDeviations == "0" ? (Long: 1, Short: 1) : (Long: 5, Short: 6);
        var rule = new LevelRule(allowShort);
        foreach (var row in rows.Where(r => r[1].Length > 0)) // once the bands are ready, of the closes up to the row's
        {
            decimal At(int column) => decimal.Parse(row[column], CultureInfo.InvariantCulture);
            var close = closes[row[0]];
            var (longs, shorts) = emaTrend is null ? (true, true) : TrendSides(close, row[7]);
            var narrow = maxBandwidth is null || 100m * (At(2) - At(3)) / At(1) <= maxBandwidth;
            rule.Step(row[0], enterLong: close < At(3) && longs && narrow, enterShort: close > At(2) && shorts && narrow,
                exitLong: close >= At(exitColumns.Long), exitShort: close <= At(exitColumns.Short));
        }

        rule.AssertIsWhat(run);
    }

    [Theory]
    [InlineData(false, "k", "level")]
    [InlineData(true, "d", "level")]
    [InlineData(true, "k", "cross")]
    public async Task StochasticReversion_TradesTheOscillatorTheIndicatorsCommandPrints(bool allowShort, string line, string entry)
    {
        var runs = await RunAsync(["--strategy", "stochastic-reversion", "--param", $"line={line}", "--param", $"entry={entry}", "--param", Shorts(allowShort)], ["stoch:14:3:3"]);
        if (runs is not var (_, run, rows)) return;

        // date, then %K and %D of the bars up to the row's; with entry=cross an entry also needs %K to have crossed %D its
        // way since the row before
        var column = line == "k" ? 1 : 2;
        var rule = new LevelRule(allowShort);
        decimal? gapBefore = null;
        foreach (var row in rows.Where(r => r[2].Length > 0))
        {
            decimal At(int c) => decimal.Parse(row[c], CultureInfo.InvariantCulture);
            var (value, gap) = (At(column), At(1) - At(2));
            var (up, down) = entry == "cross" ? (gapBefore <= 0m && gap > 0m, gapBefore >= 0m && gap < 0m) : (true, true);
            gapBefore = gap;
            rule.Step(row[0], enterLong: value < 20m && up, enterShort: value > 80m && down, exitLong: value >= 50m, exitShort: value <= 50m);
        }

        rule.AssertIsWhat(run);
    }

    /// <summary>The sample's closes by their date, as the rows `bulwark indicators` prints name them.</summary>
    private static Dictionary<string, decimal> ClosesByDate(string data) =>
        File.ReadAllLines(data).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .ToDictionary(c => c[0], c => decimal.Parse(c[4], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>
    /// Whether a trend filter takes a long (the close above the <paramref name="printed"/> average) and a short (below)
    /// at a close; neither before the average is printed.
    /// </summary>
    private static (bool Longs, bool Shorts) TrendSides(decimal close, string printed) =>
        printed.Length == 0 ? (false, false) : (close > Parse(printed), close < Parse(printed));

    private static decimal Parse(string cell) => decimal.Parse(cell, CultureInfo.InvariantCulture);

    private static string Shorts(bool allowShort) => $"allowShort={(allowShort ? "true" : "false")}";

    /// <summary>The backtest of the strategy on the sample, and the rows (split at commas, header skipped) of the indicators asked.</summary>
    private async Task<(string Data, CliRun Run, string[][] Rows)?> RunAsync(string[] strategy, string[] indicators)
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return null;
        using var dir = new TempDir();
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["backtest", .. strategy, "--data", data, "--no-calendar", "--json"]);
        var printed = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["indicators", "--data", data, .. indicators.SelectMany(i => new[] { "--indicator", i })]);
        Assert.True(run.ExitCode == 0, run.All);
        Assert.True(printed.ExitCode == 0, printed.All);
        return (data, run, [.. printed.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(','))]);
    }

    /// <summary>
    /// A long-or-short level rule followed bar by bar: a long entry while flat or short, a short one (if allowed) while
    /// flat or long, else an exit of what is held; the orders it gives are "side date".
    /// </summary>
    private sealed class LevelRule(bool allowShort)
    {
        private readonly List<string> _orders = [];
        private int _position;
        private int _shortsOpened;

        public void Step(string date, bool enterLong, bool enterShort, bool exitLong, bool exitShort)
        {
            var (side, next) = _position <= 0 && enterLong ? ("buy", 1)
                : allowShort && _position >= 0 && enterShort ? ("sell", -1)
                : (_position > 0 && exitLong) || (_position < 0 && exitShort) ? (_position > 0 ? "sell" : "buy", 0)
                : (null, _position);
            if (side is null) return;
            _orders.Add($"{side} {date}");
            if (next < 0) _shortsOpened++;
            _position = next;
        }

        public void AssertIsWhat(CliRun run)
        {
            var orders = JsonDocument.Parse(run.StdOut).RootElement.GetProperty("orders").EnumerateArray()
                .Select(o => $"{o.GetProperty("side").GetString()} {o.GetProperty("createdAt").GetDateTimeOffset().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}")
                .ToList();
            Assert.True(_orders.Count >= 10, string.Join(", ", _orders));
            Assert.Equal(allowShort, _shortsOpened > 0); // the sample falls as well as rises
            Assert.Equal(_orders, orders);
        }
    }
}
