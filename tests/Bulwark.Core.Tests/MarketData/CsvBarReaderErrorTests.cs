using Bulwark.Core.MarketData;

namespace Bulwark.Core.Tests.MarketData;

public sealed class CsvBarReaderErrorTests
{
    private const string Header = "Date,Open,High,Low,Close,Volume\n";
    private const string GoodRow = "2024-01-02,10,11,9,10,100\n";

    private static BarDataException ReadFails(string csv, TimeSpan? interval = null) =>
        Assert.Throws<BarDataException>(() => CsvBarReader.ReadAll(new StringReader(csv), "prices/xyz.csv", "XYZ", new CsvBarReadOptions { Interval = interval }));

    [Theory]
    [InlineData("2024-01-03,10,11,9,10", 3, "expected 6 columns as in the header but found 5")]
    [InlineData("2024-01-03,10,11,9,10,100,7", 3, "expected 6 columns as in the header but found more")]
    [InlineData("\"2024-01-03\",\"10\",\"11\",\"9\",\"10\",\"1,000\"", 3,
        "expected 6 columns as in the header but found more: a quoted field holds a comma (a thousands separator such as \"1,000\" or a decimal comma)")]
    [InlineData("2024-01-03,10,abc,9,10,100", 3, "high 'abc' is not a number")]
    [InlineData("2024-01-03,10,11,9,10,", 3, "volume is empty")]
    [InlineData("2024-01-03,NaN,11,9,10,100", 3, "open 'NaN' is not a finite number")]
    [InlineData("2024-01-03,null,null,null,null,null", 3, "open is 'null': the row has no prices (some downloads write such rows for days without data; delete them)")]
    [InlineData("2024-01-03,10,Infinity,9,10,100", 3, "high 'Infinity' is not a finite number")]
    [InlineData("2024-01-03,10,11,-Infinity,10,100", 3, "low '-Infinity' is not a finite number")]
    [InlineData("2024-01-03,10,11,9,1e300,100", 3, "close '1e300' is out of range")]
    [InlineData("2024-13-03,10,11,9,10,100", 3, "date '2024-13-03' is not yyyy-MM-dd or an ISO date-time")]
    [InlineData("03/01/2024,10,11,9,10,100", 3, "date '03/01/2024' is not yyyy-MM-dd or an ISO date-time")]
    [InlineData("2024-01-03,10,10.5,11.0,10,100", 3, "high 10.5 is below low 11.0")]
    [InlineData("2024-01-03,12,11,9,10,100", 3, "open 12 is outside [low 9, high 11]")]
    [InlineData("2024-01-03,10,11,9,8,100", 3, "close 8 is outside [low 9, high 11]")]
    [InlineData("2024-01-03,10,11,9,10,-1", 3, "volume is negative")]
    [InlineData("2024-01-03,0,11,0,10,1", 3, "prices must be positive")]
    [InlineData("2024-01-02,10,11,9,10,100", 3, "date 2024-01-02 repeats the previous row's date")]
    [InlineData("2024-01-01,10,11,9,10,100", 3, "date 2024-01-01 is before the previous row's 2024-01-02")]
    [InlineData("2024-01-03T10:00:00Z,10,11,9,10,100", 3, "date-time in a file of dates")]
    public void ReadAll_WithABadRow_ThrowsNamingTheSourceAndLine(string row, int line, string detail)
    {
        var error = ReadFails(Header + GoodRow + row + "\n" + GoodRow);

        Assert.Equal("prices/xyz.csv", error.Source);
        Assert.Equal(line, error.Line);
        Assert.StartsWith(detail, error.Detail, StringComparison.Ordinal);
        Assert.StartsWith($"prices/xyz.csv:{line}: {detail}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_WithTheDocumentedExample_ReadsLikeTheDocumentedMessage()
    {
        var csv = Header + string.Concat(Enumerable.Range(1, 15).Select(d => $"2024-01-{d:00},10,11,9,10,1\n")) + "2024-01-16,11,10.5,11.0,10.8,1\n";

        var error = Assert.Throws<BarDataException>(() => CsvBarReader.ReadAll(new StringReader(csv), "data.csv", "XYZ"));

        Assert.Equal("data.csv:17: high 10.5 is below low 11.0", error.Message);
    }

    [Theory]
    [InlineData("Date;Open;High;Low;Close;Volume", "';'")]
    [InlineData("Date|Open|High|Low|Close|Volume", "'|'")]
    public void ReadAll_WithAnotherSeparator_SaysWhichAndWhatItReads(string header, string separator)
    {
        var error = ReadFails(header + "\n2024-01-02;10;11;9;10;100\n");

        Assert.Equal(1, error.Line);
        Assert.Equal($"the header '{header}' is separated by {separator}, not commas: bar files are comma-separated (or tab-separated) with '.' decimals (Date,Open,High,Low,Close,Volume); export the file that way", error.Detail);
    }

    [Fact]
    public void ReadAll_WithAMissingColumn_NamesItOnLineOne()
    {
        var error = ReadFails("Date,Open,High,Close,Volume\n2024-01-02,10,11,10,100\n");

        Assert.Equal(1, error.Line);
        Assert.StartsWith("required column Low is missing", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_WithSeveralMissingColumns_NamesThemAll()
    {
        var error = ReadFails("Date,Open,Adj Close\n");

        Assert.StartsWith("required columns High, Low, Close, Volume are missing", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_WithADuplicatedColumn_Throws()
    {
        var error = ReadFails("Date,Open,High,Low,Close,Volume,close\n");

        Assert.Equal(1, error.Line);
        Assert.StartsWith("column Close appears twice", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n2024-01-02,10,11,9,10,100\n")]
    public void ReadAll_WithoutAHeader_Throws(string csv)
    {
        var error = ReadFails(csv);

        Assert.Equal(1, error.Line);
        Assert.StartsWith("no header", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_WithABlankLineBeforeMoreData_NamesTheBlankLine()
    {
        var error = ReadFails(Header + GoodRow + "\n" + "2024-01-03,10,11,9,10,100\n");

        Assert.Equal(3, error.Line);
        Assert.StartsWith("blank line before more data", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_WithUnsortedDateTimes_NamesTheRow()
    {
        var error = ReadFails(Header + "2024-01-02T10:00:00Z,10,11,9,10,1\n2024-01-02T10:05:00Z,10,11,9,10,1\n2024-01-02T10:01:00Z,10,11,9,10,1\n");

        Assert.Equal(4, error.Line);
        Assert.StartsWith("date 2024-01-02T10:01:00Z is before the previous row's 2024-01-02T10:05:00Z", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_WithASingleDateTimeRowAndNoInterval_AsksForTheInterval()
    {
        var error = ReadFails(Header + "2024-01-02T10:00:00Z,10,11,9,10,1\n");

        Assert.Equal(2, error.Line);
        Assert.Contains("pass the interval explicitly", error.Detail, StringComparison.Ordinal);
    }
}
