using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// bollinger-reversion's bandwidth filter (minBandwidth, maxBandwidth): entries only while the bands' width, the upper
/// band less the lower in percent of the average, is within the limits. With bands of two closes half a deviation out,
/// a move from a to b leaves the close under (over) the band, and the width is 100 × |a - b| / (a + b).
/// </summary>
public sealed class BandwidthFilterTests
{
    private const string Symbol = "X";

    private static (int Bar, SignalDirection Direction)[] Signals(decimal[] closes, decimal? min = null, decimal? max = null, bool allowShort = false)
    {
        var strategy = new BollingerReversionStrategy("b", [Symbol],
            new BollingerReversionOptions { Period = 2, Deviations = 0.5m, MinBandwidth = min, MaxBandwidth = max, AllowShort = allowShort });
        var context = new RecordingStrategyContext();
        context.Feed(strategy, Symbol, closes);
        return context.Directions();
    }

    [Fact]
    public void AFloor_SkipsTheNarrowDips_AndACeiling_TheWideOnes()
    {
        // A dip of 1 (bands 0.50% wide) bought at bar 1 and sold at bar 2, then one of 10 (5.26%) bought at 3, sold at 4.
        decimal[] closes = [100m, 99m, 100m, 90m, 100m];
        Assert.Equal([(1, SignalDirection.Long), (2, SignalDirection.Flat), (3, SignalDirection.Long), (4, SignalDirection.Flat)], Signals(closes));
        Assert.Equal([(3, SignalDirection.Long), (4, SignalDirection.Flat)], Signals(closes, min: 1m));
        Assert.Equal([(1, SignalDirection.Long), (2, SignalDirection.Flat)], Signals(closes, max: 1m));
        Assert.Empty(Signals(closes, min: 1m, max: 5m));
        Assert.Equal(Signals(closes), Signals(closes, min: 0.5m, max: 5.3m));
    }

    [Fact]
    public void TheLimitsAreInclusive()
    {
        // 110 to 90: bands exactly 10% of the average 100 wide.
        decimal[] closes = [110m, 90m];
        Assert.Equal([(1, SignalDirection.Long)], Signals(closes, min: 10m));
        Assert.Equal([(1, SignalDirection.Long)], Signals(closes, max: 10m));
        Assert.Empty(Signals(closes, min: 10.01m));
        Assert.Empty(Signals(closes, max: 9.99m));
    }

    [Fact]
    public void ANarrowBarBeyondTheBand_DoesNotUseTheVisit_AndStillClosesAPositionTheOtherWay()
    {
        // Falling on: at bar 1 the bands are 0.25% wide (no entry under a 1% floor), at bar 2 2.31%: bought there.
        Assert.Equal([(2, SignalDirection.Long)], Signals([100m, 99.5m, 95m], min: 1m));

        // A short from the rally at bar 1 (4.76%); the slip at bar 2 is under the band but 0.05% wide: no reversal into a
        // long, but the short is covered as it would be at the average.
        decimal[] closes = [100m, 110m, 109.9m];
        Assert.Equal([(1, SignalDirection.Short), (2, SignalDirection.Long)], Signals(closes, allowShort: true));
        Assert.Equal([(1, SignalDirection.Short), (2, SignalDirection.Flat)], Signals(closes, min: 1m, allowShort: true));
    }

    [Fact]
    public void OnARandomWalk_FilteredEntriesAreExactlyTheUnfilteredOnesWhoseBandsAreWithinTheLimits()
    {
        // Orders never fill, so every close beyond a band is an entry; the filter keeps exactly those whose bands, by the
        // indicator itself, are from 3% to 6% of their average wide.
        var bars = RandomBars.Walk(seed: 59, count: 3000);
        var bands = new BollingerBands(10, 1.5m);
        var widths = new List<decimal?>();
        foreach (var bar in bars)
        {
            bands.Update(bar.Close);
            widths.Add(bands.IsReady ? 100m * (bands.Upper - bands.Lower) / bands.Middle : null);
        }
        (int Bar, SignalDirection Direction)[] Run(decimal? min, decimal? max)
        {
            var strategy = new BollingerReversionStrategy("b", [Symbol],
                new BollingerReversionOptions { Period = 10, Deviations = 1.5m, AllowShort = true, MinBandwidth = min, MaxBandwidth = max });
            var context = new RecordingStrategyContext { FillImmediately = false };
            context.Feed(strategy, Symbol, bars);
            return context.Directions();
        }

        var unfiltered = Run(null, null);
        var filtered = Run(3m, 6m);

        Assert.Equal(unfiltered.Where(s => widths[s.Bar] is >= 3m and <= 6m), filtered);
        Assert.True(filtered.Count(s => s.Direction == SignalDirection.Long) >= 10 && filtered.Count(s => s.Direction == SignalDirection.Short) >= 10, $"{filtered.Length} entries");
        Assert.Contains(unfiltered, s => widths[s.Bar] < 3m); // both limits refused some
        Assert.Contains(unfiltered, s => widths[s.Bar] > 6m);
    }

    [Fact]
    public void BadLimits_AreNamed()
    {
        Assert.Equal(["minBandwidth: must be above 0 (percent of the average), got 0"],
            new BollingerReversionOptions { MinBandwidth = 0m }.Validate().Select(p => p.ToString()));
        Assert.Equal(["maxBandwidth: must be above minBandwidth (5): no bands would be both, and nothing would be entered; got 5"],
            new BollingerReversionOptions { MinBandwidth = 5m, MaxBandwidth = 5m }.Validate().Select(p => p.ToString()));
        Assert.Throws<ArgumentException>(() => new BollingerReversionStrategy("b", [Symbol], new BollingerReversionOptions { MaxBandwidth = -1m }));
    }
}
