using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// The slope filter (adxSlope) on the signal strategies: with "rising" an entry only while Wilder's ADX, computed on the
/// same bars, is above its value adxSlopeBars bars before, with "falling" only below. Exits are not filtered, and nothing
/// else about the rules changes.
/// </summary>
public sealed class AdxSlopeFilterTests
{
    [Fact]
    public void TheAdx_KeepsItsPastValues_ForTheSlope()
    {
        var kept = new AverageDirectionalIndex(2, history: 2);
        var plain = new AverageDirectionalIndex(2);
        var values = new List<decimal>();
        foreach (var c in new[] { 100m, 102m, 101m, 105m, 104m, 108m, 103m, 99m })
        {
            kept.Update(c + 1m, c - 1m, c);
            plain.Update(c + 1m, c - 1m, c);
            Assert.Equal(plain.Value, kept.Value); // the history changes nothing else
            if (kept.IsReady) values.Add(kept.Value);
            Assert.Equal(values.Count > 0 ? values[^1] : null, kept.ValueBarsAgo(0));
            Assert.Equal(values.Count > 2 ? values[^3] : null, kept.ValueBarsAgo(2));
        }
        Assert.Equal(5, values.Count); // ready at the fourth bar
        Assert.Throws<ArgumentOutOfRangeException>(() => kept.ValueBarsAgo(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => plain.ValueBarsAgo(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AverageDirectionalIndex(2, history: -1));
    }

    [Fact]
    public void TheFilter_ComparesTheAdxWithItsValueThatManyBarsBefore_AndWaitsForIt()
    {
        var rising = new TrendFilter(null, 2) { Slope = AdxSlope.Rising, SlopeBars = 2 };
        var falling = rising with { Slope = AdxSlope.Falling };
        Assert.Equal(6, rising.BarsToReady);
        Assert.Equal(4, (rising with { Slope = AdxSlope.None }).BarsToReady);

        var index = rising.NewIndex();
        var allowed = new List<(bool Rising, bool Falling)>();
        int? firstLook = null;
        foreach (var c in new[] { 100m, 102m, 101m, 105m, 104m, 108m, 103m, 99m })
        {
            index.Update(c + 1m, c - 1m, c);
            allowed.Add((rising.Allows(index), falling.Allows(index)));
            if (index.ValueBarsAgo(2) is not { } before) Assert.Equal((false, false), allowed[^1]);
            else Assert.Equal((index.Value > before, index.Value < before), allowed[^1]);
            if (index.ValueBarsAgo(2) is not null) firstLook ??= allowed.Count;
        }
        Assert.Equal(rising.BarsToReady, firstLook); // the ADX's 4 bars, then 2 more to look back over
        Assert.Contains((true, false), allowed);
        Assert.Contains((false, true), allowed);
        Assert.False((rising with { MinAdx = 100m }).Allows(index)); // the level still holds
    }

    [Theory]
    [MemberData(nameof(DirectionalFilterTests.Strategies), MemberType = typeof(DirectionalFilterTests))]
    public void EachStrategy_TakesExactlyItsEntriesWhileTheAdxMovedTheWayAsked(string name, string[] parameters)
    {
        // Orders never fill, so every signal is an entry where the rule gives one, whatever came before: the filtered run's
        // are the unfiltered run's where the ADX (of 14 bars, on the same bars) is above (below) its value 3 bars before.
        var bars = RandomBars.Walk(seed: 37, count: 1500);
        var adx = new AverageDirectionalIndex(14);
        var history = new List<decimal?>();
        foreach (var (high, low, close) in bars)
        {
            adx.Update(high, low, close);
            history.Add(adx.IsReady ? adx.Value : null);
        }
        var unfiltered = DirectionalFilterTests.Run(name, parameters, bars);
        Assert.True(unfiltered.Length >= 20, $"{unfiltered.Length} entries");

        foreach (var slope in new[] { "rising", "falling" })
        {
            var filtered = DirectionalFilterTests.Run(name, [.. parameters, $"adxSlope={slope}", "adxSlopeBars=3"], bars);
            var expected = unfiltered.Where(s => s.Bar >= 3 && history[s.Bar] is { } now && history[s.Bar - 3] is { } before
                && (slope == "rising" ? now > before : now < before)).ToArray();
            Assert.Equal(expected, filtered);
            Assert.InRange(filtered.Length, 3, unfiltered.Length - 3);
            Assert.Equal(unfiltered.Any(s => s.Direction == SignalDirection.Short), filtered.Any(s => s.Direction == SignalDirection.Short));
        }
    }
}
