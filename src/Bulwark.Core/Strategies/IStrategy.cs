using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// A signal source. Runs inside the kernel's single writer on each bar of its symbols, so it may read the
/// bot's state through the context without locks. Its own state is rebuilt from market data, not journaled
/// (a strategy that must remember more journals it through the context, e.g. the grid's levels).
/// </summary>
public interface IStrategy
{
    /// <summary>Name of the signal source: what feedback and the audit trail attribute signals to.</summary>
    string Source { get; }

    /// <summary>Whether this source trades <paramref name="symbol"/>. Fixed for the strategy's life: the kernel asks once per symbol.</summary>
    bool Handles(string symbol);

    void OnBar(in Bar bar, IStrategyContext context);

    /// <summary>
    /// The stop the kernel keeps at the venue for each position this strategy opens (a resting stop order for the whole
    /// position, replaced as the position changes and canceled when it closes), or null for none.
    /// </summary>
    Risk.ProtectiveStop? Protection => null;

    /// <summary>
    /// The longest the strategy holds a position it opened: the kernel closes it at the first bar of its symbol that
    /// closes this long after the opening fill (a time stop), or null for none.
    /// </summary>
    TimeSpan? MaxHold => null;

    /// <summary>
    /// The most trading sessions of its symbol's exchange the strategy holds a position it opened, counting the session
    /// of the opening fill (or the next one, for a fill between sessions) as the first: the kernel closes it at the first
    /// bar that closes at or after the last one's close (a time stop), or null for none. Not with <see cref="MaxHold"/>.
    /// </summary>
    int? MaxHoldSessions => null;

    /// <summary>Every source this strategy signals under: its own, and an inner model's (hmm-regime's fallback).</summary>
    IReadOnlyList<string> SignalSources => [Source];

    /// <summary>
    /// The fewest bars of a symbol on which the strategy can act on it (its longest indicator's warm-up, and the bar a
    /// cross needs before it): given fewer, it cannot trade the symbol at all. 1 when it may act on the first bar.
    /// </summary>
    int BarsToFirstSignal => 1;

    /// <summary>
    /// A fill, cancel, expiry, rejection or denial of one of this source's orders, after it was applied to the state
    /// and after the message that caused it was fully handled (so breaker and validation decisions come first).
    /// Runs on the kernel thread; may place or cancel orders. Updates learned at recovery arrive once the bot is reconciled.
    /// </summary>
    void OnOrderUpdate(StrategyOrderUpdate update, IStrategyContext context)
    {
    }
}
