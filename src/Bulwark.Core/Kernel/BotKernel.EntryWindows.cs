using System.Globalization;
using Bulwark.Core.Calendar;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel;

/// <summary>
/// The no-entry windows of a session (<see cref="TradingHoursOptions.NoEntriesAfterOpen"/>,
/// <see cref="TradingHoursOptions.NoEntriesBeforeClose"/>): entries and adds are denied <see cref="DenyReason.NoEntryWindow"/>
/// at the gate signals and placements share; exits, protective orders and the flattens pass.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>Why new exposure from <paramref name="source"/> in <paramref name="symbol"/> waits for a window to end, or null.</summary>
    private (DenyReason Reason, string Detail)? EntryWindowDenial(string source, string symbol, DateTimeOffset now)
    {
        if (!_entryWindows || !_calendarBySymbol.TryGetValue(symbol, out var cache)) return null;
        var hours = _options.TradingHours;
        var calendar = cache.Calendar;
        switch (cache.InEntryWindow(now, out var session))
        {
            case EntryWindow.AfterOpen:
                var until = session.Open + hours.NoEntriesAfterOpen;
                return (DenyReason.NoEntryWindow, string.Create(CultureInfo.InvariantCulture,
                    $"no new entries before {Local(until, calendar)}, {Span(hours.NoEntriesAfterOpen)} after {calendar.Code}'s open (tradingHours.noEntriesAfterOpen)"));
            case EntryWindow.BeforeClose when !IsSwing(source):
                var from = session.Close - hours.NoEntriesBeforeClose;
                return (DenyReason.NoEntryWindow, string.Create(CultureInfo.InvariantCulture,
                    $"no new intraday entries from {Local(from, calendar)}, {Span(hours.NoEntriesBeforeClose)} before {calendar.Code}'s close at {Local(session.Close, calendar)} (tradingHours.noEntriesBeforeClose)"));
            default:
                return null;
        }
    }

    /// <summary>"09:45 America/New_York (14:45 UTC)".</summary>
    private static string Local(DateTimeOffset at, IExchangeCalendar calendar) => string.Create(CultureInfo.InvariantCulture,
        $"{TimeZoneInfo.ConvertTime(at, calendar.TimeZone):HH:mm} {calendar.TimeZone.Id} ({at.UtcDateTime:HH:mm} UTC)");

    private static string Span(TimeSpan span) => span.Ticks % TimeSpan.TicksPerMinute == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{span.Ticks / TimeSpan.TicksPerMinute} minutes")
        : span.ToString("c", CultureInfo.InvariantCulture);
}
