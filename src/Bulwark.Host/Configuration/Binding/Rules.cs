using System.Globalization;
using System.Numerics;

namespace Bulwark.Host.Configuration.Binding;

/// <summary>Range checks: each returns the message for a bad value, or null.</summary>
internal static class Rules
{
    public static string? Positive<T>(T value) where T : INumber<T> =>
        value > T.Zero ? null : "must be > 0";

    public static string? NonNegative<T>(T value) where T : INumber<T> =>
        value >= T.Zero ? null : "must be >= 0";

    /// <summary>Greater than 0 and at most <paramref name="max"/>.</summary>
    public static Func<T, string?> PositiveAtMost<T>(T max) where T : INumber<T> =>
        value => value > T.Zero && value <= max ? null : string.Create(CultureInfo.InvariantCulture, $"must be > 0 and <= {max}");

    public static Func<T, string?> Between<T>(T min, T max) where T : INumber<T> =>
        value => value >= min && value <= max ? null : string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}");

    public static string? PositiveDuration(TimeSpan value) =>
        value > TimeSpan.Zero ? null : "must be longer than 0";

    public static string? NonNegativeDuration(TimeSpan value) =>
        value >= TimeSpan.Zero ? null : "must not be negative";

    /// <summary>At least 0 and shorter than <paramref name="max"/>.</summary>
    public static Func<TimeSpan, string?> DurationUnder(TimeSpan max) =>
        value => value >= TimeSpan.Zero && value < max ? null
            : string.Create(CultureInfo.InvariantCulture, $"must be at least 0 and shorter than {max.TotalHours}h");

    public static string? KnownTimeZone(string value) =>
        !string.IsNullOrWhiteSpace(value) && TimeZoneInfo.TryFindSystemTimeZoneById(value.Trim(), out _) ? null
            : $"unknown time zone '{value}'; give an IANA name such as America/New_York, Europe/London or UTC";

    public static string? NotBlank(string value) =>
        string.IsNullOrWhiteSpace(value) ? "must not be empty" : null;
}
