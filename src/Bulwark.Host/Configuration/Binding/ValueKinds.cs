using System.Globalization;

namespace Bulwark.Host.Configuration.Binding;

/// <summary>The scalar types the configuration uses. Numbers are read in the invariant culture.</summary>
internal static class ValueKinds
{
    public static readonly ValueKind<string> Text = new("a text value", static (string text, out string value) =>
    {
        value = text;
        return true;
    });

    public static readonly ValueKind<decimal> Decimal = new("a number", static (string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value));

    public static readonly ValueKind<int> Int = new("a whole number", static (string text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value));

    public static readonly ValueKind<bool> Bool = new("true or false", static (string text, out bool value) =>
    {
        var lower = text.Trim().ToLowerInvariant();
        value = lower == "true";
        return lower is "true" or "false";
    });

    public static readonly ValueKind<TimeSpan> Duration =
        new("a duration like 500ms, 20s, 5m, 1h, 1d or hh:mm:ss", DurationParser.TryParse);

    public static readonly ValueKind<DateOnly> Date = new("a date like 2025-01-09", static (string text, out DateOnly value) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value));

    public static readonly ValueKind<TimeOnly> TimeOfDay = new("a time of day like 13:00", static (string text, out TimeOnly value) =>
        TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out value));

    /// <summary>An enum written in camelCase, matched case-insensitively (<c>fixedQuantity</c>, <c>FIXEDQUANTITY</c>).</summary>
    public static ValueKind<TEnum> Enum<TEnum>() where TEnum : struct, System.Enum
    {
        var names = System.Enum.GetNames<TEnum>();
        var expected = "one of " + string.Join(", ", names.Select(CamelCase));
        return new ValueKind<TEnum>(expected, (string text, out TEnum value) =>
        {
            var name = Array.Find(names, n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
            value = name is null ? default : System.Enum.Parse<TEnum>(name);
            return name is not null;
        });
    }

    public static string CamelCase(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
