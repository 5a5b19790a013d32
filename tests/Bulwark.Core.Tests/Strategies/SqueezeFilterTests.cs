using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// keltner-breakout's squeeze filter (squeezeBars, squeezeDeviations): a breakout is an entry only when the Bollinger
/// bands of the channel's period were inside the channel on its bar or one of the squeezeBars - 1 before.
/// </summary>
public sealed class SqueezeFilterTests
{
    private const string Symbol = "X";

    // The channel of KeltnerBreakoutStrategyTests (the EMA of 3 closes, half a range of 1 bar out) and bands one deviation
    // out. Bars 0-2 close at 10 with wicks to 11 and 9: the channel 9 to 11, the bands 0 wide: a squeeze at bar 2.
    // Bar 3 (12): the channel 10 to 12, the bands 9.72 to 11.61, no squeeze. Bar 4 (14) above the channel's 13.5: a
    // breakout two bars after the squeeze.
    private static readonly (decimal High, decimal Low, decimal Close)[] AfterASqueeze =
        [(11m, 9m, 10m), (11m, 9m, 10m), (11m, 9m, 10m), (12m, 12m, 12m), (14m, 14m, 14m)];

    private static (int Bar, SignalDirection Direction)[] Signals(
        IEnumerable<(decimal, decimal, decimal)> bars, int? squeezeBars, decimal multiplier = 0.5m, int period = 3, int rangePeriod = 1,
        decimal squeezeDeviations = 1m, bool fill = true)
    {
        var strategy = new KeltnerBreakoutStrategy("k", [Symbol], new KeltnerBreakoutOptions
        {
            Period = period, Multiplier = multiplier, RangePeriod = rangePeriod, AllowShort = true,
            SqueezeBars = squeezeBars, SqueezeDeviations = squeezeDeviations,
        });
        var context = new RecordingStrategyContext { FillImmediately = fill };
        context.Feed(strategy, Symbol, bars);
        return context.Directions();
    }

    [Fact]
    public void HandWorked_ABreakoutIsTakenOnlyWithinSqueezeBarsOfTheSqueeze()
    {
        Assert.Equal([(4, SignalDirection.Long)], Signals(AfterASqueeze, squeezeBars: null));
        Assert.Equal([(4, SignalDirection.Long)], Signals(AfterASqueeze, squeezeBars: 3)); // bars 2, 3 and 4
        Assert.Empty(Signals(AfterASqueeze, squeezeBars: 2)); // bars 3 and 4
    }

    [Fact]
    public void WithoutASqueeze_NothingIsEntered()
    {
        // Bars with no wicks: the channel and the bands are both 0 wide on the flat closes, so the bands are not inside.
        (decimal, decimal, decimal)[] bars = [(10m, 10m, 10m), (10m, 10m, 10m), (10m, 10m, 10m), (12m, 12m, 12m), (14m, 14m, 14m)];
        Assert.Equal([(4, SignalDirection.Long)], Signals(bars, squeezeBars: null));
        Assert.Empty(Signals(bars, squeezeBars: 100));
    }

    [Fact]
    public void ARefusedBreakout_StillClosesAPositionTheOtherWay()
    {
        // A short held into the rally, covered only above the upper band (exitMultiplier -0.5): the breakout of bar 4
        // reverses it within three bars of the squeeze, and only covers it within two.
        (int, SignalDirection)[] Run(int squeezeBars)
        {
            var context = new RecordingStrategyContext();
            context.SetPosition(Symbol, -1m);
            context.Feed(new KeltnerBreakoutStrategy("k", [Symbol], new KeltnerBreakoutOptions
            {
                Period = 3, Multiplier = 0.5m, RangePeriod = 1, ExitMultiplier = -0.5m, AllowShort = true,
                SqueezeBars = squeezeBars, SqueezeDeviations = 1m,
            }), Symbol, AfterASqueeze);
            return context.Directions();
        }

        Assert.Equal([(4, SignalDirection.Long)], Run(3));
        Assert.Equal([(4, SignalDirection.Flat)], Run(2));
    }

    [Fact]
    public void OnARandomWalk_FilteredEntriesAreExactlyTheUnfilteredOnesSoonAfterTheIndicatorsSqueeze()
    {
        // Orders never fill, so every close beyond the channel is an entry; the filter keeps exactly those with the
        // bands, by the indicators themselves, inside the channel on the bar or one of the four before.
        var bars = RandomBars.Walk(seed: 83, count: 3000);
        var channel = new KeltnerChannel(20, 2m, 10);
        var bands = new BollingerBands(20, 1.5m);
        var squeezes = new List<bool>();
        foreach (var (high, low, close) in bars)
        {
            channel.Update(high, low, close);
            bands.Update(close);
            squeezes.Add(channel.IsReady && bands.Upper < channel.Upper && bands.Lower > channel.Lower);
        }

        var unfiltered = Signals(bars, squeezeBars: null, multiplier: 2m, period: 20, rangePeriod: 10, squeezeDeviations: 1.5m, fill: false);
        var filtered = Signals(bars, squeezeBars: 5, multiplier: 2m, period: 20, rangePeriod: 10, squeezeDeviations: 1.5m, fill: false);

        Assert.Equal(unfiltered.Where(s => squeezes.Skip(s.Bar - 4).Take(5).Any(q => q)), filtered);
        Assert.True(filtered.Count(s => s.Direction == SignalDirection.Long) >= 10 && filtered.Count(s => s.Direction == SignalDirection.Short) >= 10,
            $"{filtered.Count(s => s.Direction == SignalDirection.Long)} longs, {filtered.Count(s => s.Direction == SignalDirection.Short)} shorts");
        Assert.True(unfiltered.Length - filtered.Length >= 10, $"{unfiltered.Length} unfiltered, {filtered.Length} filtered");
    }

    [Fact]
    public void BadValues_AreNamed()
    {
        Assert.Equal(["squeezeBars: must be at least 1 bar, got 0"], new KeltnerBreakoutOptions { SqueezeBars = 0 }.Validate().Select(p => p.ToString()));
        Assert.Equal(["squeezeDeviations: must be above 0, got -1"], new KeltnerBreakoutOptions { SqueezeDeviations = -1m }.Validate().Select(p => p.ToString()));
        Assert.Throws<ArgumentException>(() => new KeltnerBreakoutStrategy("k", [Symbol], new KeltnerBreakoutOptions { SqueezeBars = -3 }));
    }
}
