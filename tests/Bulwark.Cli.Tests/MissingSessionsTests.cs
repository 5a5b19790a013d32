using Bulwark.Backtest;
using Bulwark.Cli.Tests.Support;
using Bulwark.Core.Model;
using Bulwark.Tests.Shared;
using Xunit.Abstractions;

namespace Bulwark.Cli.Tests;

/// <summary>Sessions of the exchange with no bar of a symbol between its first and last bar: gaps in the data.</summary>
public sealed class MissingSessionsTests(ITestOutputHelper output)
{
    private static readonly Instrument Spy = new("SPY", AssetClass.Equity);
    private static readonly Instrument Btc = new("BTC", AssetClass.Crypto);
    private static BacktestOptions Options => new()
    {
        Instruments = new Dictionary<string, Instrument> { [Spy.Symbol] = Spy, [Btc.Symbol] = Btc },
    };

    private static Bar Daily(string symbol, DateOnly date) =>
        new(symbol, new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), 10m, 10m, 10m, 10m, 1m, TimeSpan.FromDays(1));

    [Fact]
    public void DailyBars_AGapIsASessionWithoutABar_NotAWeekendOrAHoliday()
    {
        // 2024-07-01 to 2024-07-12 on XNYS: the 4th is Independence Day, weekends are closed; the 9th is missing.
        var days = Enumerable.Range(1, 12).Select(d => new DateOnly(2024, 7, d))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && d.Day is not 4 and not 9);
        var bars = days.Select(d => Daily("SPY", d)).ToList();

        var found = Assert.Single(MissingSessions.Find(bars, Options, max: 5));

        Assert.Equal(("SPY", "XNYS", 1), (found.Symbol, found.Exchange, found.Count));
        Assert.Equal([new DateOnly(2024, 7, 9)], found.First);
    }

    [Fact]
    public void IntradayBars_ASessionWithNoBarAtAll_IsAGap_AndCryptoTradesEveryDay()
    {
        // Hourly SPY bars on Monday and Wednesday 2024-07-15/17 (New York summer time: 13:30-20:00 UTC); Tuesday has none.
        // Daily BTC bars skip Sunday 2024-07-14: crypto's calendar has a session every day.
        List<Bar> bars = [];
        foreach (var day in new[] { 15, 17 })
            for (var hour = 14; hour <= 19; hour++)
                bars.Add(new Bar("SPY", new DateTimeOffset(2024, 7, day, hour, 0, 0, TimeSpan.Zero), 10m, 10m, 10m, 10m, 1m, TimeSpan.FromHours(1)));
        bars.AddRange(new[] { 12, 13, 15 }.Select(d => Daily("BTC", new DateOnly(2024, 7, d))));

        var found = MissingSessions.Find(bars, Options, max: 5).ToDictionary(f => f.Symbol);

        Assert.Equal([new DateOnly(2024, 7, 16)], found["SPY"].First);
        Assert.Equal("CRYPTO", found["BTC"].Exchange);
        Assert.Equal([new DateOnly(2024, 7, 14)], found["BTC"].First);
    }

    [Fact]
    public async Task Backtest_NamesTheSessionsTheSampleLacks_OnStandardError_WithoutTouchingTheJson()
    {
        var data = SharedDataFile.Find("2006-day-001.txt", output);
        if (data is null) return;
        using var dir = new TempDir();

        var run = await BulwarkProcess.RunAsync(dir.Path, TimeSpan.FromSeconds(60), "backtest", "--strategy", "sma-cross", "--data", data, "--json");
        var noCalendar = await BulwarkProcess.RunAsync(dir.Path, TimeSpan.FromSeconds(60), "backtest", "--strategy", "sma-cross", "--data", data, "--no-calendar", "--json");

        Assert.True(run.ExitCode == 0, run.All);
        // A European index: no bar on Easter Monday, May Day and Boxing Day, when New York traded.
        Assert.Contains("2006-day-001 has no bar in 3 XNYS sessions between its first and last bar: 2006-04-17, 2006-05-01, 2006-12-26",
            run.StdErr, StringComparison.Ordinal);
        Assert.StartsWith("{", run.StdOut.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("has no bar in", noCalendar.StdErr, StringComparison.Ordinal);
    }
}
