using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// The ADX filters on the signal strategies: with minAdx an entry only while the ADX, computed on the same bars, is at
/// least the minimum (with maxAdx at most the maximum); a cross outside is skipped and not taken later; exits pass whatever the ADX.
/// </summary>
public sealed class TrendFilterTests
{
    private const string Symbol = "X";

    /// <summary>The ADX of <paramref name="period"/> after each close (bars with high = low = close, as the context feeds), -1 before ready.</summary>
    private static decimal[] AdxAfterEach(IEnumerable<decimal> closes, int period)
    {
        var adx = new AverageDirectionalIndex(period);
        return [.. closes.Select(c =>
        {
            adx.Update(c, c, c);
            return adx.IsReady ? adx.Value : -1m;
        })];
    }

    /// <summary>A zigzag (each bar 2 up or 2 down: crosses above a 2-bar SMA every other bar), then a run up, a dip and a new high.</summary>
    private static decimal[] ChopThenTrend() =>
        [100m, 102m, 100m, 102m, 100m, 102m, 100m, 102m, 100m, 102m, 106m, 110m, 114m, 118m, 122m, 116m, 126m];

    private static (int Bar, SignalDirection Direction)[] Signals(RecordingStrategyContext context) =>
        [.. context.Signals.Select(s => (s.Bar, s.Direction))];

    [Fact]
    public void SmaCross_TakesOnlyTheCrossesWhereTheAdxIsHighEnough()
    {
        var closes = ChopThenTrend();
        var adx = AdxAfterEach(closes, 2);
        var unfiltered = new RecordingStrategyContext { FillImmediately = false };
        unfiltered.Feed(new SmaCrossStrategy("s", [Symbol], 2), Symbol, closes);
        var filtered = new RecordingStrategyContext { FillImmediately = false };
        filtered.Feed(new SmaCrossStrategy("s", [Symbol], 2) { TrendFilter = new TrendFilter(50m, 2) }, Symbol, closes);

        // Without the filter every cross above is an entry: the chop's and the trend's.
        var crosses = Signals(unfiltered).Where(s => s.Direction == SignalDirection.Long).Select(s => s.Bar).ToArray();
        Assert.Equal([3, 5, 7, 9, 16], crosses);
        // The chop's crosses came with a low ADX (or none yet), the trend's with a high one; only that one is taken.
        Assert.All(crosses[..^1], bar => Assert.True(adx[bar] < 50m, $"ADX {adx[bar]} at bar {bar}"));
        Assert.True(adx[16] >= 50m, $"ADX {adx[16]} at bar 16");
        Assert.Equal([(16, SignalDirection.Long)], Signals(filtered));
    }

    [Fact]
    public void SmaCross_ExitsWhateverTheAdx()
    {
        var closes = new[] { 100m, 102m, 100m, 102m, 100m, 102m, 100m };
        var context = new RecordingStrategyContext(); // a signal fills at once
        context.SetPosition(Symbol, 10m);
        var strategy = new SmaCrossStrategy("s", [Symbol], 2) { TrendFilter = new TrendFilter(100m, 2) };
        context.Feed(strategy, Symbol, closes);

        Assert.All(AdxAfterEach(closes, 2), a => Assert.True(a < 100m));
        // The held long is closed at the first cross below (bar 2), though no ADX here would let an entry through;
        // the crosses above after it are not entries.
        Assert.Equal([(2, SignalDirection.Flat)], Signals(context));
    }

    [Fact]
    public void SmaCross_ACrossSkippedWhileTheAdxWasLow_IsNotTakenWhenItRises()
    {
        // A slow rise after a cross: the ADX climbs past the minimum while the close stays above its average.
        var closes = new[] { 100m, 102m, 100m, 102m, 100m, 101m, 102m, 103m, 104m, 105m, 106m };
        var adx = AdxAfterEach(closes, 2);
        var context = new RecordingStrategyContext { FillImmediately = false };
        context.Feed(new SmaCrossStrategy("s", [Symbol], 2) { TrendFilter = new TrendFilter(60m, 2) }, Symbol, closes);

        Assert.True(adx[5] < 60m, $"ADX {adx[5]} at the cross");
        Assert.True(adx[^1] >= 60m, $"ADX {adx[^1]} at the end");
        Assert.Empty(context.Signals);
    }

