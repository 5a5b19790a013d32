using Bulwark.Core.Indicators;
using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// What the strategies whose positions come from their signals share (sma-cross, ema-cloud, donchian-breakout,
/// keltner-breakout, macd-cross, ma-cross, trix, supertrend, parabolic-sar, aroon, ichimoku, kama, hull, rsi-reversion,
/// bollinger-reversion, stochastic-reversion): a source, the symbols they trade, the protective exits and time stop the
/// kernel runs for their positions, and the trend and volume filters on their entries. Each says when it can first
/// signal and what it does with a bar.
/// </summary>
public abstract class SignalStrategy : IStrategy
{
    private readonly HashSet<string> _symbols;
    private readonly SymbolMap<VolumeReading> _volumes = new();
    private bool _volumeAllows = true;

    protected SignalStrategy(string source, IEnumerable<string> symbols)
    {
        Source = source;
        _symbols = new HashSet<string>(symbols, StringComparer.Ordinal);
    }

    public string Source { get; }

    /// <inheritdoc />
    public Risk.ProtectiveStop? Protection { get; init; }

    /// <inheritdoc />
    public TimeSpan? MaxHold { get; init; }

    /// <inheritdoc />
    public int? MaxHoldSessions { get; init; }

    /// <summary>Entries only while the ADX is within the filter's levels (a trend, or a range); null: every entry the rule gives.</summary>
    public TrendFilter? TrendFilter { get; init; }

    /// <summary>Entries only on bars whose volume is within the filter's ratios to the mean before; null: every entry the rule gives.</summary>
    public VolumeFilter? VolumeFilter { get; init; }

    /// <summary>The exits, time stops and filters together (the catalog sets them at once).</summary>
    public SignalRules Rules
    {
        get => new(Protection, MaxHold, MaxHoldSessions, TrendFilter) { VolumeFilter = VolumeFilter };
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            Protection = value.Protection;
            MaxHold = value.MaxHold;
            MaxHoldSessions = value.MaxHoldSessions;
            TrendFilter = value.TrendFilter;
            VolumeFilter = value.VolumeFilter;
        }
    }

    public bool Handles(string symbol) => _symbols.Contains(symbol);

    /// <inheritdoc />
    public abstract int BarsToFirstSignal { get; }

    /// <summary>Reads the bar's volume for the volume filter, when there is one, then lets the strategy act on the bar.</summary>
    public void OnBar(in Bar bar, IStrategyContext context)
    {
        if (VolumeFilter is { } filter)
        {
            var reading = _volumes.GetOrAdd(bar.Symbol, filter, static (_, f) => new VolumeReading(f));
            reading.Read(in bar, Source, context);
            _volumeAllows = reading.Allows;
        }
        DecideOn(in bar, context);
    }

    /// <summary>What the strategy does with a bar (the volume filter has read it: <see cref="AllowsEntry"/> knows its verdict).</summary>
    protected abstract void DecideOn(in Bar bar, IStrategyContext context);

    /// <summary>
    /// Whether the volume filter lets an entry through on the bar being decided, and the ADX filter a long
    /// (<paramref name="isLong"/>) or a short one: each always without one (for the ADX, no <paramref name="adx"/> kept).
    /// </summary>
    protected bool AllowsEntry(AverageDirectionalIndex? adx, bool isLong) =>
        _volumeAllows && (adx is null || TrendFilter is null || TrendFilter.AllowsEntry(adx, isLong));

    /// <summary>Signals for a crossover rule, and drops the exits its crosses made due: any signal sets what the position is.</summary>
    private protected void Signal(IStrategyContext context, string symbol, SignalDirection direction, CrossExits exits)
    {
        context.Signal(Source, symbol, direction);
        exits.Acted();
    }

    /// <summary>
    /// The crossover rule of macd-cross, ma-cross and trix, once the bar's <paramref name="cross"/> is known: the exits
    /// it makes due are noted; then, unless an order of the symbol works, a cross up is a long from flat or short, and
    /// a cross down a short (with <paramref name="allowShort"/>) from flat or long, each only on its side of the
    /// <paramref name="trend"/> average, where the strategy's own filter admits it (<paramref name="admitsLong"/>,
    /// <paramref name="admitsShort"/>) and <see cref="AllowsEntry"/>; else a long is closed while the line is below once
    /// its exit is due, a short while above. A cross refused as an entry still closes a position the other way.
    /// </summary>
    private protected void ActOnCross(in Bar bar, IStrategyContext context, CrossOver cross, CrossExits exits, IMovingAverage? trend,
        AverageDirectionalIndex? adx, bool allowShort, bool admitsLong = true, bool admitsShort = true)
    {
        exits.Follow(cross);
        if (context.HasOpenOrder(bar.Symbol)) return;
        var position = context.PositionQuantity(bar.Symbol);
        var (longs, shorts) = TrendSides.Of(trend, bar.Close);
        if (cross.Up && longs && position <= 0m && admitsLong && AllowsEntry(adx, isLong: true)) Signal(context, bar.Symbol, SignalDirection.Long, exits);
        else if (allowShort && cross.Down && shorts && position >= 0m && admitsShort && AllowsEntry(adx, isLong: false)) Signal(context, bar.Symbol, SignalDirection.Short, exits);
        else if (position > 0m && exits.LongDue && cross.Side < 0) Signal(context, bar.Symbol, SignalDirection.Flat, exits);
        else if (position < 0m && exits.ShortDue && cross.Side > 0) Signal(context, bar.Symbol, SignalDirection.Flat, exits);
    }

    /// <summary><paramref name="bars"/> the rule needs, or the trend filter's ADX's or the volume filter's when either needs more.</summary>
    protected int AndTheFilters(int bars) => Math.Max(Math.Max(bars, TrendFilter?.BarsToReady ?? 0), VolumeFilter?.BarsToReady ?? 0);
}
