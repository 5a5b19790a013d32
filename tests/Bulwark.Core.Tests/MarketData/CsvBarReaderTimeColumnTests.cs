using Bulwark.Core.MarketData;

namespace Bulwark.Core.Tests.MarketData;

/// <summary>Intraday exports that split the date and the time of day into two columns (Date,Time,Open,...).</summary>
public sealed class CsvBarReaderTimeColumnTests
{
    private static IReadOnlyList<Core.Model.Bar> Read(string csv) =>
        CsvBarReader.ReadAll(new StringReader(csv), "min.csv", "XYZ");

    [Fact]
    public void ReadAll_DateAndTimeColumns_GiveTheSameBarsAsOneDateTimeColumn()
    {
        var split = Read("""
            Date,Time,Open,High,Low,Close,Volume,OpenInterest
            2006-01-02,09:01:00,3578.73,3605.95,3578.73,3604.33,10,0
            2006-01-02,09:02,3604.08,3638.42,3601.84,3614.34,12,0
            """);
        var joined = Read("""
            Date,Open,High,Low,Close,Volume
            2006-01-02T09:01:00Z,3578.73,3605.95,3578.73,3604.33,10
            2006-01-02T09:02:00Z,3604.08,3638.42,3601.84,3614.34,12
            """);

        Assert.Equal(joined, split);
        Assert.Equal(TimeSpan.FromMinutes(1), split[0].Interval);
    }

    [Theory]
    [InlineData("2006-01-02,9:03,1,1,1,1,0", "time '9:03' is not HH:mm or HH:mm:ss")]
    [InlineData("2006-01-02,09:03Z,1,1,1,1,0", "time '09:03Z' is not HH:mm or HH:mm:ss")]
    [InlineData("2006-01-02,24:00,1,1,1,1,0", "time '24:00' is not HH:mm or HH:mm:ss")]
    [InlineData("2006-01-02,,1,1,1,1,0", "time '' is not HH:mm or HH:mm:ss")]
    [InlineData("2006-01-02T09:03,09:03,1,1,1,1,0", "date '2006-01-02T09:03' is not yyyy-MM-dd (the file has a Time column")]
    [InlineData("2006-01-02,09:02,1,1,1,1,0", "date 2006-01-02T09:02:00Z repeats the previous row's date")]
    [InlineData("2006-01-02,09:01,1,1,1,1,0", "date 2006-01-02T09:01:00Z is before the previous row's")]
    public void ReadAll_WithABadDateOrTime_ThrowsNamingTheSourceAndLine(string row, string detail)
    {
        var ex = Assert.Throws<BarDataException>(() => Read($"Date,Time,Open,High,Low,Close,Volume\n2006-01-02,09:01,1,1,1,1,0\n2006-01-02,09:02,1,1,1,1,0\n{row}\n"));

        Assert.StartsWith("min.csv:4: ", ex.Message);
        Assert.Contains(detail, ex.Message);
    }

    [Fact]
    public void ReadAll_TimeTwiceInTheHeader_IsAnErrorOnLineOne()
    {
        var ex = Assert.Throws<BarDataException>(() => Read("Date,Time,Open,High,Low,Close,Volume,time\n"));

        Assert.Contains("min.csv:1: column Time appears twice in the header (columns 2 and 8)", ex.Message);
    }
}
