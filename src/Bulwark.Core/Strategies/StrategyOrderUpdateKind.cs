namespace Bulwark.Core.Strategies;

/// <summary>What happened to a strategy's order.</summary>
public enum StrategyOrderUpdateKind
{
    /// <summary>Some or all of it executed (see <see cref="StrategyOrderUpdate.Final"/>).</summary>
    Filled,
    Canceled,
    Expired,
    /// <summary>The venue refused it (or it never arrived).</summary>
    Rejected,
    /// <summary>The engine refused it after it was initialized (order risk, or an unsent intent found at recovery).</summary>
    Denied,
}
