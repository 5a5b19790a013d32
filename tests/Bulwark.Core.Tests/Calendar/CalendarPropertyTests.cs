using Bulwark.Core.Calendar;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Calendar;

/// <summary>
/// Properties of every built-in calendar, checked against its own session list as the oracle: the list is well formed,
/// and is-open, session-for, next open and next close agree with it at random instants, many of them a tick away from
/// a session boundary.
/// </summary>
public sealed class CalendarPropertyTests
{
    public static TheoryData<string> Codes => new() { "XNYS", "XNAS", "CRYPTO", "FX" };

    [Theory]
    [MemberData(nameof(Codes))]
    public void Sessions_AreStrictlyIncreasingWellFormedWeekdaysWithinTheAskedRange(string code)
    {
        var calendar = ExchangeCalendars.Get(code);
        var span = calendar.LastDate.DayNumber - calendar.FirstDate.DayNumber;
        var ranges = (from a in Gen.Choose(0, span)
                      from length in Gen.Choose(0, 800)
                      select (From: calendar.FirstDate.AddDays(a), To: calendar.FirstDate.AddDays(Math.Min(span, a + length)))).ToArbitrary();
        Prop.ForAll(ranges, r =>
        {
            var sessions = calendar.Sessions(r.From, r.To);
            for (var i = 0; i < sessions.Count; i++)
            {
                var s = sessions[i];
                if (s.Date < r.From || s.Date > r.To) return false;
                if (!(s.ExtendedOpen <= s.Open && s.Open < s.Close && s.Close <= s.ExtendedClose)) return false;
                if (s.Open.Offset != TimeSpan.Zero || s.Close.Offset != TimeSpan.Zero) return false;
                if (code != "CRYPTO" && s.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) return false;
                if (i > 0 && (sessions[i - 1].Date >= s.Date || sessions[i - 1].ExtendedClose > s.ExtendedOpen)) return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void IsOpen_AgreesWithTheSessionList(string code)
    {
        var calendar = ExchangeCalendars.Get(code);
        var oracle = new SessionOracle(calendar);
        Prop.ForAll(oracle.Instants(), t =>
        {
            var regular = oracle.Containing(t, extended: false);
            var extended = oracle.Containing(t, extended: true);
            var status = calendar.IsOpen(t);
            var extendedStatus = calendar.IsOpen(t, extended: true);
            return status.IsOpen == regular is not null
                && extendedStatus.IsOpen == extended is not null
                && (status.Reason == MarketStatusReason.Regular) == status.IsOpen
                && calendar.SessionFor(t) == extended;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void NextOpenAndNextClose_AreTheFirstBoundariesAfterTheInstant(string code)
    {
        var calendar = ExchangeCalendars.Get(code);
        var oracle = new SessionOracle(calendar);
        Prop.ForAll(oracle.Instants(), t =>
            calendar.NextOpen(t) == oracle.FirstAfter(t, s => s.Open)
            && calendar.NextClose(t) == oracle.FirstAfter(t, s => s.Close)
            && calendar.NextOpen(t, extended: true) == oracle.FirstAfter(t, s => s.ExtendedOpen)
            && calendar.NextClose(t, extended: true) == oracle.FirstAfter(t, s => s.ExtendedClose)).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("XNYS")]
    [InlineData("XNAS")]
    public void ClosedReason_MatchesTheLocalDay(string code)
    {
        var calendar = ExchangeCalendars.Get(code);
        var oracle = new SessionOracle(calendar);
        Prop.ForAll(oracle.Instants(), t =>
        {
            var status = calendar.IsOpen(t);
            var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, calendar.TimeZone).DateTime);
            var session = calendar.SessionOn(local);
            return status.Reason switch
            {
                MarketStatusReason.Weekend => local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday,
                MarketStatusReason.Holiday => session is null && status.Name is not null && local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday),
                MarketStatusReason.BeforeOpen => session is { } s && t < s.Open,
                MarketStatusReason.AfterClose => session is { IsEarlyClose: false } s && t >= s.Close,
                MarketStatusReason.EarlyClose => session is { IsEarlyClose: true } s && t >= s.Close,
                MarketStatusReason.Regular => session is { } s && t >= s.Open && t < s.Close,
                _ => false,
            };
        }).QuickCheckThrowOnFailure();
    }
}
