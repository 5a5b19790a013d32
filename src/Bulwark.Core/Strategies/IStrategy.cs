using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// A signal source. Runs inside the kernel's single writer on each bar of its symbols, so it may read the
/// bot's state through the context without locks. Its own state is rebuilt from market data, not journaled.
/// </summary>
public interface IStrategy
{
    /// <summary>Name of the signal source: what feedback and the audit trail attribute signals to.</summary>
    string Source { get; }

    bool Handles(string symbol);

    void OnBar(in Bar bar, IStrategyContext context);
}
