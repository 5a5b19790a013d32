using Bulwark.Core.Model;

namespace Bulwark.Cli.Tests;

public sealed class PriceJumpsTests
{
    private static Bar Day(string symbol, int day, decimal open, decimal close) =>
        new(symbol, new DateTimeOffset(2024, 6, day, 0, 0, 0, TimeSpan.Zero), open, Math.Max(open, close), Math.Min(open, close), close, 0m,
            TimeSpan.FromDays(1));

    [Fact]
    public void Find_NamesJumpsOfFortyPercentOrMoreBetweenACloseAndTheSameSymbolsNextOpen()
    {
        // AAA halves (a 2-for-1 split); BBB, interleaved, moves 30 % (no split); CCC rises 1:3 (a reverse split).
        Bar[] bars =
        [
            Day("AAA", 3, 200m, 200m), Day("BBB", 3, 10m, 10m), Day("CCC", 3, 5m, 5m),
            Day("AAA", 4, 100m, 101m), Day("BBB", 4, 13m, 13m), Day("CCC", 4, 15m, 15m),
        ];

        var (first, count) = PriceJumps.Find(bars, max: 5);

        Assert.Equal(2, count);
        Assert.Equal(["AAA: close 200 (2024-06-03) to open 100 (2024-06-04), -50.0%", "CCC: close 5 (2024-06-03) to open 15 (2024-06-04), +200.0%"], first);
    }

    [Fact]
    public void Find_CountsAllButNamesOnlyTheFirstFew()
    {
        var bars = Enumerable.Range(1, 9).Select(d => Day("AAA", d, d % 2 == 0 ? 100m : 10m, d % 2 == 0 ? 100m : 10m)).ToList();

        var (first, count) = PriceJumps.Find(bars, max: 3);

        Assert.Equal(8, count);
        Assert.Equal(3, first.Count);
    }

    [Fact]
    public void Find_OrdinaryMoves_AreNoJumps()
    {
        var bars = Enumerable.Range(1, 20).Select(d => Day("AAA", d, 100m + d, 101m + d)).ToList();

        Assert.Equal(0, PriceJumps.Find(bars, max: 3).Count);
    }
}
