using System.Globalization;

namespace Bulwark.Core.Orders;

/// <summary>ClientOrderIds are "{bot}-{yyyyMMdd}-{sequence}"; the sequence is the bot's own counter.</summary>
public static class ClientOrderIds
{
    private static readonly string[] WidthFormats = [.. Enumerable.Range(0, 19).Select(d => "D" + d.ToString(CultureInfo.InvariantCulture))];

    /// <summary>prefix + the sequence zero-padded to at least 6 digits, built in one allocation.</summary>
    public static string Format(string prefix, long sequence) => Join(prefix, 6, sequence);

    /// <summary>
    /// Splits an id into the part before its trailing digits and those digits as a number and a width (leading zeros
    /// count), so "{prefix}{digits}" ids can be kept as a shared prefix and a number: <see cref="Join"/> gives the id
    /// back exactly. False when the id does not end in 1 to 18 ASCII digits.
    /// </summary>
    public static bool TrySplit(ReadOnlySpan<char> id, out int prefixLength, out int digits, out long value)
    {
        var start = id.Length;
        while (start > 0 && char.IsAsciiDigit(id[start - 1])) start--;
        prefixLength = start;
        digits = id.Length - start;
        value = 0;
        if (digits is 0 or > 18) return false;
        foreach (var c in id[start..]) value = (value * 10) + (c - '0');
        return true;
    }

    /// <summary>The id <see cref="TrySplit"/> split: <paramref name="prefix"/> then <paramref name="value"/> zero-padded to <paramref name="digits"/>.</summary>
    public static string Join(string prefix, int digits, long value)
    {
        Span<char> number = stackalloc char[20];
        value.TryFormat(number, out var n, WidthFormats[digits], CultureInfo.InvariantCulture);
        return string.Concat(prefix.AsSpan(), number[..n]);
    }

    public static bool TrySequence(string clientOrderId, out long sequence)
    {
        var dash = clientOrderId.LastIndexOf('-');
        sequence = 0;
        return dash >= 0 && long.TryParse(clientOrderId.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }
}
