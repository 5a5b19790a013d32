using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;
using Bulwark.Core.Tests.Indicators;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// ichimoku on hand-worked bars and random walks: an entry at each turn of the close through the cloud, an exit at each
/// turn against it. The hand-worked bars, with periods 1, 2 and 3 and the spans one bar ahead: the cloud is known from
/// bar 3, whose close 9 is below it (13.5 to 15: the start, down); bar 6's close 8 is inside it (7.25 to 8.5); bar 7's
/// close 8 is above it (7 to 7.25), bar 8's 7 below (7.25 to 7.5) and bar 9's 7 above (6.5 both spans).
/// </summary>
public sealed class IchimokuStrategyTests
{
    private const string Symbol = "X";

    private static readonly (decimal High, decimal Low, decimal Close)[] Bars =
        [(18m, 17m, 18m), (16m, 14m, 15m), (14m, 12m, 14m), (13m, 9m, 9m), (9m, 4m, 6m), (10m, 5m, 7m), (8m, 6m, 8m), (8m, 7m, 8m), (8m, 5m, 7m), (11m, 7m, 7m)];

    private static IchimokuOptions Small(bool allowShort = false, bool confirmLines = false, bool confirmLagging = false) =>
        new() { ConversionPeriod = 1, BasePeriod = 2, SpanBPeriod = 3, Displacement = 1, AllowShort = allowShort, ConfirmLines = confirmLines, ConfirmLagging = confirmLagging };

    private static IchimokuStrategy Strategy(IchimokuOptions options) => new("s", [Symbol], options);

