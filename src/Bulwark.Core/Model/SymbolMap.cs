namespace Bulwark.Core.Model;

/// <summary>
/// Per-symbol state by symbol (ordinal), remembering the last symbol string it served: bars of one symbol usually
/// carry the same string instance (one per file or feed), so a run of them finds its state without hashing. Any
/// equal string finds the same state. Not thread-safe: one owner, like the state it holds.
/// </summary>
public sealed class SymbolMap<T> where T : class
{
    private readonly Dictionary<string, T> _map = new(StringComparer.Ordinal);
    private string? _lastSymbol;
    private T? _last;

    public int Count => _map.Count;

    /// <summary>Every symbol with its state, in no particular order.</summary>
    public IEnumerable<KeyValuePair<string, T>> Entries => _map;

    /// <summary>The state of <paramref name="symbol"/>, or null when it has none.</summary>
    public T? Find(string symbol)
    {
        if (ReferenceEquals(symbol, _lastSymbol)) return _last;
        if (!_map.TryGetValue(symbol, out var found)) return null;
        _lastSymbol = symbol;
        _last = found;
        return found;
    }

    /// <summary>Forgets every symbol.</summary>
    public void Clear()
    {
        _map.Clear();
        _lastSymbol = null;
        _last = null;
    }

    /// <summary>The state of <paramref name="symbol"/>, made by <paramref name="create"/> the first time.</summary>
    public T GetOrAdd<TArg>(string symbol, TArg arg, Func<string, TArg, T> create)
    {
        if (Find(symbol) is { } found) return found;
        var made = create(symbol, arg);
        _map.Add(symbol, made);
        _lastSymbol = symbol;
        _last = made;
        return made;
    }
}