    [Fact]
    public void EmaCloud_EntersOnlyWhenTheAdxAtTheTurnIsHighEnough()
    {
        // The default clouds' pullback in an uptrend: the fast cloud turns bullish above the trend cloud at bar 65.
        var closes = new List<decimal>();
        for (var i = 0; i < 60; i++) closes.Add(100m + i);
        for (var i = 1; i <= 4; i++) closes.Add(159m - 2m * i);
        for (var i = 1; i <= 12; i++) closes.Add(151m + 1.5m * i);
        var atTurn = AdxAfterEach(closes, 14)[65];
        Assert.InRange(atTurn, 1m, 99m);

        var below = new RecordingStrategyContext();
        below.Feed(new EmaCloudStrategy("e", [Symbol], new EmaCloudOptions()) { TrendFilter = new TrendFilter(atTurn - 1m, 14) }, Symbol, closes);
        var above = new RecordingStrategyContext();
        above.Feed(new EmaCloudStrategy("e", [Symbol], new EmaCloudOptions()) { TrendFilter = new TrendFilter(atTurn + 1m, 14) }, Symbol, closes);

        Assert.Equal([(65, SignalDirection.Long)], Signals(below));
        Assert.Empty(above.Signals);
    }

    [Fact]
    public void AMaximum_TakesOnlyTheEntriesWhereTheAdxIsLowEnough_TheComplementOfTheMinimum()
    {
        var closes = ChopThenTrend();
        var adx = AdxAfterEach(closes, 2);
        var ranging = new RecordingStrategyContext { FillImmediately = false };
        ranging.Feed(new SmaCrossStrategy("s", [Symbol], 2) { TrendFilter = new TrendFilter(null, 2) { MaxAdx = 50m } }, Symbol, closes);
        var band = new RecordingStrategyContext { FillImmediately = false };
        band.Feed(new SmaCrossStrategy("s", [Symbol], 2) { TrendFilter = new TrendFilter(30m, 2) { MaxAdx = 50m } }, Symbol, closes);

        // The chop's crosses with a ready ADX under 50 are taken, the trend's (bar 16, ADX over 50) is not.
        var taken = Signals(ranging).Select(s => s.Bar).ToArray();
        Assert.Equal(new[] { 3, 5, 7, 9, 16 }.Where(bar => adx[bar] is >= 0m and <= 50m), taken);
        Assert.NotEmpty(taken);
        // A band takes those of them whose ADX is also at least its floor.
        Assert.Equal(taken.Where(bar => adx[bar] >= 30m), Signals(band).Select(s => s.Bar));
        Assert.Contains(taken, bar => adx[bar] < 30m);
    }

    [Fact]
    public void AllowsExactlyTheAdxBetweenItsLevels_BothIncluded()
    {
        var adx = new AverageDirectionalIndex(2);
        foreach (var c in new[] { 100m, 102m, 101m, 105m, 104m }) adx.Update(c, c, c);
        var v = adx.Value;
        Assert.True(new TrendFilter(v, 2) { MaxAdx = v }.Allows(adx));
        Assert.False(new TrendFilter(v + 0.01m, 2).Allows(adx));
        Assert.False(new TrendFilter(null, 2) { MaxAdx = v - 0.01m }.Allows(adx));
        Assert.False(new TrendFilter(null, 2) { MaxAdx = 100m }.Allows(new AverageDirectionalIndex(2))); // not ready: no entry
    }

    [Fact]
    public void BarsToFirstSignal_WaitsForTheAdx()
    {
        Assert.Equal(11, new SmaCrossStrategy("s", [Symbol], 10).BarsToFirstSignal);
        Assert.Equal(28, new SmaCrossStrategy("s", [Symbol], 10) { TrendFilter = new TrendFilter(20m, 14) }.BarsToFirstSignal);
        Assert.Equal(51, new SmaCrossStrategy("s", [Symbol], 50) { TrendFilter = new TrendFilter(20m, 14) }.BarsToFirstSignal);
        Assert.Equal(51, new EmaCloudStrategy("e", [Symbol], new EmaCloudOptions()) { TrendFilter = new TrendFilter(20m, 14) }.BarsToFirstSignal);
        Assert.Equal(60, new EmaCloudStrategy("e", [Symbol], new EmaCloudOptions()) { TrendFilter = new TrendFilter(20m, 30) }.BarsToFirstSignal);
    }
}
