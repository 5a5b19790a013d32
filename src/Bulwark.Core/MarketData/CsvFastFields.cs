namespace Bulwark.Core.MarketData;

/// <summary>
/// Fast paths for the shapes almost every bar file uses: plain non-negative decimals ("4052.55") and ISO dates and
/// date-times ("2006-12-29", "2024-01-31T14:30:00Z"). Each either gives exactly what the general parsers in
/// <see cref="CsvBarFields"/> would (the same value, the same decimal scale) or declines, and the general parser decides;
/// so they only make a file read faster, never read it differently. The general parsers cost most of a row's time.
/// </summary>
internal static class CsvFastFields
{
    /// <summary>Digits with an optional fraction, at most 18 digits in all (so the mantissa fits a long); else false.</summary>
    public static bool TryParsePlainDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0m;
        if (text.IsEmpty || text.Length > 19 || !char.IsAsciiDigit(text[0])) return false;
        long mantissa = 0;
        var scale = -1; // digits after the point, once one is seen
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                mantissa = (mantissa * 10) + (c - '0');
                if (scale >= 0) scale++;
            }
            else if (c == '.' && scale < 0) scale = 0;
            else return false;
        }
        if (scale == 0) return false; // "5.": rare, left to the general parser
        var digits = text.Length - (scale < 0 ? 0 : 1);
        if (digits > 18) return false;
        value = new decimal((int)mantissa, (int)(mantissa >> 32), 0, false, (byte)Math.Max(scale, 0));
        return true;
    }

    /// <summary>
    /// <c>yyyy-MM-dd</c>, or <c>yyyy-MM-dd</c> then <c>T</c> or a space, <c>HH:mm</c>, optionally <c>:ss</c> and then
    /// optionally a fraction of one to seven digits, then nothing (UTC), <c>Z</c> or <c>±HH:mm</c>; in UTC. Anything
    /// else (another offset spelling, a value out of range) is declined.
    /// </summary>
    public static bool TryParseIsoTime(ReadOnlySpan<char> text, out DateTimeOffset time)
    {
        time = default;
        if (text.Length < 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        var ticks = new DateTime(year, month, day).Ticks;
        if (text.Length == 10)
        {
            time = new DateTimeOffset(ticks, TimeSpan.Zero);
            return true;
        }
        if (text.Length < 16 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':'
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || hour > 23 || minute > 59)
            return false;
        ticks += (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute);
        var rest = text[16..];
        if (rest.Length >= 3 && rest[0] == ':')
        {
            if (!TryDigits(rest.Slice(1, 2), out var second) || second > 59) return false;
            ticks += second * TimeSpan.TicksPerSecond;
            rest = rest[3..];
            if (rest.Length > 0 && rest[0] == '.')
            {
                var digits = 1;
                while (digits < rest.Length && char.IsAsciiDigit(rest[digits])) digits++;
                if (digits == 1 || digits > 8) return false;
                TryDigits(rest[1..digits], out var fraction);
                for (var i = digits; i < 8; i++) fraction *= 10; // seven digits are ticks
                ticks += fraction;
                rest = rest[digits..];
            }
        }
        long offsetTicks;
        if (rest.IsEmpty || rest is "Z") offsetTicks = 0;
        else if (rest.Length == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':'
            && TryDigits(rest.Slice(1, 2), out var offsetHours) && TryDigits(rest.Slice(4, 2), out var offsetMinutes)
            && offsetMinutes <= 59 && (offsetHours * 60) + offsetMinutes <= 14 * 60)
            offsetTicks = (rest[0] == '-' ? -1 : 1) * ((offsetHours * TimeSpan.TicksPerHour) + (offsetMinutes * TimeSpan.TicksPerMinute));
        else return false;
        var utc = ticks - offsetTicks;
        if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks) return false;
        time = new DateTimeOffset(utc, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = (value * 10) + (c - '0');
        }
        return true;
    }
}
