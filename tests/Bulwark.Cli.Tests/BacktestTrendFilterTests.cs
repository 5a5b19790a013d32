using System.Globalization;
using System.Text.Json;
using Bulwark.Cli.Tests.Support;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>
/// minAdx and maxAdx: sma-cross's entries are the crosses whose bar's ADX, as `bulwark indicators` prints it for the same
/// file, is at least the minimum (at most the maximum); the others are skipped, and the run names the filter. With
/// adxSlope, the crosses whose ADX is above (below) the one printed three rows before.
/// </summary>
public sealed class BacktestTrendFilterTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static string[] BuyDates(CliRun run) =>
    [
        .. JsonDocument.Parse(run.StdOut).RootElement.GetProperty("orders").EnumerateArray()
            .Where(o => o.GetProperty("side").GetString() == "buy")
            .Select(o => o.GetProperty("createdAt").GetDateTimeOffset().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    ];

    [Fact]
    public async Task TheEntriesTaken_AreTheCrossesWhoseAdxIsHighEnough_OrLowEnough()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", data, "--no-calendar"];

        var plain = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--json"]);
        var filtered = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--param", "minAdx=20", "--json"]);
        var ranging = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--param", "maxAdx=20", "--json"]);
        var table = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--param", "minAdx=20"]);
        var adx = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["indicators", "--data", data, "--indicator", "adx:14"]);
        foreach (var run in new[] { plain, filtered, ranging, table, adx }) Assert.True(run.ExitCode == 0, run.All);

        // date -> ADX(14), or null while it warms up
        var adxByDate = adx.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(','))
            .ToDictionary(c => c[0], c => c[1].Length == 0 ? (decimal?)null : decimal.Parse(c[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var crosses = BuyDates(plain); // flat at every cross above without the filter, since every cross below exits
        var expected = crosses.Where(d => adxByDate[d] >= 20m).ToArray();
        Assert.Equal(12, crosses.Length);
        Assert.InRange(expected.Length, 1, crosses.Length - 1); // the filter both takes and skips some on this file
        Assert.Equal(expected, BuyDates(filtered));
        var low = crosses.Where(d => adxByDate[d] <= 20m).ToArray();
        Assert.NotEmpty(low);
        Assert.Equal(low, BuyDates(ranging));
        Assert.Contains("sma-cross period=15 trendPeriod=none minAdx=20 adxPeriod=14 on ", table.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEntriesTaken_WithASlope_AreTheCrossesWhoseAdxRoseOrFellOverTheBarsAsked()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();
        string[] args = ["backtest", "--strategy", "sma-cross", "--param", "period=15", "--data", data, "--no-calendar", "--json"];

        var plain = await BulwarkProcess.RunAsync(dir.Path, Timeout, args);
        var rising = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--param", "adxSlope=rising", "--param", "adxSlopeBars=3"]);
        var falling = await BulwarkProcess.RunAsync(dir.Path, Timeout, [.. args, "--param", "adxSlope=falling", "--param", "adxSlopeBars=3"]);
        var adx = await BulwarkProcess.RunAsync(dir.Path, Timeout, ["indicators", "--data", data, "--indicator", "adx:14"]);
        foreach (var run in new[] { plain, rising, falling, adx }) Assert.True(run.ExitCode == 0, run.All);

        // the rows in order: date and ADX(14), or null while it warms up; an entry's ADX against the row three before
        var rows = adx.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(','))
            .Select(c => (Date: c[0], Adx: c[1].Length == 0 ? (decimal?)null : decimal.Parse(c[1], CultureInfo.InvariantCulture))).ToList();
        var change = rows.Select((r, i) => (r.Date, Change: i >= 3 ? r.Adx - rows[i - 3].Adx : null)).ToDictionary(r => r.Date, r => r.Change, StringComparer.Ordinal);
        var crosses = BuyDates(plain); // flat at every cross above without the filter, since every cross below exits
        Assert.Equal(12, crosses.Length);
        Assert.Equal(crosses.Where(d => change[d] > 0m), BuyDates(rising));
        Assert.Equal(crosses.Where(d => change[d] < 0m), BuyDates(falling));
        Assert.NotEmpty(BuyDates(rising));
        Assert.NotEmpty(BuyDates(falling));
    }

    [Theory]
    [InlineData("adxSlope=up", "--param adxSlope: expected one of none, rising, falling, got 'up'")]
    [InlineData("adxSlopeBars=0", "--param adxSlopeBars: expected a whole number >= 1")]
    [InlineData("minAdx=150", "--param minAdx: must be at most 100")]
    [InlineData("minAdx=-5", "--param minAdx: expected 'none' or a number > 0")]
    [InlineData("maxAdx=150", "--param maxAdx: must be at most 100")]
    [InlineData("adxPeriod=0", "--param adxPeriod: expected a whole number >= 1")]
    [InlineData("minVolumeRatio=0", "--param minVolumeRatio: expected 'none' or a number > 0")]
    [InlineData("maxVolumeRatio=200", "--param maxVolumeRatio: must be at most 100 (times the mean volume of the bars before), got 200")]
    [InlineData("volumePeriod=many", "--param volumePeriod: expected a whole number >= 1")]
    public async Task ABadFilter_ExitsTwoNamingTheParameter(string parameter, string problem) =>
        await AssertRefused("sma-cross", [parameter], problem);

    [Theory]
    [InlineData("rsi-reversion", "trendPeriod=50,trendAverage=zlema", "--param trendAverage: expected one of sma, ema, kama, wma, hma, dema, tema, got 'zlema'")]
    [InlineData("bollinger-reversion", "minVolumeRatio=3,maxVolumeRatio=2", "--param maxVolumeRatio: must be at least minVolumeRatio (3)")]
    [InlineData("donchian-breakout", "minVolumeRatio=1.5,volumePeriod=5000", "--param volumePeriod: must be at most 1000 bars, got 5000")]
    [InlineData("bollinger-reversion", "maxBandwidth=0", "--param maxBandwidth: expected 'none' or a number > 0, got '0'")]
    [InlineData("bollinger-reversion", "minBandwidth=6,maxBandwidth=4", "--param maxBandwidth: must be above minBandwidth (6)")]
    [InlineData("keltner-breakout", "exitMultiplier=2.5", "--param exitMultiplier: must be from -2 to 2 (the channel), got 2.5")]
    [InlineData("keltner-breakout", "multiplier=-1", "--param multiplier: expected a number > 0")]
    [InlineData("donchian-breakout", "skipAfterWin=true,failsafePeriod=10", "--param failsafePeriod: must be longer than entryPeriod (20)")]
    [InlineData("donchian-breakout", "trendPeriod=0", "--param trendPeriod: expected 'none' or a whole number >= 1, got '0'")]
    [InlineData("keltner-breakout", "trendPeriod=200000", "--param trendPeriod: must be from 1 to 100000 bars, got 200000")]
    [InlineData("macd-cross", "trendPeriod=100001", "--param trendPeriod: must be from 1 to 100000 bars, got 100001")]
    [InlineData("supertrend", "multiplier=0", "--param multiplier: expected a number > 0")]
    [InlineData("supertrend", "multiplier=150", "--param multiplier: must be above 0 and at most 100 average true ranges, got 150")]
    [InlineData("supertrend", "period=ten", "--param period: expected a whole number >= 1")]
    [InlineData("parabolic-sar", "acceleration=0.5", "--param maxAcceleration: must be at least acceleration (0.5), got 0.2")]
    [InlineData("parabolic-sar", "maxAcceleration=2", "--param maxAcceleration: must be at most 1 (the stop would pass the trend's extreme), got 2")]
    [InlineData("parabolic-sar", "acceleration=x", "--param acceleration: expected a number > 0")]
    [InlineData("aroon", "threshold=100", "--param threshold: must be at least 0 and below 100 (the oscillator's most), got 100")]
    [InlineData("aroon", "period=0", "--param period: expected a whole number >= 1")]
    [InlineData("aroon", "threshold=-10", "--param threshold: expected a number >= 0")]
    [InlineData("ichimoku", "basePeriod=60", "--param basePeriod: must be below spanBPeriod 52, got 60")]
    [InlineData("ichimoku", "displacement=0", "--param displacement: expected a whole number >= 1")]
    [InlineData("ichimoku", "confirmLines=maybe", "--param confirmLines: expected true or false")]
    [InlineData("macd-cross", "trendPeriod=50,trendAverage=hull", "--param trendAverage: expected one of sma, ema, kama, wma, hma, dema, tema, got 'hull'")]
    [InlineData("ema-cloud", "trendPeriod=soon", "--param trendPeriod: expected 'none' or a whole number >= 1, got 'soon'")]
    [InlineData("sma-cross", "trendPeriod=100001", "--param trendPeriod: must be from 1 to 100000 bars, got 100001")]
    [InlineData("sma-cross", "trendPeriod=-3", "--param trendPeriod: expected 'none' or a whole number >= 1, got '-3'")]
    [InlineData("keltner-breakout", "squeezeBars=soon", "--param squeezeBars: expected 'none' or a whole number >= 1, got 'soon'")]
    public async Task ABadStrategyParameter_ExitsTwoNamingIt(string strategy, string parameters, string problem) =>
        await AssertRefused(strategy, parameters.Split(','), problem);

    private static async Task AssertRefused(string strategy, string[] parameters, string problem)
    {
        using var dir = new TempDir();
        dir.File("x.csv", """
            Date,Open,High,Low,Close,Volume
            2024-01-02,10,11,9,10,100
            2024-01-03,10,13,10,12,100
            """);
        var run = await BulwarkProcess.RunAsync(dir.Path, Timeout,
            ["backtest", "--strategy", strategy, .. parameters.SelectMany(p => new[] { "--param", p }), "--data", "x.csv", "--no-calendar"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(problem, run.StdErr, StringComparison.Ordinal);
    }
}
