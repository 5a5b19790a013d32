using System.Runtime.CompilerServices;
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
    private readonly HashSet<(string Prefix, int Digits, long Value)> _numbered = new(SamePrefixInstance.Instance);
    private readonly HashSet<string> _other = new(StringComparer.Ordinal);
    private string? _lastPrefix; // always one of _prefixes

    public UsedIdSet() => _prefixBySpan = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();

    public bool Contains(string id)
    {
        if (!ClientOrderIds.TrySplit(id, out var length, out var digits, out var value)) return _other.Contains(id);
        return TryPrefix(id.AsSpan(0, length), out var prefix) && _numbered.Contains((prefix, digits, value));
    }

    /// <summary>Adds <paramref name="id"/>; false when it was already there.</summary>
    public bool Add(string id)
    {
        if (!ClientOrderIds.TrySplit(id, out var length, out var digits, out var value)) return _other.Add(id);
        if (!TryPrefix(id.AsSpan(0, length), out var prefix))
        {
            prefix = id[..length];
            _prefixes.Add(prefix, prefix);
        }
        _lastPrefix = prefix;
        return _numbered.Add((prefix, digits, value));
    }

    /// <summary>The one instance kept for <paramref name="prefix"/>; the last one used is checked first (it changes once a day).</summary>
    private bool TryPrefix(ReadOnlySpan<char> prefix, out string kept)
    {
        if (_lastPrefix is not null && prefix.SequenceEqual(_lastPrefix))
        {
            kept = _lastPrefix;
            return true;
        }
        return _prefixBySpan.TryGetValue(prefix, out kept!);
    }

    /// <summary>Prefixes are kept once each, so the same prefix is the same instance: compared and hashed by reference.</summary>
    private sealed class SamePrefixInstance : IEqualityComparer<(string Prefix, int Digits, long Value)>
    {
        public static readonly SamePrefixInstance Instance = new();

        public bool Equals((string Prefix, int Digits, long Value) x, (string Prefix, int Digits, long Value) y) =>
            ReferenceEquals(x.Prefix, y.Prefix) && x.Digits == y.Digits && x.Value == y.Value;

        public int GetHashCode((string Prefix, int Digits, long Value) id) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(id.Prefix), id.Digits, id.Value);
    }
}
