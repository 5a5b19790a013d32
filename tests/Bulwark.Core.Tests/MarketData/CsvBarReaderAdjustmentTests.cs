using Bulwark.Core.MarketData;
using Bulwark.Core.Model;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.MarketData;

/// <summary>Prices back-adjusted by an Adj Close column, as split- and dividend-affected daily data needs.</summary>
public sealed class CsvBarReaderAdjustmentTests
{
    private static readonly CsvBarReadOptions Adjusted = new() { Adjusted = true };

    private static IReadOnlyList<Bar> Read(string csv, CsvBarReadOptions? options = null) =>
        CsvBarReader.ReadAll(new StringReader(csv), "xyz.csv", "XYZ", options);

    // A 2-for-1 split between the second and third rows, unadjusted in the prices; Adj Close halves the rows before it.
    private const string Split = """
        Date,Open,High,Low,Close,Adj Close,Volume
        2024-06-03,200,210,190,200,100,1000
        2024-06-04,200,204,196,202,101,1000
        2024-06-05,101,103,100,102,102,2000
        """;

    [Fact]
    public void ReadAll_Adjusted_ScalesEachRowByAdjCloseOverClose_SoASplitIsNoJump()
    {
        var bars = Read(Split, Adjusted);

        Assert.Equal([100m, 101m, 102m], bars.Select(b => b.Close));
        Assert.Equal([100m, 100m, 101m], bars.Select(b => b.Open));
        Assert.Equal([105m, 102m, 103m], bars.Select(b => b.High));
        Assert.Equal([95m, 98m, 100m], bars.Select(b => b.Low));
        Assert.Equal([2000m, 2000m, 2000m], bars.Select(b => b.Volume)); // the traded value is kept
    }

    [Fact]
    public void ReadAll_NotAdjusted_IgnoresTheAdjCloseColumn()
    {
        var bars = Read(Split);

        Assert.Equal([200m, 202m, 102m], bars.Select(b => b.Close));
    }

    [Theory]
    [InlineData("Adj Close")]
    [InlineData("adjclose")]
    [InlineData("Adj_Close")]
    [InlineData("\"Adjusted Close\"")]
    public void ReadAll_Adjusted_FindsTheColumnUnderItsUsualNames(string name)
    {
        var bars = Read($"Date,Open,High,Low,Close,{name},Volume\n2024-06-03,200,210,190,200,50,1000\n", Adjusted);

        Assert.Equal(50m, bars[0].Close);
    }

    [Fact]
    public void ReadAll_AdjustedWithoutTheColumn_IsAnErrorOnTheHeaderLine()
    {
        var ex = Assert.Throws<BarDataException>(() => Read("Date,Open,High,Low,Close,Volume\n2024-06-03,1,1,1,1,0\n", Adjusted));

        Assert.StartsWith("xyz.csv:1: adjusting prices needs an adjusted close column (Adj Close)", ex.Message);
    }

    [Theory]
    [InlineData("x", "adj close 'x' is not a number")]
    [InlineData("", "adj close is empty")]
    [InlineData("0", "adj close '0' must be positive to adjust by")]
    [InlineData("-3", "adj close '-3' must be positive to adjust by")]
    public void ReadAll_Adjusted_WithABadAdjClose_NamesTheLine(string adjClose, string detail)
    {
        var ex = Assert.Throws<BarDataException>(() =>
            Read($"Date,Open,High,Low,Close,Adj Close,Volume\n2024-06-03,1,1,1,1,1,0\n2024-06-04,1,1,1,1,{adjClose},0\n", Adjusted));

        Assert.StartsWith("xyz.csv:3: ", ex.Message);
        Assert.Contains(detail, ex.Message);
    }

    [Fact]
    public void Apply_KeepsEveryValidBarValid_AndItsCloseIsTheAdjustedClose()
    {
        var price = Gen.Choose(1, 1_000_000).Select(v => v / 100m);
        var bars =
            from a in price
            from b in price
            from c in price
            from d in price
            from adj in Gen.Choose(1, 5_000_000).Select(v => v / 1000m)
            let sorted = new[] { a, b, c, d }.Order().ToArray()
            select (Bar: new Bar("XYZ", DateTimeOffset.UnixEpoch, sorted[1], sorted[3], sorted[0], sorted[2], 1000m, TimeSpan.FromDays(1)), Adj: adj);

        Prop.ForAll(bars.ToArbitrary(), x =>
        {
            var adjusted = PriceAdjustment.Apply(x.Bar, x.Adj.ToString(System.Globalization.CultureInfo.InvariantCulture), out var problem);
            var expectedClose = Math.Round(x.Adj, PriceAdjustment.Decimals);
            var tiny = Math.Round(x.Bar.Low * x.Adj / x.Bar.Close, PriceAdjustment.Decimals) == 0m; // rounds to nothing: refused
            return tiny ? problem is not null : problem is null && adjusted.Problem() is null && adjusted.Close == expectedClose;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
    }
}
