using Bulwark.Core.MarketData;

namespace Bulwark.Core.Tests.MarketData;

/// <summary>Exchange-local data: date-times written without an offset, read in the file's time zone.</summary>
public sealed class CsvBarReaderTimeZoneTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static IReadOnlyList<Core.Model.Bar> Read(string rows, TimeZoneInfo? zone = null, string header = "Date,Open,High,Low,Close,Volume") =>
        CsvBarReader.ReadAll(new StringReader($"{header}\n{rows}"), "local.csv", "SPY",
            new CsvBarReadOptions { Interval = TimeSpan.FromMinutes(30), TimeZone = zone });

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void ReadAll_NewYorkWallClock_IsTheSessionsUtcInstantOnBothSidesOfTheSpringSwitch()
    {
        var bars = Read("""
            2024-03-08 09:30:00,1,1,1,1,0
            2024-03-11 09:30:00,1,1,1,1,0
            """, NewYork);

        Assert.Equal([Utc("2024-03-08T14:30:00Z"), Utc("2024-03-11T13:30:00Z")], bars.Select(b => b.Time));
    }

    [Fact]
    public void ReadAll_DateAndTimeColumns_AreReadInTheZoneToo()
    {
        var bars = Read("2024-07-01,09:30,1,1,1,1,0\n", NewYork, "Date,Time,Open,High,Low,Close,Volume");

        Assert.Equal(Utc("2024-07-01T13:30:00Z"), bars[0].Time);
    }

    [Fact]
    public void ReadAll_WrittenOffsetsAndDatesAlone_AreNotMovedByTheZone()
    {
        var withOffsets = Read("""
            2024-07-01T09:30:00Z,1,1,1,1,0
            2024-07-01T12:00:00+02:00,1,1,1,1,0
            2024-07-01T10:30:00-04:00,1,1,1,1,0
            """, NewYork);
        var days = CsvBarReader.ReadAll(new StringReader("Date,Open,High,Low,Close,Volume\n2024-07-01,1,1,1,1,0\n"), "d.csv", "SPY",
            new CsvBarReadOptions { TimeZone = NewYork });

        Assert.Equal([Utc("2024-07-01T09:30:00Z"), Utc("2024-07-01T10:00:00Z"), Utc("2024-07-01T14:30:00Z")],
            withOffsets.Select(b => b.Time));
        Assert.Equal(Utc("2024-07-01T00:00:00Z"), days[0].Time);
    }

    [Fact]
    public void ReadAll_WithoutAZone_ReadsWallClockTimesAsUtc()
    {
        var bars = Read("2024-07-01 09:30:00,1,1,1,1,0\n");

        Assert.Equal(Utc("2024-07-01T09:30:00Z"), bars[0].Time);
    }

    [Fact]
    public void ReadAll_ATimeTheSpringSwitchSkips_IsAnErrorNamingTheLineAndZone()
    {
        var ex = Assert.Throws<BarDataException>(() => Read("""
            2024-03-10 01:30:00,1,1,1,1,0
            2024-03-10 02:30:00,1,1,1,1,0
            """, NewYork));

        Assert.StartsWith("local.csv:3: ", ex.Message);
        Assert.Contains("2024-03-10 02:30:00 does not exist in America/New_York", ex.Message);
    }

    [Fact]
    public void ReadAll_TheHourTheAutumnSwitchRepeats_ReadsAsTwoHoursInOrder()
    {
        // A 24-hour market's file: 01:00 and 01:30 are written twice, first in daylight time, then in standard time.
        var bars = Read("""
            2024-11-03 00:30:00,1,1,1,1,0
            2024-11-03 01:00:00,1,1,1,1,0
            2024-11-03 01:30:00,1,1,1,1,0
            2024-11-03 01:00:00,1,1,1,1,0
            2024-11-03 01:30:00,1,1,1,1,0
            2024-11-03 02:00:00,1,1,1,1,0
            """, NewYork);

        Assert.Equal(
            [Utc("2024-11-03T04:30:00Z"), Utc("2024-11-03T05:00:00Z"), Utc("2024-11-03T05:30:00Z"),
             Utc("2024-11-03T06:00:00Z"), Utc("2024-11-03T06:30:00Z"), Utc("2024-11-03T07:00:00Z")],
            bars.Select(b => b.Time));
    }

    [Fact]
    public void ReadAll_ARepeatedHourWrittenOnce_IsItsFirstOccurrence()
    {
        var bars = Read("""
            2024-11-03 00:00:00,1,1,1,1,0
            2024-11-03 01:30:00,1,1,1,1,0
            2024-11-03 03:00:00,1,1,1,1,0
            """, NewYork);

        Assert.Equal(Utc("2024-11-03T05:30:00Z"), bars[1].Time);
        Assert.Equal(Utc("2024-11-03T08:00:00Z"), bars[2].Time);
    }

    [Fact]
    public void ReadAll_ARepeatedTimeWrittenAThirdTime_IsOutOfOrder()
    {
        var ex = Assert.Throws<BarDataException>(() => Read("""
            2024-11-03 01:30:00,1,1,1,1,0
            2024-11-03 01:30:00,1,1,1,1,0
            2024-11-03 01:30:00,1,1,1,1,0
            """, NewYork));

        Assert.StartsWith("local.csv:4: ", ex.Message);
        Assert.Contains("is before the previous row's", ex.Message);
    }

    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Europe/London")]
    [InlineData("Australia/Sydney")] // switches the other way round in the calendar year
    [InlineData("America/Santiago")] // switches at midnight
    [InlineData("Asia/Kolkata")]     // no switch, a half-hour offset
    public void ReadAll_AYearOfQuarterHoursWrittenAsWallClockTimes_GivesBackEveryInstant(string zoneId)
    {
        // A 24-hour market's bars over 2024 (every switch), as a local export writes them: skipped times never appear,
        // repeated ones appear twice.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var rows = new System.Text.StringBuilder();
        var expected = new List<DateTimeOffset>();
        var instant = Utc("2024-01-01T00:00:00Z");
        for (var i = 0; i < 366 * 24 * 4; i++, instant = instant.AddMinutes(15))
        {
            var local = TimeZoneInfo.ConvertTime(instant, zone);
            rows.Append(local.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)).Append(",1,1,1,1,0\n");
            expected.Add(instant);
        }

        var bars = CsvBarReader.ReadAll(new StringReader("Date,Open,High,Low,Close,Volume\n" + rows), "y.csv", "SPY", new CsvBarReadOptions { TimeZone = zone });

        Assert.Equal(expected, bars.Select(b => b.Time));
        Assert.All(bars, b => Assert.Equal(TimeSpan.FromMinutes(15), b.Interval));
    }
}
