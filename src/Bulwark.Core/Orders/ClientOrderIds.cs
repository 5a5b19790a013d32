using System.Globalization;

namespace Bulwark.Core.Orders;

/// <summary>ClientOrderIds are "{bot}-{yyyyMMdd}-{sequence}"; the sequence is the bot's own counter.</summary>
public static class ClientOrderIds
{
    public static bool TrySequence(string clientOrderId, out long sequence)
    {
        var dash = clientOrderId.LastIndexOf('-');
        sequence = 0;
        return dash >= 0 && long.TryParse(clientOrderId.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }
}
