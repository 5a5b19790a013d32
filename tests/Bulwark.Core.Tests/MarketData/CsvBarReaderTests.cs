using Bulwark.Core.MarketData;

namespace Bulwark.Core.Tests.MarketData;

public sealed class CsvBarReaderTests
{
    private const string Source = "data.csv";

    private static IReadOnlyList<Core.Model.Bar> Read(string csv, TimeSpan? interval = null) =>
        CsvBarReader.ReadAll(new StringReader(csv), Source, "XYZ", new CsvBarReadOptions { Interval = interval });

    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void ReadAll_DailyRows_GivesBarsAtMidnightUtcWithAOneDayInterval()
    {
        var bars = Read("""
            Date,Open,High,Low,Close,Volume,OpenInterest
            2006-01-02,3578.73,3605.95,3578.73,3604.33,0,0
            2006-01-03,3604.08,3638.42,3601.84,3614.34,1200,0
            """);

        Assert.Equal(2, bars.Count);
        Assert.Equal(new Core.Model.Bar("XYZ", Utc(2006, 1, 2), 3578.73m, 3605.95m, 3578.73m, 3604.33m, 0m, TimeSpan.FromDays(1)), bars[0]);
        Assert.Equal(Utc(2006, 1, 3), bars[1].Time);
        Assert.Equal(1200m, bars[1].Volume);
    }

    [Fact]
    public void ReadAll_WithHeadersInAnyCaseAndOrderAndExtraColumns_MapsColumnsByName()
    {
        var bars = Read("""
            volume,CLOSE,Adj Close,low, High ,open,DATE,Note
            1500,10.5,10.1,9.5,11,10,2024-02-01,first
            """);

        var bar = Assert.Single(bars);
        Assert.Equal((10m, 11m, 9.5m, 10.5m, 1500m), (bar.Open, bar.High, bar.Low, bar.Close, bar.Volume));
        Assert.Equal(Utc(2024, 2, 1), bar.Time);
    }

    [Fact]
    public void ReadAll_WithQuotedFieldsAndWhitespace_ReadsTheValues()
    {
        var bar = Assert.Single(Read("\"Date\",\"Open\",\"High\",\"Low\",\"Close\",\"Volume\"\n \"2024-02-01\" , \"10\",11 ,9,10,5\n"));

        Assert.Equal(10m, bar.Open);
        Assert.Equal(5m, bar.Volume);
    }

    [Fact]
    public void ReadAll_DateTimeRows_InfersTheIntervalFromTheFirstTwoRowsAndTreatsNoOffsetAsUtc()
    {
        var bars = Read("""
            Date,Open,High,Low,Close,Volume
            2024-03-01T14:30:00,10,11,9,10,1
            2024-03-01T14:35:00Z,10,11,9,10,1
            2024-03-01T10:40:00-05:00,10,11,9,10,1
            2024-03-01 15:45:00,10,11,9,10,1
            """);

        Assert.Equal([Utc(2024, 3, 1, 14, 30), Utc(2024, 3, 1, 14, 35), Utc(2024, 3, 1, 15, 40), Utc(2024, 3, 1, 15, 45)],
            bars.Select(b => b.Time));
        Assert.All(bars, b => Assert.Equal(TimeSpan.Zero, b.Time.Offset));
        Assert.All(bars, b => Assert.Equal(TimeSpan.FromMinutes(5), b.Interval));
    }

    [Fact]
    public void ReadAll_WithAnIntervalGiven_UsesItForEveryBar()
    {
        var bars = Read("""
            Date,Open,High,Low,Close,Volume
            2024-03-01T14:30:00Z,10,11,9,10,1
            2024-03-01T15:30:00Z,10,11,9,10,1
            """, TimeSpan.FromMinutes(15));

        Assert.All(bars, b => Assert.Equal(TimeSpan.FromMinutes(15), b.Interval));
    }

    [Fact]
    public void ReadAll_WithASingleDateTimeRowAndAnInterval_ReadsIt()
    {
        var bar = Assert.Single(Read("Date,Open,High,Low,Close,Volume\n2024-03-01T14:30:00Z,10,11,9,10,1\n", TimeSpan.FromHours(1)));

        Assert.Equal(TimeSpan.FromHours(1), bar.Interval);
    }

    [Fact]
    public void ReadAll_WithTrailingBlankLines_IgnoresThem()
    {
        var bars = Read("Date,Open,High,Low,Close,Volume\r\n2024-01-02,10,11,9,10,1\r\n2024-01-03,10,11,9,10,1\r\n\r\n   \r\n");

        Assert.Equal(2, bars.Count);
    }

    [Fact]
    public void ReadAll_WithAByteOrderMarkBeforeTheHeader_StillFindsTheDateColumn()
    {
        var bar = Assert.Single(Read("\uFEFFDate,Open,High,Low,Close,Volume\n2024-01-02,10,11,9,10,1\n"));

        Assert.Equal(new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero), bar.Time);
    }

    [Fact]
    public void ReadAll_WithOnlyAHeader_GivesNoBars()
    {
        Assert.Empty(Read("Date,Open,High,Low,Close,Volume\n"));
    }

    [Fact]
    public void ReadAll_ParsesNumbersWithTheInvariantCultureIntoExactDecimals()
    {
        var bar = Assert.Single(Read("Date,Open,High,Low,Close,Volume\n2024-01-02,0.1,0.3,1e-1,0.2,2.5E3\n"));

        Assert.Equal(0.1m, bar.Open);
        Assert.Equal(0.3m, bar.High);
        Assert.Equal(0.1m, bar.Low);
        Assert.Equal(2500m, bar.Volume);
    }

    [Fact]
    public void Read_StreamsBarsBeforeReachingABadRow()
    {
        using var bars = CsvBarReader.Read(new StringReader("Date,Open,High,Low,Close,Volume\n2024-01-02,10,11,9,10,1\n2024-01-03,x,11,9,10,1\n"),
            Source, "XYZ").GetEnumerator();

        Assert.True(bars.MoveNext());
        Assert.Equal(10m, bars.Current.Open);
        var error = Assert.Throws<BarDataException>(() => bars.MoveNext());
        Assert.Equal(3, error.Line);
    }
}
