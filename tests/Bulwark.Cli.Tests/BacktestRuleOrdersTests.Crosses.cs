using System.Globalization;

namespace Bulwark.Cli.Tests;

/// <summary>The crossover strategies' orders (macd-cross, ma-cross, trix) on the 2006 sample against the lines `bulwark indicators` prints.</summary>
public sealed partial class BacktestRuleOrdersTests
{
    [Theory]
    [InlineData(false, "signal", 12, 26, "none", null)]
    [InlineData(true, "signal", 12, 26, "none", null)]
    [InlineData(true, "zero", 5, 20, "none", null)]
    [InlineData(true, "signal", 5, 20, "trend", null)]
    [InlineData(true, "signal", 12, 26, "none", 50)]
    public async Task MacdCross_TradesTheCrossesOfTheLinesTheIndicatorsCommandPrints(bool allowShort, string line, int fast, int slow, string zeroFilter, int? emaTrend)
    {
        string[] trend = emaTrend is { } bars ? ["--param", $"trendPeriod={bars}", "--param", "trendAverage=ema"] : [];
        var runs = await RunAsync(
            ["--strategy", "macd-cross", "--param", $"fast={fast}", "--param", $"slow={slow}", "--param", $"cross={line}", "--param", $"zeroFilter={zeroFilter}", "--param", Shorts(allowShort), .. trend],
            [$"macd:{fast}:{slow}:{(line == "zero" ? 1 : 9)}", .. emaTrend is { } period ? [$"ema:{period}"] : Array.Empty<string>()]); // the zero line is ready with the slow average, not 8 closes later
        if (runs is not var (data, run, rows)) return;

        var closes = ClosesByDate(data);
        // date, then the MACD line, its signal line and the histogram, then the EMA of the trend; a cross is a change of the
        // line's side of what it crosses from the last row they differed
        var rule = new LevelRule(allowShort);
        var before = 0;
        foreach (var row in rows.Where(r => r[1].Length > 0))
        {
            var macd = decimal.Parse(row[1], CultureInfo.InvariantCulture);
            var side = Math.Sign(macd - (line == "zero" ? 0m : decimal.Parse(row[2], CultureInfo.InvariantCulture)));
            // with the zero filter a long cross enters only above zero, a short one only below; with the trend average a
            // long only with the close above the printed EMA, a short only below it, none before it is printed
            var (longs, shorts) = zeroFilter == "trend" ? (macd > 0m, macd < 0m) : (true, true);
            if (emaTrend is not null)
            {
                var (aboveTrend, belowTrend) = TrendSides(closes[row[0]], row[4]);
                (longs, shorts) = (longs && aboveTrend, shorts && belowTrend);
            }
            rule.Step(row[0], enterLong: side > 0 && before < 0 && longs, enterShort: side < 0 && before > 0 && shorts, exitLong: side < 0, exitShort: side > 0);
            if (side != 0) before = side;
        }

        rule.AssertIsWhat(run);
    }

    [Theory]
    [InlineData("ema", 5, 20, false)]
    [InlineData("sma", 5, 20, true)]
    [InlineData("hma", 10, 30, true)]
    [InlineData("dema", 5, 20, true)]
    public async Task MaCross_TradesTheCrossesOfTheAveragesTheIndicatorsCommandPrints(string average, int fast, int slow, bool allowShort)
    {
        var runs = await RunAsync(
            ["--strategy", "ma-cross", "--param", $"fast={fast}", "--param", $"slow={slow}", "--param", $"average={average}", "--param", Shorts(allowShort)],
            [$"{average}:{fast}", $"{average}:{slow}"]);
        if (runs is not var (_, run, rows)) return;

        // date, the fast average, the slow one: a cross is a change of the fast one's side of the slow one from the last
        // row they differed
        var rule = new LevelRule(allowShort);
        var before = 0;
        foreach (var row in rows.Where(r => r[1].Length > 0 && r[2].Length > 0))
        {
            var side = Math.Sign(decimal.Parse(row[1], CultureInfo.InvariantCulture) - decimal.Parse(row[2], CultureInfo.InvariantCulture));
            rule.Step(row[0], enterLong: side > 0 && before < 0, enterShort: side < 0 && before > 0, exitLong: side < 0, exitShort: side > 0);
            if (side != 0) before = side;
        }

        rule.AssertIsWhat(run);
    }

    [Theory]
    [InlineData(8, 5, "signal", false, null)]
    [InlineData(6, 4, "signal", true, null)]
    [InlineData(5, 9, "zero", true, null)]
    [InlineData(12, 6, "signal", true, 50)]
    public async Task Trix_TradesTheCrossesOfTheLinesTheIndicatorsCommandPrints(int period, int signal, string line, bool allowShort, int? smaTrend)
    {
        string[] trend = smaTrend is { } bars ? ["--param", $"trendPeriod={bars}"] : [];
        var runs = await RunAsync(
            ["--strategy", "trix", "--param", $"period={period}", "--param", $"signal={signal}", "--param", $"cross={line}", "--param", Shorts(allowShort), .. trend],
            [line == "zero" ? $"trix:{period}" : $"trix:{period}:{signal}", .. smaTrend is { } sma ? [$"sma:{sma}"] : Array.Empty<string>()]);
        if (runs is not var (data, run, rows)) return;

        var closes = ClosesByDate(data);
        // date, the TRIX line (and its signal line and histogram when crossed), then the SMA of the trend: a cross is a change
        // of the line's side of what it crosses from the last row they differed; with the trend average a long enters only
        // with the close above the printed SMA, a short only below it, none before it is printed
        var rule = new LevelRule(allowShort);
        var before = 0;
        foreach (var row in rows.Where(r => r[1].Length > 0))
        {
            var trix = decimal.Parse(row[1], CultureInfo.InvariantCulture);
            var side = Math.Sign(trix - (line == "zero" ? 0m : decimal.Parse(row[2], CultureInfo.InvariantCulture)));
            var (longs, shorts) = smaTrend is null ? (true, true) : TrendSides(closes[row[0]], row[^1]);
            rule.Step(row[0], enterLong: side > 0 && before < 0 && longs, enterShort: side < 0 && before > 0 && shorts, exitLong: side < 0, exitShort: side > 0);
            if (side != 0) before = side;
        }

        rule.AssertIsWhat(run);
    }
}
