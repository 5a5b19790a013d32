using System.CommandLine;
using System.Globalization;
using Bulwark.Core.Model;

namespace Bulwark.Cli;

/// <summary>
/// --from and --to: the part of the data a run uses, so one file serves in-sample and out-of-sample runs. A date is
/// a UTC day (--to includes the whole day); a date-time is an instant (with Z or an offset; none means UTC). Either
/// end may be left open.
/// </summary>
/// <param name="Text">The bounds as written, for messages.</param>
internal sealed record BarWindow(DateTimeOffset? From, DateTimeOffset? To, string Text = "")
{
    public static readonly BarWindow All = new(null, null);

    /// <exception cref="UsageException">A bound is not a date or date-time, or --from is after --to.</exception>
    public static BarWindow Read(ParseResult parse, Option<string?> from, Option<string?> to)
    {
        var start = Bound(parse.GetValue(from), from.Name, endOfDay: false);
        var end = Bound(parse.GetValue(to), to.Name, endOfDay: true);
        if (start > end)
            throw new UsageException($"{from.Name} {parse.GetValue(from)} is after {to.Name} {parse.GetValue(to)}");
        return new BarWindow(start, end, $"{parse.GetValue(from) ?? "the start"} to {parse.GetValue(to) ?? "the end"}");
    }

    public bool IsAll => From is null && To is null;

    /// <summary>A bar is in the window when it starts in it.</summary>
    public bool Contains(Bar bar) => (From is not { } f || bar.Time >= f) && (To is not { } t || bar.Time <= t);


    private static DateTimeOffset? Bound(string? text, string option, bool endOfDay)
    {
        if (text is null) return null;
        var value = text.Trim();
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? midnight.AddDays(1).AddTicks(-1) : midnight;
        }
        if (value.Length > 10 && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
            return instant;
        throw new UsageException($"{option}: '{text}' is not a date (yyyy-MM-dd) or an ISO date-time such as 2024-03-01T14:30:00Z");
    }
}
