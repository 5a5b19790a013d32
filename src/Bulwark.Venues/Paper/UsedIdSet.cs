using Bulwark.Core.Orders;

namespace Bulwark.Venues.Paper;

/// <summary>
/// A set of ClientOrderId-shaped strings kept over a long run, held as <see cref="CompactOrderId"/>s (values in one
/// table, not a string per id): every ClientOrderId a paper account has seen, for duplicate detection, and the
/// one-cancels-other groups of a symbol that filled (the kernel names a group by a ClientOrderId). Exact: two ids are
/// the same entry only if they are the same string.
/// </summary>
internal sealed class UsedIdSet
{
    private readonly CompactOrderIds _compact = new();
    private readonly HashSet<CompactOrderId> _ids = [];

    public bool Contains(string id) => _compact.TryFind(id, out var compact) && _ids.Contains(compact);

    /// <summary>Adds <paramref name="id"/>; false when it was already there.</summary>
    public bool Add(string id) => _ids.Add(_compact.Compact(id));
}
