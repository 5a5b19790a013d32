namespace Bulwark.Core.Risk;

/// <summary>A bot's <see cref="Blackout"/>s by symbol; immutable once built. Lookups scan one symbol's few rows.</summary>
public sealed class Blackouts
{
    /// <summary>The symbol a row gives to mean every symbol of the bot.</summary>
    public const string AllSymbols = "*";

    private readonly Dictionary<string, Blackout[]> _bySymbol;

    public Blackouts(IEnumerable<Blackout> blackouts)
    {
        ArgumentNullException.ThrowIfNull(blackouts);
        All = [.. blackouts.OrderBy(b => b.From).ThenBy(b => b.Symbol, StringComparer.Ordinal)];
        foreach (var b in All)
            if (b.To < b.From) throw new ArgumentException($"{b.Describe(b.Symbol)} ends before it begins", nameof(blackouts));
        IsEmpty = All.Count == 0;
        _bySymbol = All.GroupBy(b => b.Symbol, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public static Blackouts None { get; } = new([]);

    /// <summary>Every row, by first date.</summary>
    public IReadOnlyList<Blackout> All { get; }

    /// <summary>No rows: asked on every bar and signal, so a field, not a count through the interface.</summary>
    public bool IsEmpty { get; }

    /// <summary>The symbols rows name (not <see cref="AllSymbols"/>) that are not among <paramref name="known"/>, in ordinal order: most likely misspelt.</summary>
    public IReadOnlyList<string> SymbolsNotIn(IReadOnlySet<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        return [.. All.Select(b => b.Symbol).Where(s => s != AllSymbols && !known.Contains(s)).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The blackout <paramref name="symbol"/> is in on <paramref name="date"/>, or null: its own rows first, then those
    /// for every symbol; among those that apply, one that exits before one that does not.
    /// </summary>
    public Blackout? Find(string symbol, DateOnly date)
    {
        Blackout? found = null;
        if (_bySymbol.TryGetValue(symbol, out var own)) found = Match(own, date, null);
        if (found is not { Exit: true } && _bySymbol.TryGetValue(AllSymbols, out var every)) found = Match(every, date, found);
        return found;
    }

    private static Blackout? Match(Blackout[] rows, DateOnly date, Blackout? found)
    {
        foreach (var b in rows)
        {
            if (date < b.From || date > b.To) continue;
            if (b.Exit) return b;
            found ??= b;
        }
        return found;
    }
}
