using Bulwark.Core.Indicators;
using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// What the strategies trading a trend line's turns share (supertrend, parabolic-sar, aroon, ichimoku, kama, hull):
/// long when the line turns up, flat when it turns down; with shorts allowed, the mirror image, and a turn the other
/// way reverses the position. An entry only at its turn, never late; no signal while an order of the symbol is working,
/// and an exit that could not go out then goes at the first bar after, if the line has not turned back. The line's
/// direction before its first turn is where it started, not a turn, so it closes nothing: a position found held when
/// the strategy starts (an exit lost while the bot was down) is closed at the first turn against it, or a long before
/// then at the first bar <see cref="LongStopBeforeATurn"/> says reached its stop. With a
/// <see cref="SignalStrategy.TrendFilter"/>, a turn is an entry only while the ADX is within its levels; with a trend
/// average, only on its side of the close (a refused turn still closes a position the other way).
/// </summary>
/// <typeparam name="TLine">The line whose turns are traded.</typeparam>
public abstract class TurnStrategy<TLine> : SignalStrategy
    where TLine : class, ITrendLine
{
    private readonly SymbolMap<State> _bySymbol = new();
    private readonly TurnOptions _options;

    /// <exception cref="ArgumentException"><paramref name="options"/> are not valid: the message starts with <paramref name="name"/>.</exception>
    private protected TurnStrategy(string name, string source, IEnumerable<string> symbols, TurnOptions options)
        : base(source, symbols)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException($"{name} options: {string.Join("; ", problems)}", nameof(options));
        _options = options;
    }

    /// <summary>A new, empty line for one symbol.</summary>
    private protected abstract TLine NewLine();

    /// <summary>Whether a long found held has reached its stop on <paramref name="bar"/> before the line's first turn.</summary>
    private protected virtual bool LongStopBeforeATurn(TLine line, in Bar bar) => false;

    protected sealed override void DecideOn(in Bar bar, IStrategyContext context)
    {
        var st = _bySymbol.GetOrAdd(bar.Symbol, this, static (_, s) => new State(
            s.NewLine(), s.TrendFilter?.NewIndex(), TrendSides.NewAverage(s._options.TrendPeriod, s._options.TrendAverage)));
        st.Line.Update(in bar);
        st.Adx?.Update(in bar);
        st.Trend?.Update(bar.Close);
        if (!st.Line.IsReady) return;

        var turn = st.Turn;
        turn.Update(st.Line.IsUp ? 1m : -1m, 0m);
        st.Exits.Follow(turn);
        st.Turned |= turn.Up || turn.Down;
        st.LongStopped |= !st.Turned && LongStopBeforeATurn(st.Line, in bar);
        if (context.HasOpenOrder(bar.Symbol)) return;

        var position = context.PositionQuantity(bar.Symbol);
        var (longs, shorts) = TrendSides.Of(st.Trend, bar.Close);
        if (turn.Up && longs && position <= 0m && AllowsEntry(st.Adx, isLong: true)) Signal(context, bar.Symbol, SignalDirection.Long, st.Exits);
        else if (_options.AllowShort && turn.Down && shorts && position >= 0m && AllowsEntry(st.Adx, isLong: false)) Signal(context, bar.Symbol, SignalDirection.Short, st.Exits);
        else if (position > 0m && st.Exits.LongDue && (st.Turned ? turn.Side < 0 : st.LongStopped)) Signal(context, bar.Symbol, SignalDirection.Flat, st.Exits);
        else if (position < 0m && st.Exits.ShortDue && st.Turned && turn.Side > 0) Signal(context, bar.Symbol, SignalDirection.Flat, st.Exits);
    }

    private sealed class State(TLine line, AverageDirectionalIndex? adx, IMovingAverage? trend)
    {
        public TLine Line { get; } = line;

        /// <summary>The line's direction as a series crossing zero: up +1, down -1, so its crosses are the turns.</summary>
        public CrossOver Turn { get; } = new();

        /// <summary>The trend filter's ADX; null without one.</summary>
        public AverageDirectionalIndex? Adx { get; } = adx;

        /// <summary>The trend average entries must be on the right side of; null without one.</summary>
        public IMovingAverage? Trend { get; } = trend;

        /// <summary>The exits the turns made due and no signal has acted on yet.</summary>
        public CrossExits Exits { get; } = new();

        /// <summary>Whether the line has turned since the strategy started: its first direction is where it started.</summary>
        public bool Turned { get; set; }

        /// <summary>A bar before the first turn reached a long's stop: a long found held is closed.</summary>
        public bool LongStopped { get; set; }
    }
}
