using Bulwark.Core.MarketData;

namespace Bulwark.Core.Tests.MarketData;

/// <summary>
/// Files as crypto tools and charting exports write them: the bar's time in a Timestamp, Datetime or lone Time column,
/// as an ISO date-time or a Unix time in seconds or milliseconds.
/// </summary>
public sealed class CsvBarReaderUnixTimeTests
{
    private static readonly DateTimeOffset First = new(2024, 1, 2, 14, 30, 0, TimeSpan.Zero); // 1704205800 s

    private static IReadOnlyList<Core.Model.Bar> Read(string csv, TimeZoneInfo? zone = null) =>
        CsvBarReader.ReadAll(new StringReader(csv), "btc.csv", "BTC", new CsvBarReadOptions { TimeZone = zone });

    [Theory]
    [InlineData("timestamp,open,high,low,close,volume\n1704205800000,10,11,9,10,1\n1704205860000,10,11,9,10,1\n")]
    [InlineData("time,open,high,low,close,Volume\n1704205800,10,11,9,10,1\n1704205860,10,11,9,10,1\n")]
    [InlineData("Datetime,Open,High,Low,Close,Volume\n2024-01-02T14:30:00Z,10,11,9,10,1\n2024-01-02T14:31:00Z,10,11,9,10,1\n")]
    [InlineData("\uFEFFTimestamp,Open,High,Low,Close,Volume\n2024-01-02 14:30:00,10,11,9,10,1\n2024-01-02 14:31:00,10,11,9,10,1\n")]
    public void TheBarsTime_MayBeCalledTimestampDatetimeOrTime_AndBeAUnixTime(string csv)
    {
        var bars = Read(csv);

        Assert.Equal([First, First.AddMinutes(1)], bars.Select(b => b.Time));
        Assert.All(bars, b => Assert.Equal(TimeSpan.FromMinutes(1), b.Interval));
    }

    [Fact]
    public void AUnixTime_IsUtc_WhateverTheFilesTimeZone()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var bars = Read("time,open,high,low,close,volume\n1704205800,10,11,9,10,1\n1704205860,10,11,9,10,1\n", newYork);

        Assert.Equal(First, bars[0].Time);
    }

    [Fact]
    public void AnEightDigitNumber_IsNoTime()
    {
        var error = Assert.Throws<BarDataException>(() => Read("time,open,high,low,close,volume\n20240102,10,11,9,10,1\n"));

        Assert.Equal(2, error.Line);
        Assert.Equal("date '20240102' is not yyyy-MM-dd or an ISO date-time such as 2024-01-31T14:30:00Z (or a Unix time in seconds or milliseconds)",
            error.Detail);
    }

    [Fact]
    public void TwoColumnsNamingTheBarsTime_AreAnError_ButDateWithTimeIsADateAndATimeOfDay()
    {
        var error = Assert.Throws<BarDataException>(() => Read("Date,Timestamp,Open,High,Low,Close,Volume\n2024-01-02,1704205800,10,11,9,10,1\n"));
        Assert.Equal((1, "the bar's time (Date, Datetime or Timestamp) is in two columns (columns 1 and 2)"), (error.Line, error.Detail));

        var split = Read("Date,Time,Open,High,Low,Close,Volume\n2024-01-02,14:30,10,11,9,10,1\n2024-01-02,14:31,10,11,9,10,1\n");
        Assert.Equal(First, split[0].Time);
    }

    [Fact]
    public void AHeaderWithoutAnyTimeColumn_NamesTheOtherSpellings()
    {
        var error = Assert.Throws<BarDataException>(() => Read("when,open,high,low,close,volume\n1704205800,10,11,9,10,1\n"));

        Assert.EndsWith("the Date column may be called Timestamp, Datetime or Time)", error.Detail, StringComparison.Ordinal);
    }
}
