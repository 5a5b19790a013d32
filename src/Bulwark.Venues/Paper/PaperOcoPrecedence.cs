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
    /// <summary>
    /// Whether <paramref name="orders"/>[<paramref name="index"/>], which has a group and which <paramref name="bar"/>
    /// would fill, must leave the bar to another open order of its group that the bar would also fill and that goes
    /// first. Asked as the bar's walk reaches the order: a sibling that went first earlier in the walk has already
    /// canceled it, and one later in the walk fills when reached. Allocates nothing; a group is a handful of orders.
    /// </summary>
    public static bool YieldsToSibling(IReadOnlyList<PaperOrder> orders, int index, Bar bar, Instrument instrument, PaperMatcher matcher)
    {
        var order = orders[index];
        var rank = -1;
        for (var j = 0; j < orders.Count; j++)
        {
            var other = orders[j];
            if (j == index || !other.IsOpen || !string.Equals(other.OcoGroup, order.OcoGroup, StringComparison.Ordinal)
                || matcher.Match(other, bar, instrument).FillQuantity == 0m)
                continue;
            if (rank < 0) rank = Rank(order, bar, matcher);
            var otherRank = Rank(other, bar, matcher);
            // An equal rank goes to the earlier submitted: the list is oldest first.
            if (otherRank < rank || (otherRank == rank && j < index)) return true;
        }
        return false;
    }

    /// <summary>Lower goes first: reached at the open before not, then a stop or stop-limit before any other type.</summary>
    private static int Rank(PaperOrder order, Bar bar, PaperMatcher matcher) =>
        (matcher.ReachedAtOpen(order, bar) ? 0 : 2) + (order.Type is OrderType.Stop or OrderType.StopLimit ? 0 : 1);
}
