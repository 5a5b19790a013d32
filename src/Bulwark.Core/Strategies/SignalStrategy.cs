using Bulwark.Core.Indicators;
using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// What the strategies whose positions come from their signals share (sma-cross, ema-cloud, donchian-breakout,
/// keltner-breakout, macd-cross, rsi-reversion, bollinger-reversion, stochastic-reversion): a source, the symbols they
/// trade, the protective exits and time stop the kernel runs for their positions, and the trend filter on their entries.
/// Each says when it can first signal and what it does with a bar.
/// </summary>
public abstract class SignalStrategy : IStrategy
{
    private readonly HashSet<string> _symbols;

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

    /// <summary>The exits, time stops and filter together (the catalog sets them at once).</summary>
    public SignalRules Rules
    {
        get => new(Protection, MaxHold, MaxHoldSessions, TrendFilter);
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            Protection = value.Protection;
            MaxHold = value.MaxHold;
            MaxHoldSessions = value.MaxHoldSessions;
            TrendFilter = value.TrendFilter;
        }
    }

    public bool Handles(string symbol) => _symbols.Contains(symbol);

    /// <inheritdoc />
    public abstract int BarsToFirstSignal { get; }

    public abstract void OnBar(in Bar bar, IStrategyContext context);

    /// <summary>
    /// Whether the ADX filter lets a long (<paramref name="isLong"/>) or a short entry through now: always without one (no
    /// <paramref name="adx"/> kept).
    /// </summary>
    protected bool AllowsEntry(AverageDirectionalIndex? adx, bool isLong) => adx is null || TrendFilter is null || TrendFilter.AllowsEntry(adx, isLong);

    /// <summary>Signals for a crossover rule, and drops the exits its crosses made due: any signal sets what the position is.</summary>
    private protected void Signal(IStrategyContext context, string symbol, SignalDirection direction, CrossExits exits)
    {
        context.Signal(Source, symbol, direction);
        exits.Acted();
    }

    /// <summary><paramref name="bars"/> the rule needs, or the trend filter's ADX's when it needs more.</summary>
    protected int AndTheFilters(int bars) => Math.Max(bars, TrendFilter?.BarsToReady ?? 0);
}
