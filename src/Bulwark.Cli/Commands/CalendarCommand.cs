using System.CommandLine;
using System.Globalization;
using System.Text;
using Bulwark.Core.Calendar;

namespace Bulwark.Cli.Commands;

/// <summary>
/// `bulwark calendar sessions|is-open`: an exchange's sessions between two dates as CSV, and whether it trades at an
/// instant and why not. Times are printed in the exchange's zone with their UTC offset.
/// </summary>
internal static class CalendarCommand
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string LocalFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    public static Command Create()
    {
        var command = new Command("calendar", "Exchange calendars: trading sessions, and whether a market is open");
        command.Subcommands.Add(SessionsCommand());
        command.Subcommands.Add(IsOpenCommand());
        return command;
    }

    private static Option<string> ExchangeOption() => new("--exchange", "-e")
    {
        Description = $"Calendar code: {string.Join(", ", ExchangeCalendars.Codes)}",
        Required = true,
    };

    private static Command SessionsCommand()
    {
        var exchange = ExchangeOption();
        var from = new Option<string>("--from") { Description = "First date, YYYY-MM-DD", Required = true };
        var to = new Option<string>("--to") { Description = "Last date, YYYY-MM-DD (inclusive)", Required = true };
        var command = new Command("sessions", "CSV of the sessions between two dates: session,open,close (local times with UTC offset)")
        {
            exchange, from, to,
        };
        command.SetAction(parse =>
        {
            var calendar = Calendar(parse.GetValue(exchange)!);
            var first = ParseDate("--from", parse.GetValue(from)!, calendar);
            var last = ParseDate("--to", parse.GetValue(to)!, calendar);
            if (last < first) throw new UsageException($"--to {last.ToString(DateFormat, CultureInfo.InvariantCulture)} is before --from {first.ToString(DateFormat, CultureInfo.InvariantCulture)}");
            var sessions = calendar.Sessions(first, last);
            var csv = new StringBuilder(32 + (sessions.Count * 64));
            csv.Append("session,open,close\n");
            foreach (var s in sessions)
                csv.Append(CultureInfo.InvariantCulture, $"{s.Date.ToString(DateFormat, CultureInfo.InvariantCulture)},{Local(calendar, s.Open)},{Local(calendar, s.Close)}\n");
            Console.Out.Write(csv.ToString());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command IsOpenCommand()
    {
        var exchange = ExchangeOption();
        var at = new Option<string?>("--at")
        {
            Description = "The instant, ISO 8601 (2024-03-11T13:45:00Z, or with an offset; without one it is exchange-local time). Default: now",
        };
        var extended = new Option<bool>("--extended") { Description = "Count pre- and post-market hours as open" };
        var command = new Command("is-open", "Whether the exchange trades at an instant, and why not") { exchange, at, extended };
        command.SetAction(parse =>
        {
            var calendar = Calendar(parse.GetValue(exchange)!);
            var text = parse.GetValue(at);
            var instant = text is null ? TimeProvider.System.GetUtcNow() : ParseInstant(text, calendar);
            MarketStatus status;
            try { status = calendar.IsOpen(instant, parse.GetValue(extended)); }
            catch (ArgumentOutOfRangeException) { throw OutOfRange("--at", text ?? "now", calendar); }
            Console.Out.WriteLine(Describe(calendar, instant, status, parse.GetValue(extended)));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static IExchangeCalendar Calendar(string code) =>
        ExchangeCalendars.TryGet(code, out var calendar)
            ? calendar
            : throw new UsageException($"--exchange: unknown exchange '{code}'; known: {string.Join(", ", ExchangeCalendars.Codes)}");

    private static DateOnly ParseDate(string option, string text, IExchangeCalendar calendar)
    {
        if (!DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new UsageException($"{option}: '{text}' is not a date (expected YYYY-MM-DD)");
        if (date < calendar.FirstDate || date > calendar.LastDate) throw OutOfRange(option, text, calendar);
        return date;
    }

    /// <summary>ISO 8601 with Z or an offset; without either, a wall-clock time in the exchange's zone.</summary>
    private static DateTimeOffset ParseInstant(string text, IExchangeCalendar calendar)
    {
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"];
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (hasOffset)
        {
            string[] withOffset = [.. formats.Select(f => f + "K")];
            if (DateTimeOffset.TryParseExact(text, withOffset, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
                return instant.ToUniversalTime();
        }
        else if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            if (calendar.TimeZone.IsInvalidTime(local))
                throw new UsageException($"--at: {text} does not exist in {calendar.TimeZone.Id} (skipped by a daylight-saving switch)");
            return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, calendar.TimeZone), TimeSpan.Zero);
        }
        throw new UsageException($"--at: '{text}' is not an ISO 8601 date and time (e.g. 2024-03-11T13:45:00Z)");
    }

    private static string Describe(IExchangeCalendar calendar, DateTimeOffset instant, MarketStatus status, bool extended)
    {
        var reason = status.Reason switch
        {
            MarketStatusReason.Regular => "regular hours",
            MarketStatusReason.PreMarket => "pre-market",
            MarketStatusReason.PostMarket => "post-market",
            MarketStatusReason.Weekend => "weekend",
            MarketStatusReason.Holiday => $"holiday: {status.Name}",
            MarketStatusReason.BeforeOpen => "before open",
            MarketStatusReason.AfterClose => "after close",
            MarketStatusReason.EarlyClose => $"early close: {status.Name}",
            _ => status.Reason.ToString(),
        };
        var line = $"{(status.IsOpen ? "open" : "closed")} ({reason}) at {Local(calendar, instant)} {calendar.Code}";
        try
        {
            return status.IsOpen
                ? $"{line}; closes {Local(calendar, calendar.NextClose(instant, extended))}"
                : $"{line}; opens {Local(calendar, calendar.NextOpen(instant, extended))}";
        }
        catch (InvalidOperationException)
        {
            return line; // no session after this one within the calendar's range
        }
    }

    private static string Local(IExchangeCalendar calendar, DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, calendar.TimeZone).ToString(LocalFormat, CultureInfo.InvariantCulture);

    private static UsageException OutOfRange(string option, string text, IExchangeCalendar calendar) =>
        new($"{option}: {text} is outside the {calendar.Code} calendar's range " +
            $"{calendar.FirstDate.ToString(DateFormat, CultureInfo.InvariantCulture)}..{calendar.LastDate.ToString(DateFormat, CultureInfo.InvariantCulture)}");
}
