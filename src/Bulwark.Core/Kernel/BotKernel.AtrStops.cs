using System.Globalization;
using Bulwark.Core.Indicators;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Positions;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel;

/// <summary>
/// Protective stops measured in average true ranges (<see cref="ProtectiveStop.StopLossAtr"/>): the kernel keeps each
/// symbol's ATR from the bars it sees (warm-up bars too), fixes the stop's level when the position takes its size, and
/// refuses to open or add to a position whose stop it could not set yet.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>The ATR periods stops (and sizing by volatility) are measured in, ascending; empty when none asks, and bars pay nothing.</summary>
    private readonly int[] _atrPeriods;

    /// <summary>Per symbol, one ATR for each of <see cref="_atrPeriods"/>.</summary>
    private readonly SymbolMap<AverageTrueRange[]> _atrs = new();

    /// <summary>
    /// Per symbol, the stop level in ATRs fixed when the position took its side and average price (opened, added to):
    /// kept while they stay (a partial exit keeps the average), so the level does not drift with the range while the
    /// position is held.
    /// </summary>
    private readonly Dictionary<string, AtrStop> _atrStops = new(StringComparer.Ordinal);

    /// <summary>Symbols whose position was alerted as having no stop because its range was not known yet.</summary>
    private readonly HashSet<string> _stopNotReadyAlerted = new(StringComparer.Ordinal);

    private sealed record AtrStop(OrderSide Side, decimal AveragePrice, decimal Level);

    /// <summary>The periods the sources' stops are measured in, and the sizing's when it sizes by volatility.</summary>
    private static int[] AtrPeriodsOf(Dictionary<string, ProtectiveStop> protection, SizingOptions sizing) =>
        [.. protection.Values.Where(p => p.UsesAtr).Select(p => p.AtrPeriod)
            .Concat(sizing.Mode == SizingMode.Volatility ? [sizing.VolatilityPeriod] : [])
            .Distinct().Order()];

    /// <summary>Feeds a bar to its symbol's ATRs; a bar whose high is under its low (the data checks report it) is left out.</summary>
    private void NoteBarForAtr(in Bar bar)
    {
        if (bar.High < bar.Low) return;
        var atrs = _atrs.GetOrAdd(bar.Symbol, _atrPeriods,
            static (_, periods) => Array.ConvertAll(periods, static period => new AverageTrueRange(period)));
        foreach (var atr in atrs) atr.Update(bar.High, bar.Low, bar.Close);
    }

    /// <summary>The ATR of <paramref name="period"/> bars of <paramref name="symbol"/>, or null before it is known.</summary>
    private decimal? AtrValue(string symbol, int period)
    {
        var index = Array.IndexOf(_atrPeriods, period);
        return index >= 0 && _atrs.Find(symbol) is { } atrs && atrs[index].IsReady ? atrs[index].Value : null;
    }

    /// <summary>
    /// Why <paramref name="source"/> may not open or add to a position in <paramref name="symbol"/> yet: its stop is in
    /// ATRs and the range is not known (fewer bars seen than the period); null when it may.
    /// </summary>
    private string? AtrStopNotReady(string source, string symbol)
    {
        if (!_protection.TryGetValue(source, out var protection) || !protection.UsesAtr) return null;
        if (AtrValue(symbol, protection.AtrPeriod) is not null) return null;
        var what = protection.StopLossAtr is null && protection.TrailingAtr is null ? "take-profit" : "protective stop";
        return string.Create(CultureInfo.InvariantCulture,
            $"its {what} of {AtrText(protection)} cannot be set before {protection.AtrPeriod} bars of {symbol} are seen");
    }

    /// <summary>
    /// The stop level in ATRs for <paramref name="position"/>: the one fixed when it took its side and average; after a
    /// restart (nothing fixed in memory), the level of the stop working on that side (<paramref name="live"/>), which was
    /// set from the range then; otherwise measured now from the current range. Null when the range is not known yet.
    /// </summary>
    private decimal? AtrStopLevel(string symbol, ProtectiveStop protection, Position position, OrderSide side, List<Order> live,
        Instrument instrument)
    {
        if (_atrStops.TryGetValue(symbol, out var kept) && kept.Side == side && kept.AveragePrice == position.AveragePrice)
            return kept.Level;
        decimal? held = null;
        if (kept is null)
            foreach (var o in live)
                if (o.Tag == ProtectiveStopTag && o.Side == side) held = o.StopPrice;
        decimal? level = held ?? (AtrValue(symbol, protection.AtrPeriod) is { } atr
            ? protection.AtrLevelFor(side == OrderSide.Sell, position.AveragePrice, atr, instrument)
            : null);
        if (level is { } l) _atrStops[symbol] = new AtrStop(side, position.AveragePrice, l);
        else _atrStops.Remove(symbol);
        return level;
    }

    /// <summary>Alerts once per position that it has no stop because its range is not known yet (the stop goes out once it is).</summary>
    private void AlertStopNotReady(string symbol, ProtectiveStop protection, decimal position, DateTimeOffset now)
    {
        if (!_stopNotReadyAlerted.Add(symbol)) return;
        Alert(AlertSeverity.Critical, "ProtectiveStopNotReady", string.Create(CultureInfo.InvariantCulture,
            $"the {position} {symbol} position has no protective stop: its level of {AtrText(protection)} needs {protection.AtrPeriod} bars of {symbol}, and it goes out once they are seen"),
            now);
    }

    /// <summary>"2 ATR(14)" for a stop in ATRs, "3 ATR(14) behind the best close" for a trail, both joined by "and".</summary>
    private static string AtrText(ProtectiveStop protection)
    {
        var period = protection.AtrPeriod.ToString(CultureInfo.InvariantCulture);
        var fixedText = protection.StopLossAtr is { } k ? string.Create(CultureInfo.InvariantCulture, $"{k} ATR({period})") : null;
        var behind = protection.TrailFrom == TrailReference.Extreme ? "the best high or low" : "the best close";
        var trailText = protection.TrailingAtr is { } t ? string.Create(CultureInfo.InvariantCulture, $"{t} ATR({period}) behind {behind}") : null;
        var stops = fixedText is not null && trailText is not null ? $"{fixedText} and {trailText}" : fixedText ?? trailText;
        if (protection.TakeProfitAtr is not { } target) return stops ?? "";
        var targetText = string.Create(CultureInfo.InvariantCulture, $"{target} ATR({period}) beyond the entry");
        return stops is null ? targetText : $"{stops} and a take-profit of {targetText}";
    }
}