    [Fact]
    public void HandWorked_LongOnABreakAbove_FlatOnABreakBelow_InsideTheCloudNothing()
    {
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(Small()), Symbol, Bars);
        Assert.Equal([(7, SignalDirection.Long), (8, SignalDirection.Flat), (9, SignalDirection.Long)], context.Directions());
    }

    [Fact]
    public void WithShorts_ABreakBelowShorts_AndEachTurnReverses()
    {
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(Small(allowShort: true)), Symbol, Bars);
        Assert.Equal([(7, SignalDirection.Long), (8, SignalDirection.Short), (9, SignalDirection.Long)], context.Directions());
    }

    [Fact]
    public void ConfirmLines_KeepsTheDirectionWhileTheConversionLineIsNotBeyondTheBaseLine()
    {
        // Bar 8 closes below the cloud, but the conversion line (8 + 5) / 2 equals the base line (8 + 5) / 2: still up.
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(Small(allowShort: true, confirmLines: true)), Symbol, Bars);
        Assert.Equal([(7, SignalDirection.Long)], context.Directions());
    }

    [Fact]
    public void ConfirmLagging_KeepsTheDirectionWhileTheCloseIsNotBeyondTheCloseDisplacementBarsBefore()
    {
        // Bar 7 closes above the cloud at 8, the close before it 8; bar 9 at 7, the close before it 7: down throughout.
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(Small(allowShort: true, confirmLagging: true)), Symbol, Bars);
        Assert.Empty(context.Signals);
    }

    [Theory]
    [InlineData(1, 9, 26, 52, 26, false, false, false)]
    [InlineData(2, 5, 12, 30, 12, true, false, false)]
    [InlineData(3, 9, 26, 52, 26, true, true, false)]
    [InlineData(4, 7, 22, 44, 22, true, false, true)]
    [InlineData(5, 3, 8, 20, 5, false, true, true)]
    public void OnARandomWalk_TheSignalsAreTheBreaksThroughTheCloudTheIndicatorDraws(
        int seed, int conversion, int @base, int spanB, int displacement, bool allowShort, bool lines, bool lagging)
    {
        var bars = RandomBars.Walk(seed, 3000);
        var options = new IchimokuOptions
        {
            ConversionPeriod = conversion, BasePeriod = @base, SpanBPeriod = spanB, Displacement = displacement,
            AllowShort = allowShort, ConfirmLines = lines, ConfirmLagging = lagging,
        };
        var context = new RecordingStrategyContext();
        context.Feed(Strategy(options), Symbol, bars);

        // The cloud and lines read off the indicator, the lagged close off the bars.
        var ichimoku = new Ichimoku(conversion, @base, spanB, displacement);
        var directions = new int[bars.Count];
        for (var i = 0; i < bars.Count; i++)
        {
            ichimoku.Update(IndicatorData.ToBar(bars[i], i));
            var before = i > 0 ? directions[i - 1] : 0;
            if (!ichimoku.IsReady) continue;
            var close = bars[i].Close;
            var lagged = bars[i - displacement].Close;
            var up = close > Math.Max(ichimoku.SpanA, ichimoku.SpanB) && (!lines || ichimoku.Conversion > ichimoku.Base) && (!lagging || close > lagged);
            var down = close < Math.Min(ichimoku.SpanA, ichimoku.SpanB) && (!lines || ichimoku.Conversion < ichimoku.Base) && (!lagging || close < lagged);
            directions[i] = up ? 1 : down ? -1 : before;
        }
        var expected = TurnSignals.FromDirections(directions, allowShort);
        Assert.True(expected.Count > 10, $"only {expected.Count} turns: the walk does not test much");
        Assert.Equal(expected, context.Directions());
    }

    [Fact]
    public void APositionFoundHeld_IsClosedAtTheFirstTurnAgainstIt_NotByTheDirectionTheTrendStartsWith()
    {
        // The trend starts down at bar 3, where it began: the long is kept, and closed at the first turn down, bar 8.
        var kept = new RecordingStrategyContext();
        kept.SetPosition(Symbol, 10m);
        kept.Feed(Strategy(Small()), Symbol, Bars);
        Assert.Equal([(8, SignalDirection.Flat), (9, SignalDirection.Long)], kept.Directions());

        // A short found held is kept while the trend starts down, and bought over at the turn up.
        var shortHeld = new RecordingStrategyContext();
        shortHeld.SetPosition(Symbol, -10m);
        shortHeld.Feed(Strategy(Small()), Symbol, Bars[..8]);
        Assert.Equal([(7, SignalDirection.Long)], shortHeld.Directions());
    }

    [Fact]
    public void ATurnDownWhileAnOrderWorks_IsActedOnAtTheFirstBarAfter_ATurnUpNeverLater()
    {
        var context = new RecordingStrategyContext();
        var strategy = Strategy(Small());
        context.Feed(strategy, Symbol, Bars[..8]); // long at bar 7
        context.OpenOrders.Add(Symbol);
        context.Feed(strategy, Symbol, [Bars[8]]); // turns down while an order works
        context.OpenOrders.Clear();
        context.Feed(strategy, Symbol, [(8m, 5m, 5.5m)]); // still down (a close under the cloud): the exit goes now
        Assert.Equal([(7, SignalDirection.Long), (9, SignalDirection.Flat)], context.Directions());

        var missed = new RecordingStrategyContext();
        strategy = Strategy(Small());
        missed.Feed(strategy, Symbol, Bars[..7]);
        missed.OpenOrders.Add(Symbol);
        missed.Feed(strategy, Symbol, [Bars[7]]); // turns up while an order works
        missed.OpenOrders.Clear();
        missed.Feed(strategy, Symbol, [(9m, 8m, 9m)]); // still up, but the turn has passed
        Assert.Empty(missed.Signals);
    }

    [Theory]
    [InlineData(0, 26, 52, 26, "conversionPeriod")]
    [InlineData(9, 100_001, 52, 26, "basePeriod")]
    [InlineData(9, 26, 0, 26, "spanBPeriod")]
    [InlineData(9, 26, 52, 0, "displacement")]
    [InlineData(26, 26, 52, 26, "conversionPeriod")]
    [InlineData(9, 52, 52, 26, "basePeriod")]
    public void BadOptions_AreNamed(int conversion, int @base, int spanB, int displacement, string key)
    {
        var options = new IchimokuOptions { ConversionPeriod = conversion, BasePeriod = @base, SpanBPeriod = spanB, Displacement = displacement };
        Assert.Equal(key, Assert.Single(options.Validate()).Key);
        Assert.Throws<ArgumentException>(() => new IchimokuStrategy("s", [Symbol], options));
        Assert.Throws<ArgumentException>(() => new IchimokuTrend(options));
    }

    [Fact]
    public void TheTrend_IsReadyOnlyOnceACloseHasLeftTheCloud()
    {
        var trend = new IchimokuTrend(Small());
        foreach (var bar in new[] { (10m, 8m, 9m), (10m, 8m, 9m), (10m, 8m, 9m), (10m, 8m, 9m) }) trend.Update(IndicatorData.ToBar(bar, 0));
        Assert.True(trend.Ichimoku.IsReady);
        Assert.False(trend.IsReady); // the cloud is 9 to 9 and the closes are on it
        trend.Update(IndicatorData.ToBar((10m, 8m, 9.5m), 0));
        Assert.Equal((true, true, 1m), (trend.IsReady, trend.IsUp, trend.GetOutput(0)));
    }

    [Fact]
    public void BarsToFirstSignal_IsTheSpanBPeriodTheDisplacementAndATurn_OrTheTrendAverage()
    {
        Assert.Equal(79, Strategy(new IchimokuOptions()).BarsToFirstSignal);
        Assert.Equal(5, Strategy(Small()).BarsToFirstSignal);
        Assert.Equal(200, Strategy(new IchimokuOptions { TrendPeriod = 200 }).BarsToFirstSignal);
    }
}
