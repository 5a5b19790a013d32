using Bulwark.Core.Model;

namespace Bulwark.Backtest.Reports;

/// <summary>
/// The bars of a run by symbol, each symbol's in time order, without copying them: a run of one symbol uses its bars as
/// they are, a run of several keeps each symbol's positions in the list.
/// </summary>
internal sealed class SymbolBars
{
    private readonly IReadOnlyList<Bar> _bars;
    private readonly Dictionary<string, List<int>>? _bySymbol;

    public SymbolBars(IReadOnlyList<Bar> bars)
    {
        _bars = bars;
        var one = bars.Count == 0 ? null : bars[0].Symbol;
        var i = 0;
        while (i < bars.Count && string.Equals(bars[i].Symbol, one, StringComparison.Ordinal)) i++;
        if (i == bars.Count) return;
        _bySymbol = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (i = 0; i < bars.Count; i++)
        {
            if (!_bySymbol.TryGetValue(bars[i].Symbol, out var positions)) _bySymbol[bars[i].Symbol] = positions = [];
            positions.Add(i);
        }
    }

    /// <summary>How many bars <paramref name="symbol"/> has.</summary>
    public int Count(string symbol) => _bySymbol is null
        ? _bars.Count > 0 && string.Equals(_bars[0].Symbol, symbol, StringComparison.Ordinal) ? _bars.Count : 0
        : _bySymbol.TryGetValue(symbol, out var positions) ? positions.Count : 0;

    /// <summary>The symbol's <paramref name="k"/>-th bar.</summary>
    public Bar At(string symbol, int k) => _bySymbol is null ? _bars[k] : _bars[_bySymbol[symbol][k]];

    /// <summary>The index of the symbol's first bar at or after <paramref name="time"/> (its count when none is).</summary>
    public int FirstAtOrAfter(string symbol, DateTimeOffset time)
    {
        int low = 0, high = Count(symbol);
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (At(symbol, mid).Time < time) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}
