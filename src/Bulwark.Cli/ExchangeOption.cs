using System.CommandLine;
using Bulwark.Core.Calendar;

namespace Bulwark.Cli;

/// <summary>--exchange, the calendar of a research run's instruments (crypto ones always trade on CRYPTO's).</summary>
internal static class ExchangeOption
{
    public static Option<string> Create() => new("--exchange")
    {
        Description = $"Calendar of the instruments: {string.Join(", ", ExchangeCalendars.Codes)}",
        DefaultValueFactory = _ => ExchangeCalendars.Nyse,
    };

    /// <exception cref="UsageException">The code is not a known calendar.</exception>
    public static IExchangeCalendar Read(ParseResult parse, Option<string> option) =>
        ExchangeCalendars.TryGet(parse.GetValue(option), out var calendar) ? calendar
            : throw new UsageException($"--exchange: unknown '{parse.GetValue(option)}'; known: {string.Join(", ", ExchangeCalendars.Codes)}");
}
