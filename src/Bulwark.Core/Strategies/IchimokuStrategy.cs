namespace Bulwark.Core.Strategies;

/// <summary>
/// Ichimoku cloud breakouts, Hosoda's trend system: long when a close breaks above the cloud (both leading spans as
/// drawn at its bar), flat when a close breaks below it; a close inside the cloud changes nothing.
/// <see cref="IchimokuOptions.ConfirmLines"/> also asks the conversion line (tenkan-sen) to be on the breakout's side of
/// the base line (kijun-sen), and <see cref="IchimokuOptions.ConfirmLagging"/> the close to be beyond the close
/// <see cref="IchimokuOptions.Displacement"/> bars before (the lagging line clear of the prices); until both agree the
/// trend does not turn. With <see cref="TurnOptions.AllowShort"/>, the mirror image, and each turn reverses the
/// position. The lines are the ones <c>bulwark indicators --indicator ichimoku:9:26:52</c> prints; the strategy acts at
/// the bar's close (the order fills at the next open). The direction the trend starts with is where it started, not a
/// turn: an entry is only at a turn, never late, and a position found held when the strategy starts (an exit lost while
/// the bot was down) is closed at the first turn against it. No signal while an order of the symbol is working: an exit
/// held back then goes at the first bar after, if the trend has not turned back. With a <see cref="TrendFilter"/>, a
/// turn is an entry only while the ADX is within its levels; with <see cref="TurnOptions.TrendPeriod"/>, only on the
/// trend average's side of the close (a refused turn still closes a position the other way).
/// </summary>
public sealed class IchimokuStrategy : TurnStrategy<IchimokuTrend>
{
    private readonly IchimokuOptions _options;

    public IchimokuStrategy(string source, IEnumerable<string> symbols, IchimokuOptions options)
        : base("ichimoku", source, symbols, options) => _options = options;

    /// <summary>
    /// The cloud at a bar is known after the span B period (the longest, as the options are checked) and the
    /// displacement; a turn needs one more bar; a trend average needs its period, and the ADX and volume filters their
    /// bars.
    /// </summary>
    public override int BarsToFirstSignal => AndTheFilters(Math.Max(_options.SpanBPeriod + _options.Displacement + 1, TrendSides.BarsToReady(_options.TrendPeriod, _options.TrendAverage)));

    private protected override IchimokuTrend NewLine() => new(_options);
}
