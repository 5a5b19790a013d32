using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// The volume filter (minVolumeRatio, maxVolumeRatio, volumePeriod) on the signal strategies: an entry only on a bar whose
/// volume is within the ratios to the mean volume of the volumePeriod bars before it. Exits are not filtered, a mean of
/// zero takes no entry and is noted, and nothing else about the rules changes.
/// </summary>
public sealed class VolumeFilterTests
{
    private const string Symbol = "X";

    [Fact]
    public void TheFilter_HoldsTheBarsVolumeToItsBounds_Inclusive_AndNeverJudgesAgainstAMeanOfZero()
    {
        var both = new VolumeFilter(1.5m, 3m, 20);
        Assert.Equal(21, both.BarsToReady);
        Assert.Equal((false, true, true, true, false), (both.Allows(149m, 100m), both.Allows(150m, 100m), both.Allows(200m, 100m),
            both.Allows(300m, 100m), both.Allows(301m, 100m)));
        Assert.False(both.Allows(0m, 0m));
        Assert.False(both.Allows(500m, 0m)); // volume after none: no mean to judge it by
        Assert.True(new VolumeFilter(null, 0.5m, 5).Allows(0m, 10m)); // a bar with no volume is a quiet one
        Assert.False(new VolumeFilter(null, 0.5m, 5).Allows(0m, 0m));
    }

    [Theory]
    [MemberData(nameof(DirectionalFilterTests.Strategies), MemberType = typeof(DirectionalFilterTests))]
    public void EachStrategy_TakesExactlyItsEntriesOnBarsWhoseVolumeIsWithinTheRatios(string name, string[] parameters)
    {
        // Orders never fill, so every signal is an entry where the rule gives one, whatever came before: the filtered run's
        // are the unfiltered run's whose bar's volume is within the ratios to the mean of the 10 bars before it.
        var bars = WithVolumes(RandomBars.Walk(seed: 41, count: 1500), seed: 43);
        var mean = bars.Select((_, i) => i < 10 ? (decimal?)null : bars.Skip(i - 10).Take(10).Average(b => b.Volume)).ToArray();
        var unfiltered = Run(name, parameters, bars);
        Assert.True(unfiltered.Length >= 20, $"{unfiltered.Length} entries");

        foreach (var (ratios, within) in new (string[], Func<decimal, decimal, bool>)[]
        {
            (["minVolumeRatio=1.2"], (v, m) => v >= 1.2m * m),
            (["maxVolumeRatio=0.8"], (v, m) => v <= 0.8m * m),
            (["minVolumeRatio=0.7", "maxVolumeRatio=1.3"], (v, m) => v >= 0.7m * m && v <= 1.3m * m),
        })
        {
            var filtered = Run(name, [.. parameters, .. ratios, "volumePeriod=10"], bars);
            var expected = unfiltered.Where(s => mean[s.Bar] is { } m && within(bars[s.Bar].Volume, m)).ToArray();
            Assert.Equal(expected, filtered);
            Assert.InRange(filtered.Length, 3, unfiltered.Length - 3);
        }
    }

