using Bulwark.Backtest.Optimization;

namespace Bulwark.Backtest.Tests.Optimization;

public sealed class ParameterGridTests
{
    private static List<string> Values(string argument) => [.. ParameterGrid.Parse([argument]).Axes[0].Value];

    [Fact]
    public void Parse_FixedValue_IsOneValue() => Assert.Equal(["15"], Values("period=15"));

    [Fact]
    public void Parse_Range_IncludesBothEnds() => Assert.Equal(["5", "6", "7", "8"], Values("period=5..8"));

    [Fact]
    public void Parse_RangeWithStep_StopsAtOrBeforeTheEnd() => Assert.Equal(["5", "10", "15"], Values("period=5..17:5"));

    [Fact]
    public void Parse_DecimalRange_StepsExactly_AndWritesNoTrailingZeros() =>
        Assert.Equal(["0.5", "0.75", "1", "1.25", "1.5"], Values("spacingPercent=0.50..1.5:0.25"));

    [Fact]
    public void Parse_DecimalRange_StopsAtOrBeforeTheEnd() =>
        Assert.Equal(["0.1", "0.2", "0.3"], Values("minVolatility=0.1..0.35:0.1"));

    [Fact]
    public void Parse_List_KeepsTheOrderWritten() => Assert.Equal(["true", "false"], Values("allowShort=true|false"));

    [Fact]
    public void Combinations_AreTheCartesianProduct_LastParameterFastest()
    {
        var grid = ParameterGrid.Parse(["fastShort=1..2", "fastLong=5|9", "trendShort=3"]);

        var combos = grid.Combinations().Select(c => $"{c["fastShort"]},{c["fastLong"]},{c["trendShort"]}").ToList();

        Assert.Equal(4, grid.Count);
        Assert.Equal(["1,5,3", "1,9,3", "2,5,3", "2,9,3"], combos);
    }

    [Fact]
    public void EmptyGrid_HasOneCombinationWithNoParameters()
    {
        var grid = ParameterGrid.Parse([]);
        Assert.Equal(1, grid.Count);
        Assert.Empty(grid.Combination(0));
    }

    [Theory]
    [InlineData("period", "expected key=value")]
    [InlineData("=5", "expected key=value")]
    [InlineData("period=", "empty")]
    [InlineData("period=5..x", "range end 'x' is not a number")]
    [InlineData("period=a..9", "range start 'a' is not a number")]
    [InlineData("period=9..5", "below its start")]
    [InlineData("period=5..9:0", "step must be > 0")]
    [InlineData("period=5..9:q", "step 'q' is not a number")]
    [InlineData("period=5..9:-0.5", "step must be > 0")]
    [InlineData("period=5,10,20", "a list of values is written with '|', not ',': period=5|10|20")]
    [InlineData("period=5||6", "list item is empty")]
    [InlineData("period=5|5", "repeated")]
    public void Parse_BadArgument_NamesTheArgumentAndTheProblem(string argument, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => ParameterGrid.Parse([argument]));
        Assert.Contains($"'{argument}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SameParameterTwice_IsAnError()
    {
        var ex = Assert.Throws<FormatException>(() => ParameterGrid.Parse(["period=5", "Period=6"]));
        Assert.Contains("given twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HugeGrid_IsAnError()
    {
        var ex = Assert.Throws<FormatException>(() => ParameterGrid.Parse(["a=1..2000", "b=1..2000"]));
        Assert.Contains("'b=1..2000'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_DrawsDistinctCombinationsInGridOrder_TheSameForTheSameSeed()
    {
        var grid = ParameterGrid.Parse(["a=1..40", "b=1..25"]);

        var sample = grid.Sample(30, seed: 7);
        var again = grid.Sample(30, seed: 7);
        var other = grid.Sample(30, seed: 8);

        Assert.True(sample.IsSample);
        Assert.Equal((1000, 30, 7), (sample.Count, sample.Runs, sample.Seed));
        var indices = Enumerable.Range(0, sample.Runs).Select(sample.RunIndex).ToList();
        Assert.Equal(indices.Distinct().Order(), indices);
        Assert.All(indices, i => Assert.InRange(i, 0, 999));
        Assert.Equal(indices, Enumerable.Range(0, again.Runs).Select(again.RunIndex));
        Assert.NotEqual(indices, Enumerable.Range(0, other.Runs).Select(other.RunIndex));
        Assert.Equal(grid.Axes, sample.Axes);
        Assert.Throws<ArgumentOutOfRangeException>(() => sample.RunIndex(30));
    }

    [Fact]
    public void Sample_DrawsEveryCombinationAlike()
    {
        // One of four, over 4,000 seeds: each about 1,000 times (the standard deviation is about 27).
        var grid = ParameterGrid.Parse(["period=1..4"]);
        var counts = new int[4];
        for (var seed = 0; seed < 4000; seed++) counts[grid.Sample(1, seed).RunIndex(0)]++;
        Assert.All(counts, c => Assert.InRange(c, 880, 1120));

        // Three of five: each combination in three fifths of the draws.
        grid = ParameterGrid.Parse(["period=1..5"]);
        counts = new int[5];
        for (var seed = 0; seed < 4000; seed++)
        {
            var sample = grid.Sample(3, seed);
            for (var r = 0; r < sample.Runs; r++) counts[sample.RunIndex(r)]++;
        }
        Assert.All(counts, c => Assert.InRange(c, 2280, 2520));
    }

    [Fact]
    public void Sample_OfTheWholeGridOrMore_RunsItAll_AndAGridNotSampledRunsEveryCombination()
    {
        var grid = ParameterGrid.Parse(["period=5..9"]);

        Assert.False(grid.IsSample);
        Assert.Equal(5, grid.Runs);
        Assert.Equal([0, 1, 2, 3, 4], Enumerable.Range(0, grid.Runs).Select(grid.RunIndex));
        Assert.Null(grid.Seed);
        foreach (var size in new[] { 5, 6 })
        {
            var all = grid.Sample(size, seed: 1);
            Assert.False(all.IsSample);
            Assert.Equal(5, all.Runs);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => grid.Sample(0, seed: 1));
    }

    [Fact]
    public void ASampleAmongTheAccepted_DrawsOnlyThose_AndTheWholeGridWhenTheyAreNoMore()
    {
        // Even indices only: 50 of 100.
        var grid = ParameterGrid.Parse(["a=1..10", "b=1..10"]);
        var asked = new List<int>();
        bool Even(int i) { asked.Add(i); return i % 2 == 0; }

        var sample = grid.Sample(20, seed: 5, Even);

        Assert.Equal(Enumerable.Range(0, 100), asked); // each combination asked once
        Assert.Equal((20, 50, 5), (sample.Runs, sample.Accepted, sample.Seed));
        var indices = Enumerable.Range(0, sample.Runs).Select(sample.RunIndex).ToList();
        Assert.All(indices, i => Assert.Equal(0, i % 2));
        Assert.Equal(indices.Distinct().Order(), indices);
        Assert.Equal(indices, Enumerable.Range(0, 20).Select(grid.Sample(20, seed: 5, i => i % 2 == 0).RunIndex));
        var all = grid.Sample(50, seed: 5, i => i % 2 == 0);
        Assert.False(all.IsSample);
        Assert.Equal((100, 50), (all.Runs, all.Accepted));
    }
}
