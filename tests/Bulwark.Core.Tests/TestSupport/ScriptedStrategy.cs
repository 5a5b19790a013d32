using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.TestSupport;

/// <summary>
/// A hand-written strategy that runs whatever the test queued on the next bar of its symbol (on the kernel thread, so it
/// may place and cancel orders), and records the order updates it hears with the position seen at that moment.
/// </summary>
internal sealed class ScriptedStrategy(string source, string symbol) : IStrategy
{
    private readonly Lock _gate = new();
    private readonly Queue<Action<IStrategyContext>> _script = new();
    private readonly List<(StrategyOrderUpdate Update, decimal Position)> _updates = [];

    public string Source => source;

    /// <summary>The protective stop the kernel keeps for this source's positions (none by default).</summary>
    public Core.Risk.ProtectiveStop? Protection { get; init; }

    /// <summary>The time stop the kernel keeps for this source's positions (none by default).</summary>
    public TimeSpan? MaxHold { get; init; }

    public int? MaxHoldSessions { get; init; }

    public bool Handles(string s) => s == symbol;

    /// <summary>Results the script returned (ClientOrderIds or null), in order.</summary>
    public List<object?> Results { get; } = [];

    public IReadOnlyList<(StrategyOrderUpdate Update, decimal Position)> Updates
    {
        get { lock (_gate) return [.. _updates]; }
    }

    public void OnNextBar(Action<IStrategyContext> action)
    {
        lock (_gate) _script.Enqueue(action);
    }

    public void OnBar(in Bar bar, IStrategyContext context)
    {
        Action<IStrategyContext>[] actions;
        lock (_gate)
        {
            actions = [.. _script];
            _script.Clear();
        }
        foreach (var a in actions) a(context);
    }

    public void OnOrderUpdate(StrategyOrderUpdate update, IStrategyContext context)
    {
        lock (_gate) _updates.Add((update, context.PositionQuantity(update.Symbol)));
    }
}
