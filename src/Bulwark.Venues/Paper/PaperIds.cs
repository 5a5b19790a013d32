using System.Globalization;

namespace Bulwark.Venues.Paper;

/// <summary>The shapes of the ids the paper venue hands out.</summary>
internal static class PaperIds
{
    public const string OrderSequence = "order";
    public const string TradeSequence = "trade";

    public static string Order(long sequence) => "P" + sequence.ToString("D6", CultureInfo.InvariantCulture);

    public static string Trade(long sequence) => "T" + sequence.ToString("D9", CultureInfo.InvariantCulture);

    public static string Duplicate(long sequence) => "D" + sequence.ToString("D6", CultureInfo.InvariantCulture);
}
