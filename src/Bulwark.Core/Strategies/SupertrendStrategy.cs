using Bulwark.Core.Indicators;
using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// Supertrend turns: long when the <see cref="Supertrend"/> of the bars turns up (a close above its upper band), flat
/// when it turns down (a close below its lower band, the line a long's trailing stop). With
/// <see cref="SupertrendOptions.AllowShort"/>, the mirror image, and a turn the other way reverses the position. The
/// line is the one <c>bulwark indicators --indicator supertrend:N:K</c> prints; the first bar it is known on starts a
/// downtrend, so the first entry is a turn up after it. No signal before then, nor while an order of the symbol is
/// working. An exit it could not signal then is signalled at the first bar after, if the trend has not turned back; so
/// is one lost while the bot was down: a short found held when the strategy starts is bought back at the first turn up
/// (an entry, so a long, unless a filter refuses it: then only covered), and a long closed at the first turn down, or
/// before any turn at the first close below the lower band (its trailing stop): that first downtrend is where the line
/// starts, not what the market did, so it closes nothing. An entry is never signalled late. With a
/// <see cref="TrendFilter"/>, a turn is an entry only while the ADX is within its levels; with
/// <see cref="SupertrendOptions.TrendPeriod"/>, only on the trend average's side of the close (a refused turn still
/// closes a position the other way).
/// </summary>
public sealed class SupertrendStrategy : SignalStrategy
{
    private readonly SymbolMap<SymbolState> _bySymbol = new();
    private readonly SupertrendOptions _options;

    public SupertrendStrategy(string source, IEnumerable<string> symbols, SupertrendOptions options)
        : base(source, symbols)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException($"supertrend options: {string.Join("; ", problems)}", nameof(options));
        _options = options;
    }

    /// <summary>
    /// The line is known after <see cref="SupertrendOptions.Period"/> bars; a turn needs one more; a trend average needs
    /// its period, and the ADX and volume filters their bars.
    /// </summary>
    public override int BarsToFirstSignal => AndTheFilters(Math.Max(_options.Period + 1, _options.TrendPeriod ?? 0));

    protected override void DecideOn(in Bar bar, IStrategyContext context)
    {
        var st = _bySymbol.GetOrAdd(bar.Symbol, this, static (_, s) => new SymbolState(
            new Supertrend(s._options.Period, s._options.Multiplier), s.TrendFilter?.NewIndex(),
            TrendSides.NewAverage(s._options.TrendPeriod, s._options.TrendAverage)));
        st.Line.Update(in bar);
        st.Adx?.Update(in bar);
        st.Trend?.Update(bar.Close);
        if (!st.Line.IsReady) return;

        var turn = st.Turn;
        turn.Update(st.Line.IsUp ? 1m : -1m, 0m);
        st.Exits.Follow(turn);
        st.Turned |= turn.Up || turn.Down;
        st.BelowBeforeATurn |= !st.Turned && bar.Close < st.Line.Lower;
        if (context.HasOpenOrder(bar.Symbol)) return;

        var position = context.PositionQuantity(bar.Symbol);
        var (longs, shorts) = TrendSides.Of(st.Trend, bar.Close);
        if (turn.Up && longs && position <= 0m && AllowsEntry(st.Adx, isLong: true)) Signal(context, bar.Symbol, SignalDirection.Long, st.Exits);
        else if (_options.AllowShort && turn.Down && shorts && position >= 0m && AllowsEntry(st.Adx, isLong: false)) Signal(context, bar.Symbol, SignalDirection.Short, st.Exits);
        else if (position > 0m && st.Exits.LongDue && (st.Turned ? turn.Side < 0 : st.BelowBeforeATurn)) Signal(context, bar.Symbol, SignalDirection.Flat, st.Exits);
        else if (position < 0m && st.Exits.ShortDue && turn.Side > 0) Signal(context, bar.Symbol, SignalDirection.Flat, st.Exits);
    }

    private sealed class SymbolState(Supertrend line, AverageDirectionalIndex? adx, IMovingAverage? trend)
    {
        public Supertrend Line { get; } = line;

        /// <summary>The trend's direction as a series crossing zero: up +1, down -1, so its crosses are the turns.</summary>
        public CrossOver Turn { get; } = new();

        /// <summary>The trend filter's ADX; null without one.</summary>
        public AverageDirectionalIndex? Adx { get; } = adx;

        /// <summary>The trend average entries must be on the right side of; null without one.</summary>
        public IMovingAverage? Trend { get; } = trend;

        /// <summary>The exits the turns made due and no signal has acted on yet.</summary>
        public CrossExits Exits { get; } = new();

        /// <summary>Whether the trend has turned since the strategy started: the first downtrend is a convention, not a reading.</summary>
        public bool Turned { get; set; }

        /// <summary>A close below the lower band before the first turn: a long found held then has hit its trailing stop.</summary>
        public bool BelowBeforeATurn { get; set; }
    }
}
