using System.Globalization;

namespace Bulwark.Core.Orders;

/// <summary>ClientOrderIds are "{bot}-{yyyyMMdd}-{sequence}"; the sequence is the bot's own counter.</summary>
public static class ClientOrderIds
{
    /// <summary>prefix + the sequence zero-padded to at least 6 digits, built in one allocation.</summary>
    public static string Format(string prefix, long sequence)
    {
        Span<char> digits = stackalloc char[20];
        sequence.TryFormat(digits, out var n, "D6", CultureInfo.InvariantCulture);
        return string.Concat(prefix.AsSpan(), digits[..n]);
    }

    public static bool TrySequence(string clientOrderId, out long sequence)
    {
        var dash = clientOrderId.LastIndexOf('-');
        sequence = 0;
        return dash >= 0 && long.TryParse(clientOrderId.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }
}
