using Bulwark.Core.MarketData;

namespace Bulwark.Core.Tests.MarketData;

public sealed class SyntheticBarFeedTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 4, 14, 30, 0, TimeSpan.Zero);
    private static readonly TimeProvider UnusedClock = new ManualClock(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private static SyntheticFeedOptions Options(int seed = 7, long? maxBars = 1_000, params string[] symbols) => new()
    {
        Symbols = (symbols.Length == 0 ? ["AAA"] : symbols).Select((s, i) => new SyntheticSymbol(s, 100m + 10m * i)).ToArray(),
        Seed = seed,
        Start = Start,
        MaxBars = maxBars,
    };

    [Fact]
    public void Generate_WithTheSameSeed_ProducesIdenticalBars()
    {
        var first = new SyntheticBarFeed(Options(seed: 42, symbols: ["AAA", "BBB"]), UnusedClock).Generate().ToList();
        var second = new SyntheticBarFeed(Options(seed: 42, symbols: ["AAA", "BBB"]), UnusedClock).Generate().ToList();

        Assert.Equal(1_000, first.Count);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_EnumeratedTwice_StartsAfreshFromTheSeed()
    {
        var bars = new SyntheticBarFeed(Options(seed: 5), UnusedClock).Generate();

        Assert.Equal(bars.ToList(), bars.ToList());
    }

    [Fact]
    public void Generate_WithDifferentSeeds_ProducesDifferentPaths()
    {
        var a = new SyntheticBarFeed(Options(seed: 1), UnusedClock).Generate().Select(b => b.Close).ToList();
        var b = new SyntheticBarFeed(Options(seed: 2), UnusedClock).Generate().Select(b => b.Close).ToList();

        Assert.NotEqual(a, b);
        Assert.True(a.Zip(b).Count(p => p.First != p.Second) > 900, "paths of different seeds should differ almost everywhere");
    }

    [Fact]
    public void Generate_WithSeveralSymbols_InterleavesAllSymbolsPerBarTimeInTheGivenOrder()
    {
        var options = Options(maxBars: 12, symbols: ["ZZZ", "AAA", "MMM"]) with { Interval = TimeSpan.FromMinutes(5) };

        var bars = new SyntheticBarFeed(options, UnusedClock).Generate().ToList();

        Assert.Equal(
            ["ZZZ", "AAA", "MMM", "ZZZ", "AAA", "MMM", "ZZZ", "AAA", "MMM", "ZZZ", "AAA", "MMM"],
            bars.Select(b => b.Symbol));
        Assert.Equal(
            Enumerable.Range(0, 4).SelectMany(i => Enumerable.Repeat(Start + TimeSpan.FromMinutes(5 * i), 3)),
            bars.Select(b => b.Time));
        Assert.All(bars, b => Assert.Equal(TimeSpan.FromMinutes(5), b.Interval));
    }

    [Fact]
    public void Generate_EachSymbol_OpensAtItsStartPriceAndEachBarOpensAtThePreviousClose()
    {
        var bars = new SyntheticBarFeed(Options(maxBars: 2_000, symbols: ["AAA", "BBB"]), UnusedClock).Generate().ToList();

        Assert.Equal(100m, bars[0].Open);
        Assert.Equal(110m, bars[1].Open);
        foreach (var series in bars.GroupBy(b => b.Symbol))
        {
            var list = series.ToList();
            for (int i = 1; i < list.Count; i++) Assert.Equal(list[i - 1].Close, list[i].Open);
        }
    }

    [Theory]
    [InlineData(0L, 0)]
    [InlineData(1L, 1)]
    [InlineData(7L, 7)]
    public void Generate_WithMaxBars_StopsAfterThatManyBarsAcrossAllSymbols(long maxBars, int expected)
    {
        var bars = new SyntheticBarFeed(Options(maxBars: maxBars, symbols: ["AAA", "BBB", "CCC"]), UnusedClock).Generate().ToList();

        Assert.Equal(expected, bars.Count);
        string[] order = ["AAA", "BBB", "CCC", "AAA", "BBB", "CCC", "AAA"];
        Assert.Equal(order[..expected], bars.Select(b => b.Symbol));
    }

    [Fact]
    public void Generate_WithoutMaxBars_KeepsProducingBars()
    {
        var bars = new SyntheticBarFeed(Options(maxBars: null), UnusedClock).Generate().Take(50_000).ToList();

        Assert.Equal(50_000, bars.Count);
        Assert.Equal(Start + TimeSpan.FromMinutes(49_999), bars[^1].Time);
    }

    [Fact]
    public void Generate_WithoutStart_StartsAtTheClocksNowFlooredToTheInterval()
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 6, 1, 9, 17, 42, TimeSpan.FromHours(2)));
        var options = Options(maxBars: 2) with { Start = null, Interval = TimeSpan.FromMinutes(5) };

        var bars = new SyntheticBarFeed(options, clock).Generate().ToList();

        Assert.Equal(new DateTimeOffset(2025, 6, 1, 7, 15, 0, TimeSpan.Zero), bars[0].Time);
        Assert.Equal(TimeSpan.Zero, bars[0].Time.Offset);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 7, 20, 0, TimeSpan.Zero), bars[1].Time);
    }

    [Theory]
    [InlineData("0.25")]
    [InlineData("0.0001")]
    [InlineData("5")]
    public void Generate_WithATickSize_PutsEveryPriceOnTheTickGrid(string tickText)
    {
        decimal tick = decimal.Parse(tickText, System.Globalization.CultureInfo.InvariantCulture);
        var options = Options(maxBars: 3_000) with
        {
            TickSize = tick, Symbols = [new SyntheticSymbol("AAA", 500m)], Interval = TimeSpan.FromHours(1),
        };

        var bars = new SyntheticBarFeed(options, UnusedClock).Generate().ToList();

        Assert.All(bars, b =>
        {
            Assert.Equal(0m, b.Open % tick);
            Assert.Equal(0m, b.High % tick);
            Assert.Equal(0m, b.Low % tick);
            Assert.Equal(0m, b.Close % tick);
        });
        Assert.True(bars.Select(b => b.Close).Distinct().Count() > 10, "prices should move");
    }

    [Fact]
    public void Generate_Volume_IsPositiveWholeUnitsAroundTheBaseVolume()
    {
        var options = Options(maxBars: 20_000) with { BaseVolume = 500m };

        var volumes = new SyntheticBarFeed(options, UnusedClock).Generate().Select(b => b.Volume).ToList();

        Assert.All(volumes, v => Assert.True(v >= 1m && v == decimal.Truncate(v), $"volume {v}"));
        Assert.InRange(volumes.Average(), 480m, 520m);
        Assert.True(volumes.Distinct().Count() > 100, "volume should vary");
    }

    [Fact]
    public void Constructor_WithInvalidOptions_ReportsEveryProblemWithItsKeyPath()
    {
        var options = new SyntheticFeedOptions
        {
            Symbols = [new SyntheticSymbol("AAA", 0m), new SyntheticSymbol("AAA", 10m)],
            Interval = TimeSpan.Zero,
            BarsPerSecond = -1,
            TickSize = 0m,
            Regimes = [new SyntheticRegime("bad", double.NaN, -0.1, 2)],
        };

        var error = Assert.Throws<ArgumentException>(() => new SyntheticBarFeed(options, UnusedClock));

        foreach (var key in new[]
                 {
                     "Symbols[0].StartPrice", "Symbols[1].Symbol", "Interval", "BarsPerSecond", "TickSize",
                     "Regimes[0].AnnualDrift", "Regimes[0].AnnualVolatility", "Regimes[0].SwitchProbability",
                 })
        {
            Assert.Contains(key + ":", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Constructor_CopiesTheSymbolList_SoLaterChangesByTheCallerDoNotBypassValidation()
    {
        var symbols = new List<SyntheticSymbol> { new("AAA", 100m) };
        var feed = new SyntheticBarFeed(Options(maxBars: 2) with { Symbols = symbols }, UnusedClock);

        symbols.Add(new SyntheticSymbol("BAD", -1m));

        Assert.Equal(["AAA", "AAA"], feed.Generate().Select(b => b.Symbol));
    }
}
