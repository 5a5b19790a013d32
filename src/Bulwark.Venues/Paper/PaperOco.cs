using System.Runtime.InteropServices;
using Bulwark.Core.Orders;
using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>
/// One-cancels-other groups (<see cref="OrderRequest.OcoGroup"/>) in the paper venue:
/// <list type="bullet">
/// <item>A group is a name within a symbol: orders of different symbols that give the same name are separate groups.
/// Names are compared ordinally; a name given must be non-blank and at most <see cref="MaxGroupLength"/> characters
/// (<see cref="PaperOrderRules"/>).</item>
/// <item>When an order of a group fills, in whole or in part, wherever the fill is recorded (bar matching, a fill at the
/// last price), every other open order of the group is canceled in the same unit of work, each with a Canceled update
/// naming the order that filled and the group, and the group is recorded as filled.</item>
/// <item>An order naming a group that has filled is rejected with <see cref="VenueRejectCode.OcoGroupFilled"/>. The
/// record of filled groups is kept apart from the orders, so it holds after a restart and in memory without history.</item>
/// <item>Canceling one order of a group leaves the others working.</item>
/// <item>What the open orders of a group promise (shares on sale when shorting is off, buying power reserved) counts
/// once, as their largest (<see cref="MostToTrade"/>): only one of them can fill.</item>
/// <item>When one bar would fill several orders of a group, only the one it reached first fills
/// (<see cref="PaperOcoPrecedence"/>).</item>
/// </list>
/// </summary>
internal static class PaperOco
{
    /// <summary>The longest group name accepted (a ClientOrderId fits).</summary>
    public const int MaxGroupLength = 64;

    /// <summary>Why <paramref name="group"/> is no valid group name, or null when it is one (or none is given).</summary>
    public static PaperRejection? CheckName(string? group) => group switch
    {
        null => null,
        _ when string.IsNullOrWhiteSpace(group) =>
            new(VenueRejectCode.Other, "One-cancels-other group name is blank."),
        { Length: > MaxGroupLength } =>
            new(VenueRejectCode.Other,
                $"One-cancels-other group name is {group.Length} characters long; at most {MaxGroupLength} are allowed."),
        _ => null,
    };

    /// <summary>The rejection of <paramref name="request"/> when it names a group of its symbol that has already filled.</summary>
    public static PaperRejection? CheckJoin(IPaperStore store, OrderRequest request) =>
        request.OcoGroup is { } group && store.IsOcoGroupFilled(request.Symbol, group)
            ? new(VenueRejectCode.OcoGroupFilled,
                $"One-cancels-other group '{group}' of {request.Symbol} has already filled; no order may join it.")
            : null;

    /// <summary>
    /// The most <paramref name="orders"/> can still trade, each measured by <paramref name="amount"/> given
    /// <paramref name="state"/> (null: not counted; a static lambda with its state allocates nothing per call): an order without a group in full, the orders of one group together as their largest, since only one
    /// of them fills. The orders of the group <paramref name="joiningGroup"/> of <paramref name="joiningSymbol"/>, which
    /// an order being checked names, are left out: that order is weighed against what the others leave.
    /// </summary>
    public static decimal MostToTrade<TState>(IReadOnlyList<PaperOrder> orders, TState state, Func<PaperOrder, TState, decimal?> amount,
        string joiningSymbol, string? joiningGroup)
    {
        var total = 0m;
        Dictionary<(string Symbol, string Group), decimal>? largest = null;
        for (var i = 0; i < orders.Count; i++)
        {
            var order = orders[i];
            if (amount(order, state) is not { } value) continue;
            if (order.OcoGroup is not { } group)
            {
                total += value;
                continue;
            }
            if (string.Equals(group, joiningGroup, StringComparison.Ordinal)
                && string.Equals(order.Symbol, joiningSymbol, StringComparison.Ordinal))
                continue;
            largest ??= [];
            ref var max = ref CollectionsMarshal.GetValueRefOrAddDefault(largest, (order.Symbol, group), out _);
            max = Math.Max(max, value);
        }
        return largest is null ? total : total + largest.Values.Sum();
    }

    /// <summary>
    /// After a fill of <paramref name="filled"/> (which has a group): records the group as filled and cancels the other
    /// open orders of the group among <paramref name="open"/>, the open orders of its symbol. Orders found there are
    /// changed in place, so a caller walking the same objects sees them closed.
    /// </summary>
    public static void CancelOthers(IPaperStore store, PaperOrder filled, IReadOnlyList<PaperOrder> open,
        DateTimeOffset now, PaperEvents events)
    {
        var group = filled.OcoGroup!;
        store.RecordOcoGroupFilled(filled.Symbol, group);
        for (var i = 0; i < open.Count; i++)
        {
            var other = open[i];
            if (!other.IsOpen || !string.Equals(other.OcoGroup, group, StringComparison.Ordinal)
                || string.Equals(other.ClientOrderId, filled.ClientOrderId, StringComparison.Ordinal))
                continue;
            other.Status = OrderStatus.Canceled;
            other.UpdatedAt = now;
            store.Update(other);
            events.Update(new VenueOrderUpdate(other.ClientOrderId, other.VenueOrderId, VenueOrderUpdateKind.Canceled, now,
                Message: $"One-cancels-other: {filled.ClientOrderId} filled in group {group}."));
        }
    }
}
