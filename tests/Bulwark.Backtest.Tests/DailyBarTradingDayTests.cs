using System.Globalization;
using Bulwark.Core.Journal;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;
using Xunit.Abstractions;

namespace Bulwark.Backtest.Tests;

/// <summary>
/// A daily bar is dated at midnight UTC, which in New York (the bot's trading time zone) is still the evening before.
/// Its trading day is still its own date: the day rolls to it, and its orders carry it in their ClientOrderIds.
/// </summary>
public sealed class DailyBarTradingDayTests(ITestOutputHelper output)
{
    private static readonly Instrument Sample = new("SAMPLE", AssetClass.Equity);

    [Fact]
    public async Task DailyBars_OrdersCarryTheirBarsDate_AndTheDayRollsToEachBarsDate()
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;
        var journal = new InMemoryEventJournal();

        var result = await BacktestEngine.RunAsync(bars, [new SmaCrossStrategy("sma-cross", [Sample.Symbol], 15)],
            Options(journal, Sample), CancellationToken.None);

        Assert.Equal(23, result.Orders.Count);
        Assert.All(result.Orders, o => Assert.Contains(
            $"-{o.CreatedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-", o.ClientOrderId, StringComparison.Ordinal));
        Assert.Equal(bars.Select(b => b.SessionDate), NewDates(journal).SkipWhile(d => d < bars[0].SessionDate));
    }

    [Fact]
    public async Task DailyBarsOfTwoSymbols_RollTheDayOncePerDate()
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;
        var other = new Instrument("OTHER", AssetClass.Equity);
        var both = bars.SelectMany(b => new[] { b, b with { Symbol = other.Symbol } }).ToList();
        var journal = new InMemoryEventJournal();

        await BacktestEngine.RunAsync(both, [new SmaCrossStrategy("sma-cross", [Sample.Symbol, other.Symbol], 15)],
            Options(journal, Sample, other), CancellationToken.None);

        Assert.Equal(bars.Select(b => b.SessionDate), NewDates(journal).SkipWhile(d => d < bars[0].SessionDate));
    }

    [Fact]
    public async Task IntradayBars_StillRollAtMidnightInTheTradingTimeZone()
    {
        // 23:30 UTC on a January Monday is 18:30 in New York: still Monday there, Tuesday only at 05:00 UTC.
        var monday = new DateTimeOffset(2024, 1, 8, 23, 30, 0, TimeSpan.Zero);
        var journal = new InMemoryEventJournal();
        List<Bar> bars = [.. new[] { 0, 1, 6 }.Select(h => new Bar(Sample.Symbol, monday.AddHours(h), 10m, 10m, 10m, 10m, 1m, TimeSpan.FromHours(1)))];

        await BacktestEngine.RunAsync(bars, [], Options(journal, Sample), CancellationToken.None);

        Assert.Equal([new DateOnly(2024, 1, 8), new DateOnly(2024, 1, 9)], NewDates(journal));
    }

    private static BacktestOptions Options(InMemoryEventJournal journal, params Instrument[] instruments) => new()
    {
        Instruments = instruments.ToDictionary(i => i.Symbol),
        EnforceTradingHours = false,
        Journal = journal,
    };

    private static List<DateOnly> NewDates(InMemoryEventJournal journal) =>
        [.. journal.Events.Select(e => e.Event).OfType<TradingDayRolledOver>().Select(r => r.NewDate)];
}
