using Bulwark.Core.Indicators;

namespace Bulwark.Core.Strategies;

/// <summary>
/// Parabolic SAR reversals, Wilder's stop and reverse: long when the <see cref="ParabolicSar"/> of the bars reverses up
/// (a bar's high reaches the stop above a downtrend), flat when it reverses down (a bar's low reaches the long's stop).
/// With <see cref="TurnOptions.AllowShort"/>, the mirror image, and each reversal reverses the position, as Wilder
/// traded it. The stop is the one <c>bulwark indicators --indicator psar:S:M</c> prints; the strategy acts at the bar's
/// close (the order fills at the next open), not at the stop during the bar. The trend the SAR starts with, read from
/// its first two bars, is where it started, not a reversal: an entry is only at a reversal, never late, and a position
/// found held when the strategy starts (an exit lost while the bot was down) is closed at the first reversal against
/// it. No signal while an order of the symbol is working: an exit held back then goes at the first bar after, if the
/// SAR has not reversed back. With a <see cref="TrendFilter"/>, a reversal is an entry only while the ADX is within its
/// levels; with <see cref="TurnOptions.TrendPeriod"/>, only on the trend average's side of the close (a refused
/// reversal still closes a position the other way).
/// </summary>
public sealed class ParabolicSarStrategy : TurnStrategy<ParabolicSar>
{
    private readonly ParabolicSarOptions _options;

    public ParabolicSarStrategy(string source, IEnumerable<string> symbols, ParabolicSarOptions options)
        : base("parabolic-sar", source, symbols, options) => _options = options;

    /// <summary>
    /// The SAR is known after two bars; a reversal needs one more; a trend average needs its period, and the ADX and
    /// volume filters their bars.
    /// </summary>
    public override int BarsToFirstSignal => AndTheFilters(Math.Max(3, TrendSides.BarsToReady(_options.TrendPeriod, _options.TrendAverage)));

    private protected override ParabolicSar NewLine() => new(_options.Acceleration, _options.MaxAcceleration);
}
