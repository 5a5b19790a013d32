using Bulwark.Core.MarketData;
using Bulwark.Core.Model;

namespace Bulwark.Core.Tests.MarketData;

public sealed class BarMergeTests
{
    private static readonly DateTimeOffset Day0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Bar At(string symbol, int day) =>
        new(symbol, Day0.AddDays(day), 10m, 11m, 9m, 10m, 1m, TimeSpan.FromDays(1));

    [Fact]
    public void ByTime_OrdersBarsByTimeAndKeepsSourceOrderForEqualTimes()
    {
        var merged = BarMerge.ByTime(
        [
            [At("A", 0), At("A", 2), At("A", 3)],
            [At("B", 1), At("B", 2), At("B", 5)],
            [At("C", 0), At("C", 2)],
        ]).Select(b => $"{b.Symbol}{(b.Time - Day0).Days}");

        Assert.Equal(["A0", "C0", "B1", "A2", "B2", "C2", "A3", "B5"], merged);
    }

    [Fact]
    public void ByTime_WithEmptySources_SkipsThem()
    {
        Assert.Equal([At("B", 1)], BarMerge.ByTime([[], [At("B", 1)], []]));
        Assert.Empty(BarMerge.ByTime([]));
    }

    [Fact]
    public void ByTime_WhenASourceGoesBackInTime_Throws()
    {
        var merged = BarMerge.ByTime([[At("A", 2), At("A", 1)]]);

        var error = Assert.Throws<InvalidOperationException>(() => merged.ToList());
        Assert.Contains("goes back in time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ByTime_ReadsSourcesLazily_SoABadRowLaterInAFileSurfacesOnlyWhenReached()
    {
        var good = new StringReader("Date,Open,High,Low,Close,Volume\n2024-01-01,10,11,9,10,1\n2024-01-03,10,11,9,10,1\n");
        var bad = new StringReader("Date,Open,High,Low,Close,Volume\n2024-01-02,10,11,9,10,1\n2024-01-04,10,9,11,10,1\n");
        using var merged = BarMerge.ByTime(
        [
            CsvBarReader.Read(good, "good.csv", "G"),
            CsvBarReader.Read(bad, "bad.csv", "B"),
        ]).GetEnumerator();

        Assert.True(merged.MoveNext());
        Assert.Equal("G", merged.Current.Symbol);
        Assert.True(merged.MoveNext());
        Assert.Equal("B", merged.Current.Symbol);
        var error = Assert.Throws<BarDataException>(() => merged.MoveNext());
        Assert.Equal(("bad.csv", 3), (error.Source, error.Line));
    }

    [Fact]
    public void ByTime_WhenAbandoned_DisposesEverySource()
    {
        var first = new TrackedSource([At("A", 0), At("A", 1)]);
        var second = new TrackedSource([At("B", 0), At("B", 1)]);

        using (var merged = BarMerge.ByTime([first, second]).GetEnumerator()) Assert.True(merged.MoveNext());

        Assert.True(first.Disposed && second.Disposed);
    }

    private sealed class TrackedSource(IReadOnlyList<Bar> bars) : IEnumerable<Bar>
    {
        public bool Disposed { get; private set; }

        public IEnumerator<Bar> GetEnumerator()
        {
            try
            {
                foreach (var bar in bars) yield return bar;
            }
            finally
            {
                Disposed = true;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
