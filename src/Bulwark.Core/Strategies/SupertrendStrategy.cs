using Bulwark.Core.Indicators;
using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// Supertrend turns: long when the <see cref="Supertrend"/> of the bars turns up (a close above its upper band), flat
/// when it turns down (a close below its lower band, the line a long's trailing stop). With
/// <see cref="TurnOptions.AllowShort"/>, the mirror image, and a turn the other way reverses the position. The
/// line is the one <c>bulwark indicators --indicator supertrend:N:K</c> prints; the first bar it is known on starts a
/// downtrend, so the first entry is a turn up after it. No signal before then, nor while an order of the symbol is
/// working. An exit it could not signal then is signalled at the first bar after, if the trend has not turned back; so
/// is one lost while the bot was down: a short found held when the strategy starts is bought back at the first turn up
/// (an entry, so a long, unless a filter refuses it: then only covered), and a long closed at the first turn down, or
/// before any turn at the first close below the lower band (its trailing stop): that first downtrend is where the line
/// starts, not what the market did, so it closes nothing. An entry is never signalled late. With a
/// <see cref="TrendFilter"/>, a turn is an entry only while the ADX is within its levels; with
/// <see cref="TurnOptions.TrendPeriod"/>, only on the trend average's side of the close (a refused turn still
/// closes a position the other way).
/// </summary>
public sealed class SupertrendStrategy : TurnStrategy<Supertrend>
{
    private readonly SupertrendOptions _options;

    public SupertrendStrategy(string source, IEnumerable<string> symbols, SupertrendOptions options)
        : base("supertrend", source, symbols, options) => _options = options;

    /// <summary>
    /// The line is known after <see cref="SupertrendOptions.Period"/> bars; a turn needs one more; a trend average needs
    /// its period, and the ADX and volume filters their bars.
    /// </summary>
    public override int BarsToFirstSignal => AndTheFilters(Math.Max(_options.Period + 1, TrendSides.BarsToReady(_options.TrendPeriod, _options.TrendAverage)));

    private protected override Supertrend NewLine() => new(_options.Period, _options.Multiplier);

    /// <summary>A close below the lower band: a long's trailing stop, before the first turn makes the line one.</summary>
    private protected override bool LongStopBeforeATurn(Supertrend line, in Bar bar) => bar.Close < line.Lower;
}
