namespace Bulwark.Core.Calendar;

/// <summary>
/// Checks a calendar's overrides against its built-in closures and lists every problem at once. A closure on a day that
/// is already closed is accepted (the built-in name stays), so a configuration written before a software update that
/// adds the same closure keeps working.
/// </summary>
internal sealed class OverrideValidator(string code, DateOnly first, DateOnly last, TimeOnly open, TimeOnly close,
    IReadOnlyDictionary<DateOnly, string> builtInClosures)
{
    public const string DefaultClosureName = "Closure (configured)";
    public const string DefaultEarlyCloseName = "Early close (configured)";

    public void ThrowIfInvalid(ExchangeCalendarOverrides overrides)
    {
        var problems = new List<string>();
        var closed = new HashSet<DateOnly>(builtInClosures.Keys);
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < overrides.Closures.Count; i++)
        {
            var date = overrides.Closures[i].Date;
            var where = $"closures[{i}] {date:yyyy-MM-dd}";
            if (!InRange(date)) problems.Add($"{where}: outside {first:yyyy-MM-dd}..{last:yyyy-MM-dd}");
            else if (CalendarDates.IsWeekend(date)) problems.Add($"{where}: a {date.DayOfWeek}, already closed");
            if (!seen.Add(date)) problems.Add($"{where}: listed twice");
            closed.Add(date);
        }
        seen.Clear();
        for (var i = 0; i < overrides.EarlyCloses.Count; i++)
        {
            var early = overrides.EarlyCloses[i];
            var where = $"earlyCloses[{i}] {early.Date:yyyy-MM-dd}";
            if (!InRange(early.Date)) problems.Add($"{where}: outside {first:yyyy-MM-dd}..{last:yyyy-MM-dd}");
            else if (CalendarDates.IsWeekend(early.Date)) problems.Add($"{where}: a {early.Date.DayOfWeek}, not a trading day");
            else if (closed.Contains(early.Date)) problems.Add($"{where}: closed all day, not a trading day");
            if (early.Close <= open || early.Close >= close)
                problems.Add($"{where}: close {early.Close:HH\\:mm} is not between the open {open:HH\\:mm} and the regular close {close:HH\\:mm}");
            if (!seen.Add(early.Date)) problems.Add($"{where}: listed twice");
        }
        if (problems.Count > 0)
            throw new ArgumentException($"invalid overrides for {code}:\n  " + string.Join("\n  ", problems), nameof(overrides));
    }

    private bool InRange(DateOnly date) => date >= first && date <= last;
}
