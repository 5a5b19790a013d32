namespace Bulwark.Core.Orders;

/// <summary>
/// A ClientOrderId held without a string of its own: the usual shape (a prefix shared by a day's orders, then digits)
/// as the prefix, the digit width and the number; any other id whole in <see cref="Prefix"/> with
/// <see cref="Digits"/> -1. Made by <see cref="CompactOrderIds"/>, which keeps each prefix once. Exact: it turns back
/// into the same string, and equal values are equal ids.
/// </summary>
public readonly record struct CompactOrderId(string Prefix, int Digits, long Value)
{
    /// <summary>True when <paramref name="clientOrderId"/> is the id this value holds.</summary>
    public bool Matches(string clientOrderId)
    {
        if (Digits < 0) return string.Equals(Prefix, clientOrderId, StringComparison.Ordinal);
        return ClientOrderIds.TrySplit(clientOrderId, out var length, out var digits, out var value)
            && digits == Digits && value == Value && clientOrderId.AsSpan(0, length).SequenceEqual(Prefix);
    }

    /// <summary>The ClientOrderId itself (built anew for the usual shape).</summary>
    public override string ToString() => Digits < 0 ? Prefix : ClientOrderIds.Join(Prefix, Digits, Value);
}
