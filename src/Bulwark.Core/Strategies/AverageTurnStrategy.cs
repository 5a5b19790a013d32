namespace Bulwark.Core.Strategies;

/// <summary>
/// What the strategies trading a moving average's turns share (kama, hull): the line is the average's
/// <see cref="AverageTurns"/>, a turn being a move back from its extreme since the last turn by more than the filter's
/// standard deviations of its recent one-bar changes; everything else is the <see cref="TurnStrategy{TLine}"/> base's.
/// </summary>
public abstract class AverageTurnStrategy : TurnStrategy<AverageTurns>
{
    private readonly AverageTurnOptions _options;

    /// <exception cref="ArgumentException"><paramref name="options"/> are not valid: the message starts with <paramref name="name"/>.</exception>
    private protected AverageTurnStrategy(string name, string source, IEnumerable<string> symbols, AverageTurnOptions options)
        : base(name, source, symbols, options) => _options = options;

    /// <summary>
    /// The trend has a direction after <see cref="AverageTurnOptions.BarsToDirection"/> bars; a turn needs one more; a
    /// trend average needs its period, and the ADX and volume filters their bars.
    /// </summary>
    public sealed override int BarsToFirstSignal => AndTheFilters(Math.Max(_options.BarsToDirection + 1, TrendSides.BarsToReady(_options.TrendPeriod, _options.TrendAverage)));

    private protected sealed override AverageTurns NewLine() => new(_options);
}
