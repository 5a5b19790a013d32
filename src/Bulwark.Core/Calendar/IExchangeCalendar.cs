namespace Bulwark.Core.Calendar;

/// <summary>
/// When an exchange trades. Every instant is UTC inside and out; local times exist only in the exchange's
/// <see cref="TimeZone"/>, so daylight-saving switches need no special handling by callers. Built-in calendars
/// come from <see cref="ExchangeCalendars"/> and cover <see cref="FirstDate"/>..<see cref="LastDate"/>; asking
/// about an instant or a date outside that range throws <see cref="ArgumentOutOfRangeException"/>.
/// </summary>
/// <remarks>
/// Every query but <see cref="Sessions"/> is allocation-free; all are safe from any thread: a calendar never changes once built.
/// </remarks>
public interface IExchangeCalendar
{
    /// <summary>The code the calendar is registered under, e.g. <c>XNYS</c>.</summary>
    string Code { get; }

    /// <summary>A human name, e.g. "New York Stock Exchange".</summary>
    string Name { get; }

    /// <summary>The zone the exchange's rules are written in.</summary>
    TimeZoneInfo TimeZone { get; }

    /// <summary>The first local date the calendar covers.</summary>
    DateOnly FirstDate { get; }

    /// <summary>The last local date the calendar covers.</summary>
    DateOnly LastDate { get; }

    /// <summary>Every session dated <paramref name="from"/>..<paramref name="to"/> (both inclusive), in order.</summary>
    IReadOnlyList<ExchangeSession> Sessions(DateOnly from, DateOnly to);

    /// <summary>The session dated <paramref name="date"/>, or null when the exchange does not trade that day.</summary>
    ExchangeSession? SessionOn(DateOnly date);

    /// <summary>
    /// Whether the exchange trades at <paramref name="at"/>: regular hours, or, with <paramref name="extended"/>,
    /// also the pre- and post-market. A closed answer says why (weekend, holiday and its name, before open, after close,
    /// after an early close).
    /// </summary>
    MarketStatus IsOpen(DateTimeOffset at, bool extended = false);

    /// <summary>The first session open strictly after <paramref name="at"/> (the extended open with <paramref name="extended"/>).</summary>
    /// <exception cref="InvalidOperationException">No session opens after <paramref name="at"/> within the calendar's range.</exception>
    DateTimeOffset NextOpen(DateTimeOffset at, bool extended = false);

    /// <summary>The first session close strictly after <paramref name="at"/> (the extended close with <paramref name="extended"/>).</summary>
    /// <exception cref="InvalidOperationException">No session closes after <paramref name="at"/> within the calendar's range.</exception>
    DateTimeOffset NextClose(DateTimeOffset at, bool extended = false);

    /// <summary>
    /// The session whose extended window (<see cref="ExchangeSession.ExtendedOpen"/> inclusive to
    /// <see cref="ExchangeSession.ExtendedClose"/> exclusive) contains <paramref name="at"/>, or null between sessions.
    /// </summary>
    ExchangeSession? SessionFor(DateTimeOffset at);

    /// <summary>Whether the session dated <paramref name="date"/> closes before the regular close. False on a day without a session.</summary>
    bool IsEarlyClose(DateOnly date);
}
