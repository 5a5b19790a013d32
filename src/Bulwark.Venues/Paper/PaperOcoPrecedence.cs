using Bulwark.Core.Model;
using Bulwark.Core.Orders;

namespace Bulwark.Venues.Paper;

/// <summary>
/// Which order of a one-cancels-other group a bar fills when it would fill several: the one the bar reached first.
/// A bar says nothing of its path between open and close, so the order is ranked by
/// <list type="number">
/// <item>whether the bar's open had already reached its level (<see cref="PaperMatcher.ReachedAtOpen"/>: a market order
/// always, a sell stop with open &lt;= stop, a sell limit with open &gt;= limit, buys mirrored): then it filled at the
/// start of the bar, before the others could;</item>
/// <item>when none or several did, a stop or stop-limit before any other type: the conservative reading, that the loss
/// came first;</item>
/// <item>then the order submitted earlier.</item>
/// </list>
/// The others are held back: they do not fill (their stops are not marked triggered either), and the fill of the
/// first cancels them (<see cref="PaperOco.CancelOthers"/>).
/// </summary>
internal static class PaperOcoPrecedence
{
    /// <summary>Whether any of <paramref name="orders"/> is in a group: else there is nothing to rank, and no work is done.</summary>
    public static bool AnyGrouped(IReadOnlyList<PaperOrder> orders)
    {
        for (var i = 0; i < orders.Count; i++)
            if (orders[i].OcoGroup is not null) return true;
        return false;
    }

    /// <summary>
    /// For each of <paramref name="orders"/> (the open orders of <paramref name="bar"/>'s symbol, oldest first), whether
    /// the bar must not fill it because another order of its group goes first.
    /// </summary>
    public static bool[] HeldBack(IReadOnlyList<PaperOrder> orders, Bar bar, Instrument instrument, PaperMatcher matcher)
    {
        var heldBack = new bool[orders.Count];
        var first = new Dictionary<string, (int Index, int Rank)>(StringComparer.Ordinal); // by group
        for (var i = 0; i < orders.Count; i++)
        {
            var order = orders[i];
            if (order.OcoGroup is not { } group || matcher.Match(order, bar, instrument).FillQuantity == 0m) continue;
            var rank = Rank(order, bar, matcher);
            if (!first.TryGetValue(group, out var best))
            {
                first[group] = (i, rank);
            }
            else if (rank < best.Rank) // an equal rank keeps the earlier order: the list is oldest first
            {
                heldBack[best.Index] = true;
                first[group] = (i, rank);
            }
            else
            {
                heldBack[i] = true;
            }
        }
        return heldBack;
    }

    /// <summary>Lower goes first: reached at the open before not, then a stop or stop-limit before any other type.</summary>
    private static int Rank(PaperOrder order, Bar bar, PaperMatcher matcher) =>
        (matcher.ReachedAtOpen(order, bar) ? 0 : 2) + (order.Type is OrderType.Stop or OrderType.StopLimit ? 0 : 1);
}
