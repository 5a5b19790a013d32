using Bulwark.Core.Calendar;
using Bulwark.Core.Model;

namespace Bulwark.Core.Tests.Calendar;

public sealed class SessionBarFilterTests
{
    private static readonly SessionBarFilter Nyse = new(ExchangeCalendars.Get("XNYS"));

    private static Bar Daily(int year, int month, int day) =>
        new("X", new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), 1, 1, 1, 1, 1, TimeSpan.FromDays(1));

    private static Bar Minute(DateTimeOffset at) => new("X", at.ToUniversalTime(), 1, 1, 1, 1, 1, TimeSpan.FromMinutes(1));

    [Theory]
    [InlineData(2024, 7, 3, true)]    // early close: still a session
    [InlineData(2024, 7, 4, false)]   // Independence Day
    [InlineData(2024, 7, 6, false)]   // Saturday
    [InlineData(2006, 1, 2, false)]   // New Year's Day observed on the Monday
    [InlineData(2006, 1, 3, true)]
    public void DailyBar_IsJudgedByItsSessionDate(int year, int month, int day, bool accepted) =>
        Assert.Equal(accepted, Nyse.Accepts(Daily(year, month, day)));

    [Theory]
    [InlineData(9, 29, false)]
    [InlineData(9, 30, true)]
    [InlineData(15, 59, true)]
    [InlineData(16, 0, false)]
    public void IntradayBar_IsJudgedByItsTime(int hour, int minute, bool accepted) =>
        Assert.Equal(accepted, Nyse.Accepts(Minute(new DateTimeOffset(2024, 3, 11, hour, minute, 0, TimeSpan.FromHours(-4)))));

    [Fact]
    public void IntradayBar_InThePostMarket_IsAcceptedOnlyWithExtendedHours()
    {
        var bar = Minute(new DateTimeOffset(2024, 3, 11, 17, 0, 0, TimeSpan.FromHours(-4)));
        Assert.False(Nyse.Accepts(bar));
        Assert.True(new SessionBarFilter(ExchangeCalendars.Get("XNYS"), extended: true).Accepts(bar));
    }

    [Fact]
    public void SampleYear2006_KeepsExactlyTheNyseSessions()
    {
        var days = Enumerable.Range(0, 365).Select(i => new DateOnly(2006, 1, 1).AddDays(i));
        var kept = days.Count(d => Nyse.Accepts(Daily(d.Year, d.Month, d.Day)));
        Assert.Equal(ExchangeCalendars.Get("XNYS").Sessions(new DateOnly(2006, 1, 1), new DateOnly(2006, 12, 31)).Count, kept);
        Assert.Equal(251, kept);
    }
}
