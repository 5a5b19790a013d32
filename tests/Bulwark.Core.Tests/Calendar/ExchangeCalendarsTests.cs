using Bulwark.Core.Calendar;

namespace Bulwark.Core.Tests.Calendar;

public sealed class ExchangeCalendarsTests
{
    [Theory]
    [InlineData("XNYS", "America/New_York")]
    [InlineData("XNAS", "America/New_York")]
    [InlineData("FX", "America/New_York")]
    [InlineData("CRYPTO", "UTC")]
    public void Get_KnownCode_ReturnsThatCalendarCovering1990To2050(string code, string zone)
    {
        var calendar = ExchangeCalendars.Get(code);
        Assert.Equal(code, calendar.Code);
        Assert.Equal(zone, calendar.TimeZone.Id);
        Assert.Equal(new DateOnly(1990, 1, 1), calendar.FirstDate);
        Assert.Equal(new DateOnly(2050, 12, 31), calendar.LastDate);
    }

    [Fact]
    public void Get_IgnoresCaseAndReturnsOneSharedInstance()
    {
        Assert.Same(ExchangeCalendars.Get("XNYS"), ExchangeCalendars.Get("xnys"));
        Assert.Same(ExchangeCalendars.Get("FX"), ExchangeCalendars.Get(" fx "));
    }

    [Fact]
    public void Get_UnknownCode_ThrowsListingTheKnownCodes()
    {
        var ex = Assert.Throws<ArgumentException>(() => ExchangeCalendars.Get("XLON"));
        Assert.Contains("unknown exchange 'XLON'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("XNYS, XNAS, CRYPTO, FX", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryGet_UnknownOrMissingCode_ReturnsFalse()
    {
        Assert.False(ExchangeCalendars.TryGet("XLON", out var none));
        Assert.Null(none);
        Assert.False(ExchangeCalendars.TryGet(null, out _));
        Assert.True(ExchangeCalendars.TryGet("XNAS", out var nasdaq));
        Assert.Equal("XNAS", nasdaq.Code);
    }

    [Fact]
    public void Create_UnknownCode_ThrowsListingTheKnownCodes()
    {
        var ex = Assert.Throws<ArgumentException>(() => ExchangeCalendars.Create("NOPE", ExchangeCalendarOverrides.None));
        Assert.Contains("XNYS, XNAS, CRYPTO, FX", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1989-12-31T23:59:59Z")]
    [InlineData("2051-01-01T05:00:00Z")]
    public void Query_OutsideTheRange_ThrowsNamingTheRange(string instant)
    {
        var at = CalendarTime.Utc(instant);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CalendarTime.Xnys.IsOpen(at));
        Assert.Contains("1990-01-01..2050-12-31", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => CalendarTime.Xnys.SessionFor(at));
        Assert.Throws<ArgumentOutOfRangeException>(() => CalendarTime.Xnys.Sessions(new DateOnly(1989, 1, 1), new DateOnly(1990, 1, 5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => CalendarTime.Xnys.SessionOn(new DateOnly(2051, 1, 3)));
    }

    [Fact]
    public void NextOpen_AfterTheLastSession_Throws()
    {
        var lastClose = CalendarTime.Xnys.SessionOn(new DateOnly(2050, 12, 30))!.Value.Close;
        Assert.Throws<InvalidOperationException>(() => CalendarTime.Xnys.NextOpen(lastClose));
        Assert.Throws<InvalidOperationException>(() => CalendarTime.Xnys.NextClose(lastClose));
    }
}
