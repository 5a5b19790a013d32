using System.Globalization;

namespace Bulwark.Venues.Paper;

/// <summary>The shapes of the ids the paper venue hands out: a letter and the zero-padded sequence, in one allocation.</summary>
internal static class PaperIds
{
    public const string OrderSequence = "order";
    public const string TradeSequence = "trade";
    public const string CashActivitySequence = "cash_activity";

    public static string Order(long sequence) => Format('P', sequence, "D6");

    public static string Trade(long sequence) => Format('T', sequence, "D9");

    public static string Duplicate(long sequence) => Format('D', sequence, "D6");

    public static string CashActivity(long sequence) => Format('C', sequence, "D6");

    private static string Format(char letter, long sequence, string digits)
    {
        Span<char> buffer = stackalloc char[21];
        buffer[0] = letter;
        sequence.TryFormat(buffer[1..], out var written, digits, CultureInfo.InvariantCulture);
        return new string(buffer[..(written + 1)]);
    }
}
