namespace Bulwark.Core.Strategies;

/// <summary>
/// Trades the turns of Hull's moving average (HMA) of the closes: long when the average turns up, flat when it turns
/// down, a turn being a move back from its extreme since the last turn by more than
/// <see cref="AverageTurnOptions.Filter"/> standard deviations of its recent one-bar changes (<see cref="AverageTurns"/>;
/// without a filter, any rise or fall). Hull's average lags a trend least of the moving averages, so it turns within a
/// few bars of the closes; in a chop it turns as often, which the filter holds back. With
/// <see cref="TurnOptions.AllowShort"/>, the mirror image, and each turn reverses the position. The average is the one
/// <c>bulwark indicators --indicator hma:20</c> prints; the strategy acts at the bar's close (the order fills at the
/// next open). Entries only at a turn, restarts, working orders, the trend average and the ADX and volume filters
/// behave as for every <see cref="TurnStrategy{TLine}"/>.
/// </summary>
public sealed class HullStrategy(string source, IEnumerable<string> symbols, HullOptions options)
    : AverageTurnStrategy("hull", source, symbols, options);
