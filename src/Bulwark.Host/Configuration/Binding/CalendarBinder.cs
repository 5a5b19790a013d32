using Bulwark.Core.Calendar;
using Bulwark.Host.Configuration.Tree;

namespace Bulwark.Host.Configuration.Binding;

/// <summary>
/// Binds the top-level <c>calendars</c> section: per exchange code, closures and early closes announced at short
/// notice. Each calendar is built once here so that a bad override is a configuration error, not a start-up crash.
/// </summary>
internal static class CalendarBinder
{
    public static IReadOnlyDictionary<string, ExchangeCalendarOverrides> Bind(MappingReader root)
    {
        var result = new Dictionary<string, ExchangeCalendarOverrides>(StringComparer.Ordinal);
        var path = root.PathOf("calendars");
        switch (root.Node("calendars"))
        {
            case null:
                return result;
            case ConfigMapping mapping:
                foreach (var entry in mapping.Entries) BindOne(root.Context, entry, KeyPath.Child(path, entry.Key), result);
                return result;
            case var other:
                root.Context.Error(other.Source, path, $"expected a section of exchange codes, got {other.Describe()}");
                return result;
        }
    }

    private static void BindOne(BindContext context, ConfigEntry entry, string path,
        Dictionary<string, ExchangeCalendarOverrides> result)
    {
        if (!ExchangeCalendars.TryGet(entry.Key, out var calendar))
        {
            context.Error(entry.KeySource, path, $"unknown exchange '{entry.Key}'; known: {string.Join(", ", ExchangeCalendars.Codes)}");
            return;
        }
        var errorsBefore = context.Errors.Count;
        var reader = MappingReader.Open(context, entry.Value, path, entry.KeySource);
        var closures = reader.Sections("closures", r => new CalendarClosure(
            r.Required("date", default(DateOnly), ValueKinds.Date), NameOf(r)));
        var earlyCloses = reader.Sections("earlyCloses", r => new CalendarEarlyClose(
            r.Required("date", default(DateOnly), ValueKinds.Date),
            r.Required("close", new TimeOnly(13, 0), ValueKinds.TimeOfDay), NameOf(r)));
        reader.Finish();
        if (context.Errors.Count > errorsBefore) return; // dates that did not parse would only add noise below

        var overrides = new ExchangeCalendarOverrides { Closures = closures, EarlyCloses = earlyCloses };
        try
        {
            _ = ExchangeCalendars.Create(calendar.Code, overrides);
            result[calendar.Code] = overrides;
        }
        catch (ArgumentException ex)
        {
            context.Error(entry.Value.Source, path, ex.Message);
        }
    }

    private static string? NameOf(MappingReader r)
    {
        var name = r.Value("name", "", ValueKinds.Text);
        return name.Length == 0 ? null : name;
    }
}
