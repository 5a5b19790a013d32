using System.Globalization;

namespace Bulwark.Core.Feedback;

/// <summary>How a source's denials by reason read wherever they are shown (a backtest's table and report, `status`).</summary>
public static class DenialCounts
{
    /// <summary>"2 StopNotReady, 1 MarketClosed", in the order given; empty when there are none.</summary>
    public static string Text(IEnumerable<KeyValuePair<string, long>> byReason) =>
        string.Join(", ", byReason.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Value} {d.Key}")));
}
