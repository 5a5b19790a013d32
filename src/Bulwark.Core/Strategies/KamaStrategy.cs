namespace Bulwark.Core.Strategies;

/// <summary>
/// Kaufman's adaptive moving average system: long when the average turns up, flat when it turns down, a turn being a
/// move back from its extreme since the last turn by more than <see cref="AverageTurnOptions.Filter"/> standard
/// deviations of its recent one-bar changes (<see cref="AverageTurns"/>). The average takes 4/9 of each step of a
/// straight run of closes (the two-bar EMA's factor, squared) and all but stands still in a chop, where the filter
/// keeps its small moves from turning it. With <see cref="TurnOptions.AllowShort"/>, the mirror image, and each turn
/// reverses the position. The average is the one <c>bulwark indicators --indicator kama:10:2:30</c> prints; the
/// strategy acts at the bar's close (the order fills at the next open). The direction the trend starts with is where it
/// started, not a turn: an entry is only at a turn, never late, and a position found held when the strategy starts (an
/// exit lost while the bot was down) is closed at the first turn against it. No signal while an order of the symbol is
/// working: an exit held back then goes at the first bar after, if the trend has not turned back. With a
/// <see cref="TrendFilter"/>, a turn is an entry only while the ADX is within its levels; with
/// <see cref="TurnOptions.TrendPeriod"/>, only on the trend average's side of the close (a refused turn still closes a
/// position the other way).
/// </summary>
public sealed class KamaStrategy(string source, IEnumerable<string> symbols, KamaOptions options)
    : AverageTurnStrategy("kama", source, symbols, options);
