namespace Bulwark.Core.Orders;

/// <summary>
/// Makes <see cref="CompactOrderId"/>s, keeping each ClientOrderId prefix once, so a run of millions of orders holds a
/// handful of strings instead of one per order (less for the garbage collector to walk). The last prefix used is
/// checked first: it changes once a day.
/// </summary>
public sealed class CompactOrderIds
{
    private readonly Dictionary<string, string> _prefixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _prefixBySpan;
    private string? _lastPrefix; // always one of _prefixes

    public CompactOrderIds() => _prefixBySpan = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The compact form of <paramref name="clientOrderId"/>, keeping its prefix if it is new.</summary>
    public CompactOrderId Compact(string clientOrderId)
    {
        if (!ClientOrderIds.TrySplit(clientOrderId, out var length, out var digits, out var value)) return new(clientOrderId, -1, 0);
        if (!TryPrefix(clientOrderId.AsSpan(0, length), out var prefix))
        {
            prefix = clientOrderId[..length];
            _prefixes.Add(prefix, prefix);
        }
        _lastPrefix = prefix;
        return new(prefix, digits, value);
    }

    /// <summary>The compact form of <paramref name="clientOrderId"/> when its prefix is known; keeps nothing new.</summary>
    public bool TryFind(string clientOrderId, out CompactOrderId compact)
    {
        if (!ClientOrderIds.TrySplit(clientOrderId, out var length, out var digits, out var value))
        {
            compact = new(clientOrderId, -1, 0);
            return true;
        }
        compact = default;
        if (!TryPrefix(clientOrderId.AsSpan(0, length), out var prefix)) return false;
        compact = new(prefix, digits, value);
        return true;
    }

    private bool TryPrefix(ReadOnlySpan<char> prefix, out string kept)
    {
        if (_lastPrefix is not null && prefix.SequenceEqual(_lastPrefix))
        {
            kept = _lastPrefix;
            return true;
        }
        return _prefixBySpan.TryGetValue(prefix, out kept!);
    }
}
