using System.Globalization;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel;

/// <summary>
/// The order-level risk checks with the one that needs the whole book: the gross exposure limit
/// (<see cref="RiskLimits.MaxGrossExposurePercent"/>), which weighs an order's target against every other symbol's
/// position and working signal orders at their marks, and the account's value.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>
    /// <see cref="RiskEngine.CheckOrder"/>, then for an order that does not reduce the limits on the whole book: the
    /// cooldown after a loss, the count of open positions, the group's exposure and the gross exposure.
    /// </summary>
    private (DenyReason Reason, string Detail)? CheckOrderRisk(Instrument instrument, decimal target, decimal quantity, decimal price,
        bool reducing, DateTimeOffset now)
    {
        if (_risk.CheckOrder(_state, instrument, target, quantity, price, reducing, now) is { } denial) return denial;
        if (reducing) return null;
        if (_risk.Limits.CooldownAfterLoss is { } cooldown && CooldownDenial(instrument.Symbol, cooldown, now) is { } cooling) return cooling;
        if (_risk.Limits.MaxOpenPositions > 0 && OpenPositionsDenial(instrument.Symbol) is { } full) return full;
        if (instrument.Group is { } group && _risk.Limits.GroupExposureLimit(group) is { } groupLimit
            && ExposureShareDenial(instrument, group, target, price, groupLimit) is { } concentrated) return concentrated;
        return _risk.Limits.MaxGrossExposurePercent is { } limit ? ExposureShareDenial(instrument, null, target, price, limit) : null;
    }

    /// <summary>
    /// Why an order taking <paramref name="instrument"/> to <paramref name="target"/> would hold the book (or, with
    /// <paramref name="group"/>, that group) beyond <paramref name="limit"/> percent of the account: the order's notional
    /// with the other positions and working signal orders at their marks, long and short alike. The gross limit
    /// (<see cref="RiskLimits.MaxGrossExposurePercent"/>) and the concentration limit
    /// (<see cref="RiskLimits.MaxGroupExposurePercent"/>) are this sum over different instruments.
    /// </summary>
    private (DenyReason Reason, string Detail)? ExposureShareDenial(Instrument instrument, string? group, decimal target, decimal price, decimal limit)
    {
        var exposure = Math.Abs(instrument.Notional(target, price));
        foreach (var other in _options.Instruments.Values)
        {
            if (other.Symbol == instrument.Symbol || (group is not null && other.Group != group)) continue;
            var held = BookQuantity(other.Symbol);
            if (held != 0m) exposure += Math.Abs(other.Notional(held, MarkOf(other.Symbol)));
        }
        var equity = Equity();
        if (equity > 0m && exposure * 100m <= limit * equity) return null;
        var (reason, what, key) = group is null
            ? (DenyReason.MaxGrossExposureExceeded, "gross exposure", "")
            : (DenyReason.MaxGroupExposureExceeded, $"group {group}'s exposure", _risk.Limits.MaxGroupExposurePercents.Of(group) is not null
                ? $" (risk.maxGroupExposurePercents.{group})" : " (risk.maxGroupExposurePercent)");
        return (reason, equity > 0m
            ? string.Create(CultureInfo.InvariantCulture, $"{what} {exposure:0.00} would be {exposure * 100m / equity:0.0}% of the account's {equity:0.00}, over {limit}%{key}")
            : string.Create(CultureInfo.InvariantCulture, $"{what} {exposure:0.00} against an account worth {equity:0.00}: no room under {limit}%"));
    }

    /// <summary>Why an order may not open or add to a position in <paramref name="symbol"/> yet: its last round trip lost less than <paramref name="cooldown"/> ago.</summary>
    private (DenyReason Reason, string Detail)? CooldownDenial(string symbol, TimeSpan cooldown, DateTimeOffset now)
    {
        if (_state.Positions.GetValueOrDefault(symbol) is not { LossClosedAt: { } lost } position || now - lost >= cooldown) return null;
        return (DenyReason.CooldownAfterLoss, string.Create(CultureInfo.InvariantCulture,
            $"{symbol}'s last round trip closed at a loss of {-position.LossClosedPnl:0.00} at {lost.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z; no entry there before {(lost + cooldown).UtcDateTime:yyyy-MM-dd HH:mm:ss}Z"));
    }

    /// <summary>
    /// Why an order in <paramref name="symbol"/> may not open a position there: the book already holds the most it may
    /// (its working entries counted); null when the symbol is held or working already, or there is room.
    /// </summary>
    private (DenyReason Reason, string Detail)? OpenPositionsDenial(string symbol)
    {
        // Adding to, or flipping, a position held opens no new one. The order asked about is already initialized, so the
        // symbol's own working orders are not counted here: any other signal order in it would have been denied as pending.
        if (_state.PositionQuantity(symbol) != 0m) return null;
        var limit = _risk.Limits.MaxOpenPositions;
        List<string> held = [];
        foreach (var other in _options.Instruments.Keys)
            if (other != symbol && BookQuantity(other) != 0m) held.Add(other);
        if (held.Count < limit) return null;
        held.Sort(StringComparer.Ordinal);
        return (DenyReason.MaxOpenPositionsReached, string.Create(CultureInfo.InvariantCulture,
            $"{held.Count} positions open or being opened ({string.Join(", ", held)}), the most {limit} allowed"));
    }

    /// <summary>
    /// The price the book-wide limits value a symbol at: its last bar's close, or before any bar since a restart the
    /// position's own fallback (its settlement price, or its average entry); 0 for a symbol neither priced nor held.
    /// </summary>
    private decimal MarkOf(string symbol) =>
        _marks.Find(symbol)?.Price ?? _state.Positions.GetValueOrDefault(symbol)?.FallbackMark ?? 0m;

    /// <summary>
    /// A symbol's position as it will be once its working signal orders fill: what the book-wide limits weigh, so two
    /// entries signalled on one bar do not each take the whole room.
    /// </summary>
    private decimal BookQuantity(string symbol)
    {
        var quantity = _state.PositionQuantity(symbol);
        if (!_state.HasOpenSignalOrder(symbol)) return quantity;
        _state.OpenSignalOrders(symbol, _workingOrders);
        foreach (var o in _workingOrders) quantity += o.SignedLeaves;
        return quantity;
    }
}
