using Bulwark.Core.Orders;

namespace Bulwark.Venues.Paper;

/// <summary>
/// Every ClientOrderId a paper account has seen, for duplicate detection over a long run. Ids of the usual shape,
/// a prefix then digits, are kept as (shared prefix, width, number): values in one table, not a string per id that the
/// garbage collector would walk on every full collection. Any other id is kept as it is. Exact either way: two ids are
/// the same entry only if they are the same string.
/// </summary>
internal sealed class UsedIdSet
{
    private readonly Dictionary<string, string> _prefixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _prefixBySpan;
    private readonly HashSet<(string Prefix, int Digits, long Value)> _numbered = [];
    private readonly HashSet<string> _other = new(StringComparer.Ordinal);

    public UsedIdSet() => _prefixBySpan = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();

    public bool Contains(string id)
    {
        if (!ClientOrderIds.TrySplit(id, out var length, out var digits, out var value)) return _other.Contains(id);
        return _prefixBySpan.TryGetValue(id.AsSpan(0, length), out var prefix) && _numbered.Contains((prefix, digits, value));
    }

    /// <summary>Adds <paramref name="id"/>; false when it was already there.</summary>
    public bool Add(string id)
    {
        if (!ClientOrderIds.TrySplit(id, out var length, out var digits, out var value)) return _other.Add(id);
        if (!_prefixBySpan.TryGetValue(id.AsSpan(0, length), out var prefix))
        {
            prefix = id[..length];
            _prefixes.Add(prefix, prefix);
        }
        return _numbered.Add((prefix, digits, value));
    }
}
