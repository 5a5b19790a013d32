using Bulwark.Core.Indicators;

namespace Bulwark.Core.Strategies;

/// <summary>
/// The four EMAs of one symbol and the crossing of its fast cloud (fast short EMA against fast long EMA), and the trend
/// filter's ADX and the trend average when there are.
/// </summary>
internal sealed class EmaCloudSymbolState(EmaCloudOptions options, AverageDirectionalIndex? adx)
{
    private readonly ExponentialMovingAverage _fastShort = new(options.FastShort);
    private readonly ExponentialMovingAverage _fastLong = new(options.FastLong);
    private readonly ExponentialMovingAverage _trendShort = new(options.TrendShort);
    private readonly ExponentialMovingAverage _trendLong = new(options.TrendLong);
    private readonly CrossOver _fastCross = new();

    /// <summary>The trend filter's ADX; null without one.</summary>
    public AverageDirectionalIndex? Adx { get; } = adx;

    /// <summary>The trend average entries must be on the right side of; null without one.</summary>
    public IMovingAverage? Trend { get; } = TrendSides.NewAverage(options.TrendPeriod, options.TrendAverage);

    /// <summary>True once every EMA is ready; the fast cloud's crossings count from that bar on.</summary>
    public bool IsReady => _fastShort.IsReady && _fastLong.IsReady && _trendShort.IsReady && _trendLong.IsReady;

    /// <summary>The fast cloud turned bullish (fast short EMA crossed above the fast long EMA) on the latest bar.</summary>
    public bool TurnedBullish => _fastCross.Up;

    /// <summary>The fast cloud turned bearish on the latest bar.</summary>
    public bool TurnedBearish => _fastCross.Down;

    /// <summary>The fast cloud is bearish: the fast short EMA was under the fast long EMA where they last differed.</summary>
    public bool FastBearish => _fastCross.Side < 0;

    /// <summary>The fast cloud is bullish: the mirror of <see cref="FastBearish"/>.</summary>
    public bool FastBullish => _fastCross.Side > 0;

    /// <summary>The exits the fast cloud's turns made due and no signal has acted on yet.</summary>
    public CrossExits Exits { get; } = new();

    public decimal FastHigh => Math.Max(_fastShort.Value, _fastLong.Value);
    public decimal FastLow => Math.Min(_fastShort.Value, _fastLong.Value);
    public decimal TrendTop => Math.Max(_trendShort.Value, _trendLong.Value);
    public decimal TrendBottom => Math.Min(_trendShort.Value, _trendLong.Value);

    public void Update(in Model.Bar bar)
    {
        Adx?.Update(in bar);
        var close = bar.Close;
        Trend?.Update(close);
        _fastShort.Update(close);
        _fastLong.Update(close);
        _trendShort.Update(close);
        _trendLong.Update(close);
        if (!IsReady) return;
        _fastCross.Update(_fastShort.Value, _fastLong.Value);
        Exits.Follow(_fastCross);
    }
}
