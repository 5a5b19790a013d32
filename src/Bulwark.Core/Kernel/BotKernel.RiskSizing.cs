using System.Globalization;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel;

/// <summary>
/// Sizing by risk (<see cref="SizingMode.RiskPercent"/>): an entry is sized by how far its protective stop would be from
/// the price it is sized at, the stop the source's protection sets for an entry there (the tightest of its fixed, ATR and
/// trailing levels), so that being stopped out loses the set part of the account's value, gaps and slippage aside.
/// Sizing by volatility (<see cref="SizingMode.Volatility"/>): by the symbol's average true range, the same whatever the
/// source's stop.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>
    /// How far from <paramref name="price"/> the source's stop would be for an entry there; null, with why, when it
    /// keeps no stop or the stop's range is not known yet.
    /// </summary>
    private decimal? StopDistance(string source, string symbol, bool isLong, decimal price, Instrument instrument, out DenyReason reason, out string detail)
    {
        const string SizedByRisk = "entries are sized by the risk to their stop, and ";
        (reason, detail) = (DenyReason.NoStopToSize, "");
        if (!_protection.TryGetValue(source, out var protection) || !protection.HasStop)
        {
            detail = SizedByRisk + $"source '{source}' keeps no stop (give it stopLossPercent, stopLossAtr or a trail)";
            return null;
        }
        if (AtrStopNotReady(source, symbol) is { } notReady)
        {
            (reason, detail) = (DenyReason.StopNotReady, SizedByRisk + notReady);
            return null;
        }
        var stop = protection.EntryStop(isLong, price, instrument, protection.UsesAtr ? AtrValue(symbol, protection.AtrPeriod) : null);
        if (stop is { } level && level != price) return Math.Abs(price - level);
        detail = SizedByRisk + string.Create(CultureInfo.InvariantCulture, $"at {price} the stop would be at the price itself");
        return null;
    }

    /// <summary>
    /// For sizing by volatility (<see cref="SizingMode.Volatility"/>): the symbol's average true range; null, with why,
    /// before it is known or while it is 0 (bars that never moved give no measure of risk).
    /// </summary>
    private decimal? SizingRange(string symbol, out string detail)
    {
        var period = _sizer.Options.VolatilityPeriod;
        detail = "";
        if (AtrValue(symbol, period) is not { } atr)
        {
            detail = string.Create(CultureInfo.InvariantCulture, $"entries are sized by the ATR({period}) of {symbol}, which needs {period} bars of it seen");
            return null;
        }
        if (atr > 0m) return atr;
        detail = string.Create(CultureInfo.InvariantCulture, $"entries are sized by the ATR({period}) of {symbol}, and it is 0: its last {period} bars did not move");
        return null;
    }
}
