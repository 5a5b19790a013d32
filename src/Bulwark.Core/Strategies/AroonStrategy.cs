namespace Bulwark.Core.Strategies;

/// <summary>
/// Aroon crossovers, Chande's trend-age system: long when Aroon up crosses above Aroon down (the period's highest high
/// now more recent than its lowest low), flat when it crosses back. <see cref="AroonOptions.Threshold"/> asks the
/// oscillator (up - down) to pass that far beyond zero, either way, before the trend turns, so a market without a
/// trend does not turn it back and forth. With <see cref="TurnOptions.AllowShort"/>, the mirror image, and each turn
/// reverses the position. The lines are the ones <c>bulwark indicators --indicator aroon:N</c> prints; the strategy
/// acts at the bar's close (the order fills at the next open). The direction the trend starts with is where it
/// started, not a turn: an entry is only at a turn, never late, and a position found held when the strategy starts (an
/// exit lost while the bot was down) is closed at the first turn against it. No signal while an order of the symbol
/// is working: an exit held back then goes at the first bar after, if the trend has not turned back. With a
/// <see cref="TrendFilter"/>, a turn is an entry only while the ADX is within its levels; with
/// <see cref="TurnOptions.TrendPeriod"/>, only on the trend average's side of the close (a refused turn still closes a
/// position the other way).
/// </summary>
public sealed class AroonStrategy : TurnStrategy<AroonTrend>
{
    private readonly AroonOptions _options;

    public AroonStrategy(string source, IEnumerable<string> symbols, AroonOptions options)
        : base("aroon", source, symbols, options) => _options = options;

    /// <summary>
    /// The Aroon is known after period + 1 bars; a turn needs one more; a trend average needs its period, and the ADX
    /// and volume filters their bars.
    /// </summary>
    public override int BarsToFirstSignal => AndTheFilters(Math.Max(_options.Period + 2, TrendSides.BarsToReady(_options.TrendPeriod, _options.TrendAverage)));

    private protected override AroonTrend NewLine() => new(_options.Period, _options.Threshold);
}
