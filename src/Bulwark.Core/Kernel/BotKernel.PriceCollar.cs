using System.Globalization;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel;

/// <summary>
/// The price collar (<see cref="RiskLimits.MaxPriceDeviationPercent"/>): a strategy's limit order priced further from
/// the symbol's last price than the limit is an erroneous price (a bug's, a unit's, a fat finger's) and is refused
/// before it goes out, whichever side of the market it is on and whether it opens or closes. A marketable one would trade
/// at once far through the market; a resting one far away is most likely a mistake too.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>Why <paramref name="limitPrice"/> is outside the collar; null when it is inside, when there is no collar, or when no price is known yet.</summary>
    private (DenyReason Reason, string Detail)? PriceCollarDenial(string symbol, decimal limitPrice)
    {
        if (_risk.Limits.MaxPriceDeviationPercent is not { } limit) return null;
        var last = _marks.Find(symbol)?.Price ?? 0m;
        if (last <= 0m || Math.Abs(limitPrice - last) * 100m <= limit * last) return null;
        return (DenyReason.PriceOutsideCollar, string.Create(CultureInfo.InvariantCulture,
            $"limit {limitPrice} is {(limitPrice - last) * 100m / last:+0.00##;-0.00##}% from {symbol}'s last price {last}, more than risk.maxPriceDeviationPercent {limit}%"));
    }
}
