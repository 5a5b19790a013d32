using Bulwark.Core.Model;

namespace Bulwark.Core.Tests.Model;

public sealed class SymbolMapTests
{
    [Fact]
    public void Find_IsNullUntilAdded_ThenEveryEqualStringFindsTheSameState()
    {
        var map = new SymbolMap<List<int>>();
        var spy = new string("SPY".AsSpan()); // a distinct instance: the remembered-symbol shortcut must not be needed
        Assert.Null(map.Find("SPY"));

        var made = map.GetOrAdd("SPY", 7, static (_, first) => [first]);

        Assert.Same(made, map.Find(spy));
        Assert.Same(made, map.Find("SPY"));
        Assert.Same(made, map.GetOrAdd(spy, 8, static (_, _) => throw new InvalidOperationException("made twice")));
        Assert.Equal([7], made);
        Assert.Equal(1, map.Count);
    }

    [Fact]
    public void AlternatingSymbols_EachKeepTheirOwnState()
    {
        var map = new SymbolMap<List<int>>();
        string[] symbols = ["AAA", "BBB", "AAA", "CCC", "BBB", "AAA"];
        for (var i = 0; i < symbols.Length; i++)
            map.GetOrAdd(symbols[i], 0, static (_, _) => []).Add(i);

        Assert.Equal([0, 2, 5], map.Find("AAA"));
        Assert.Equal([1, 4], map.Find("BBB"));
        Assert.Equal([3], map.Find("CCC"));
        Assert.Null(map.Find("DDD"));
        Assert.Equal(["AAA", "BBB", "CCC"], map.Entries.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Find_IsOrdinal()
    {
        var map = new SymbolMap<object>();
        map.GetOrAdd("spy", 0, static (_, _) => new object());

        Assert.Null(map.Find("SPY"));
    }

    [Fact]
    public void Clear_ForgetsEverySymbol_TheLastServedOneToo()
    {
        var map = new SymbolMap<object>();
        var first = map.GetOrAdd("SPY", 0, static (_, _) => new object());

        map.Clear();

        Assert.Null(map.Find("SPY"));
        Assert.Equal(0, map.Count);
        Assert.NotSame(first, map.GetOrAdd("SPY", 0, static (_, _) => new object()));
    }
}
