using System.Globalization;
using System.Text.RegularExpressions;

namespace Bulwark.Host.Configuration.Binding;

/// <summary>
/// Reads durations: a number with a unit (<c>500ms</c>, <c>20s</c>, <c>5m</c>, <c>1h</c>, <c>1d</c>, <c>1.5h</c>),
/// several of them run together (<c>1h30m</c>), or a TimeSpan in the form <c>[d.]hh:mm:ss[.fffffff]</c>.
/// A bare number has no unit and is refused.
/// </summary>
public static partial class DurationParser
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        var trimmed = text.Trim();
        if (trimmed.Contains(':', StringComparison.Ordinal))
            return TimeSpan.TryParseExact(trimmed, "c", CultureInfo.InvariantCulture, out value);

        value = TimeSpan.Zero;
        var match = UnitsPattern().Match(trimmed);
        if (!match.Success)
            return false;

        var totalTicks = 0m;
        var parts = match.Groups["part"].Captures;
        for (var i = 0; i < parts.Count; i++)
        {
            if (!decimal.TryParse(match.Groups["number"].Captures[i].Value, NumberStyles.AllowDecimalPoint,
                    CultureInfo.InvariantCulture, out var number) || number > MaxNumber)
                return false;
            totalTicks += number * TicksPer(match.Groups["unit"].Captures[i].Value);
            if (totalTicks > TimeSpan.MaxValue.Ticks)
                return false;
        }

        value = TimeSpan.FromTicks((long)totalTicks);
        return true;
    }

    /// <summary>Larger numbers overflow a TimeSpan in any unit; refusing them early keeps the arithmetic exact.</summary>
    private const decimal MaxNumber = 1e15m;

    private static decimal TicksPer(string unit) => unit switch
    {
        "ms" => TimeSpan.TicksPerMillisecond,
        "s" => TimeSpan.TicksPerSecond,
        "m" => TimeSpan.TicksPerMinute,
        "h" => TimeSpan.TicksPerHour,
        "d" => TimeSpan.TicksPerDay,
        _ => throw new InvalidOperationException($"Unit '{unit}' slipped through the pattern."),
    };

    [GeneratedRegex(@"^(?<part>(?<number>\d+(\.\d+)?)(?<unit>ms|s|m|h|d))+\z", RegexOptions.CultureInvariant)]
    private static partial Regex UnitsPattern();
}
