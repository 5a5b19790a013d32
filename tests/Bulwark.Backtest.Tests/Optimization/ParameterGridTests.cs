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
}
