using System.Globalization;

namespace Bulwark.Venues.Paper;

/// <summary>
/// How the paper venue writes values to SQLite: decimals and times as invariant TEXT so no precision or
/// offset is lost, enums by name so the file reads well in the sqlite3 shell.
/// </summary>
internal static class PaperText
{
    public static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string? Decimal(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static decimal ParseDecimal(string text) =>
        decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    public static decimal? ParseNullableDecimal(string? text) => text is null ? null : ParseDecimal(text);

    public static string Time(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static string Enum<T>(T value) where T : struct, System.Enum => value.ToString();

    public static T ParseEnum<T>(string text) where T : struct, System.Enum => System.Enum.Parse<T>(text, ignoreCase: false);
}