    [Fact]
    public void DataWithoutVolume_TakesNoEntry_SaysSoOnce_AndAgainOnlyAfterVolumeCameBackAndWentAgain()
    {
        // 60 bars of no volume, 40 with, then 60 without again: a mean of 5 bars is zero from the 6th bar (index 5) and
        // again from 5 bars into the second quiet stretch (index 105).
        var prices = RandomBars.Walk(seed: 47, count: 160);
        var bars = prices.Select((b, i) => (b.High, b.Low, b.Close, Volume: i is >= 60 and < 100 ? 1000m : 0m)).ToList();
        var strategy = Build("sma-cross", "period=3", "minVolumeRatio=0.5", "volumePeriod=5");
        var context = new RecordingStrategyContext { FillImmediately = false };
        context.Feed(strategy, Symbol, bars);

        Assert.Equal([(5, "VolumeMissing"), (105, "VolumeMissing")], context.Notes.Select(n => (n.Bar, n.Code)));
        Assert.Equal("X: no volume in the 5 bars before this one; the volume filter takes no entry until there is", context.Notes[0].Message);
        Assert.All(context.Notes, n => Assert.Equal("s", n.Source));
        var entries = context.Directions();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.InRange(e.Bar, 61, 99)); // only on a bar with volume, after some in the five before
    }

    [Fact]
    public void AnExit_IsNeverFiltered()
    {
        // A long held at the start is closed at the first cross down, with no volume to judge any entry by.
        var strategy = Build("sma-cross", "period=3", "minVolumeRatio=1", "volumePeriod=2");
        var context = new RecordingStrategyContext();
        context.SetPosition(Symbol, 1m);
        context.Feed(strategy, Symbol, new[] { 10m, 11m, 12m, 13m, 9m, 14m, 15m });
        Assert.Equal([(4, SignalDirection.Flat)], context.Directions());
    }

    [Fact]
    public void TheFirstSignal_WaitsForTheMean_WhenItIsLongerThanTheRule()
    {
        Assert.Equal(31, Build("sma-cross", "period=5", "minVolumeRatio=1", "volumePeriod=30").BarsToFirstSignal);
        Assert.Equal(6, Build("sma-cross", "period=5", "volumePeriod=30").BarsToFirstSignal); // no ratio: no filter
        Assert.Equal(21, Build("donchian-breakout", "maxVolumeRatio=2").BarsToFirstSignal); // the channel's 21 and the mean's 20 + 1
        Assert.Equal(51, Build("donchian-breakout", "maxVolumeRatio=2", "volumePeriod=50").BarsToFirstSignal);
    }

    [Theory]
    [InlineData("minVolumeRatio=0", "params.minVolumeRatio: expected 'none' or a number > 0, got '0'")]
    [InlineData("maxVolumeRatio=lots", "params.maxVolumeRatio: expected 'none' or a number > 0, got 'lots'")]
    [InlineData("minVolumeRatio=101", "params.minVolumeRatio: must be at most 100 (times the mean volume of the bars before), got 101")]
    [InlineData("minVolumeRatio=2,maxVolumeRatio=1.5", "params.maxVolumeRatio: must be at least minVolumeRatio (2): no bar's volume is both, so no entry would pass; got 1.5")]
    [InlineData("minVolumeRatio=2,volumePeriod=1001", "params.volumePeriod: must be at most 1000 bars, got 1001")]
    [InlineData("volumePeriod=0", "params.volumePeriod: expected a whole number >= 1, got '0'")]
    public void ABadVolumeFilter_IsRefused_NamingItsParameter(string parameters, string problem)
    {
        foreach (var name in new[] { "sma-cross", "rsi-reversion" })
        {
            var built = StrategyCatalog.Build(name, "s", [Symbol], Parameters(parameters.Split(',')));
            Assert.Null(built.Strategy);
            Assert.Equal([problem], built.Problems.Select(p => p.ToString()));
        }
    }

    [Fact]
    public void TheCatalog_SetsTheFilter_AndDescribesItsPeriodOnlyWithARatio()
    {
        var built = StrategyCatalog.Build("macd-cross", "s", [Symbol], Parameters(["minVolumeRatio=1.5", "volumePeriod=30"]));
        Assert.Equal(new VolumeFilter(1.5m, null, 30), Assert.IsAssignableFrom<SignalStrategy>(built.Strategy).VolumeFilter);
        var described = StrategyCatalog.Described(built.Parameters).Select(p => $"{p.Key}={p.Value}").ToList();
        Assert.Contains("minVolumeRatio=1.5", described);
        Assert.Contains("volumePeriod=30", described);
        Assert.DoesNotContain(described, p => p.StartsWith("maxVolumeRatio", StringComparison.Ordinal));

        var plain = StrategyCatalog.Build("macd-cross", "s", [Symbol], Parameters([]));
        Assert.Null(Assert.IsAssignableFrom<SignalStrategy>(plain.Strategy).VolumeFilter);
        Assert.DoesNotContain(StrategyCatalog.Described(plain.Parameters), p => p.Key.Contains("Volume", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Each bar of <paramref name="bars"/> with a volume from 100 to 2,100, seeded.</summary>
    private static List<(decimal High, decimal Low, decimal Close, decimal Volume)> WithVolumes(List<(decimal High, decimal Low, decimal Close)> bars, int seed)
    {
        var random = new Random(seed);
        return [.. bars.Select(b => (b.High, b.Low, b.Close, (decimal)random.Next(100, 2101)))];
    }

    private static (int Bar, SignalDirection Direction)[] Run(string name, string[] parameters, List<(decimal High, decimal Low, decimal Close, decimal Volume)> bars)
    {
        var context = new RecordingStrategyContext { FillImmediately = false };
        context.Feed(Build(name, parameters), Symbol, bars);
        return context.Directions();
    }

    private static SignalStrategy Build(string name, params string[] parameters)
    {
        var built = StrategyCatalog.Build(name, "s", [Symbol], Parameters(parameters));
        return Assert.IsAssignableFrom<SignalStrategy>(built.Strategy ?? throw new ArgumentException(string.Join("; ", built.Problems)));
    }

    private static Dictionary<string, string> Parameters(string[] parameters) =>
        parameters.Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
}
