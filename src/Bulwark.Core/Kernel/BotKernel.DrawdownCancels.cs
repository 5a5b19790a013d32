using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel;

/// <summary>
/// The drawdown and daily loss stops' reach into orders already working: once either trips, every working order that
/// would add to its symbol's position (a grid's resting level on the adding side, an entry not yet filled) is canceled,
/// so the stop holds for what was already sent as well as for what is asked next. Orders that reduce a position (exits,
/// protective stops and take-profits) keep working. The operator's <c>reduce</c> and <c>kill</c> do the same when given
/// <c>--cancel-entries</c>; without it, and fill validation's switch, they leave working orders as they are (a grid's
/// levels keep resting), as they always have.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>Journals the switch to reduce-only, then cancels the working orders that would add.</summary>
    private void SwitchToReducingAndCancelOrdersThatAdd(string reason, DateTimeOffset now)
    {
        Emit(new TradingStateChanged(TradingState.Reducing, reason) { Time = now });
        CancelOrdersThatAdd("drawdown stop: reduce-only", now);
    }

    /// <summary>The operator's <c>--cancel-entries</c>: the orders that would add, canceled once the request is journaled.</summary>
    private void CancelRequestedEntries(DateTimeOffset now)
    {
        var reason = _state.CancelEntriesReason ?? "";
        var canceled = CancelOrdersThatAdd($"operator: {reason}", now);
        Emit(new EntriesCanceled(reason, canceled) { Time = now });
    }

    /// <summary>
    /// Before the kernel closes a symbol's position on its own (a blackout's exit, the loss limit): cancels every working
    /// order there a strategy placed itself (a grid's levels on either side: those that reduce now would open the other
    /// side once the position is closed, and their reserved cash could get the closing order refused), giving
    /// <paramref name="reason"/>. The cancels go out before the close, which does not wait for their answers: a level
    /// that fills meanwhile moves the position the close then trades against at the next bar. Orders from signals and
    /// protective exits are left to the signal path, which waits for the one and cancels the other.
    /// </summary>
    private void CancelPlacedOrdersIn(string symbol, string reason, DateTimeOffset now)
    {
        if (!_state.HasOpenOrder(symbol)) return;
        List<string>? placed = null;
        foreach (var o in _state.Orders.Values)
            if (o.Symbol == symbol && o.Status.IsOpen() && o.Status != OrderStatus.PendingCancel && !KernelState.IsFromSignal(o) && !IsProtectiveExit(o))
                (placed ??= []).Add(o.ClientOrderId);
        if (placed is null) return;
        placed.Sort(StringComparer.Ordinal);
        foreach (var id in placed) RequestCancel(id, reason, now);
    }

    /// <summary>
    /// Cancels every working order that would add to its symbol's position (in <paramref name="symbol"/> only, when given),
    /// in ClientOrderId order, giving <paramref name="reason"/>; how many.
    /// </summary>
    private int CancelOrdersThatAdd(string reason, DateTimeOffset now, string? symbol = null)
    {
        if (_state.OpenOrderCount == 0) return 0;
        List<string>? adding = null;
        foreach (var o in _state.Orders.Values)
        {
            if (!o.Status.IsOpen() || (symbol is not null && o.Symbol != symbol)) continue;
            if (o.Status == OrderStatus.PendingCancel || IsProtectiveExit(o)) continue;
            // Adding: larger than the position, or across zero (a flip, or anything from flat).
            var position = _state.PositionQuantity(o.Symbol);
            var after = position + o.SignedLeaves;
            if (Math.Abs(after) > Math.Abs(position) || (after != 0m && Math.Sign(after) != Math.Sign(position))) (adding ??= []).Add(o.ClientOrderId);
        }
        if (adding is null) return 0;
        adding.Sort(StringComparer.Ordinal);
        foreach (var id in adding) RequestCancel(id, reason, now);
        return adding.Count;
    }
}
