using System.Globalization;
using Bulwark.Core.Kernel;
using Bulwark.Core.Model;

namespace Bulwark.Core.Risk;

/// <summary>
/// Order-level checks (the minimal risk layer). Orders that only reduce a position are always allowed past
/// the breaker and the size limits: getting out must never be blocked by the rules meant to keep you from getting in.
/// </summary>
public sealed class RiskEngine(RiskLimits limits)
{
    public RiskLimits Limits { get; } = limits;

    public (DenyReason Reason, string Detail)? CheckOrder(KernelState state, Instrument instrument, decimal target,
        decimal orderQuantity, decimal price, bool reducing, DateTimeOffset now)
    {
        if (reducing) return null;
        if (CheckOpening(state, now) is { } blocked) return blocked;
        if (instrument.MaxPosition is { } most && Math.Abs(target) > most)
            return (DenyReason.MaxPositionQuantityExceeded, string.Create(CultureInfo.InvariantCulture,
                $"position {target} of {instrument.Symbol} over its limit of {most} (instruments[].maxPosition)"));
        var positionNotional = instrument.Notional(target, price);
        if (positionNotional > Limits.MaxPositionNotional)
            return (DenyReason.MaxPositionExceeded, $"position notional {positionNotional} over {Limits.MaxPositionNotional}");
        var orderNotional = instrument.Notional(orderQuantity, price);
        if (orderNotional > Limits.MaxOrderNotional)
            return (DenyReason.MaxOrderNotionalExceeded, $"order notional {orderNotional} over {Limits.MaxOrderNotional}");
        return null;
    }

    /// <summary>The limits that refuse any order adding exposure, whatever its size: the open breaker, the daily loss stop, the day's and the minute's orders, and the daily loss.</summary>
    public (DenyReason Reason, string Detail)? CheckOpening(KernelState state, DateTimeOffset now)
    {
        if (state.BreakerOpenUntil is { } until && until > now)
            return (DenyReason.CircuitBreakerOpen, $"circuit breaker open until {until:O}: {state.BreakerReason}");
        if (Limits.MaxDailyLossPercent is not null && state.DailyLossStopped)
            return (DenyReason.DailyLossStop, state.DailyLossStopReason);
        if (Limits.MaxOrdersPerDay > 0 && state.DailyOrdersSent >= Limits.MaxOrdersPerDay)
            return (DenyReason.MaxOrdersPerDay, string.Create(CultureInfo.InvariantCulture,
                $"{state.DailyOrdersSent} orders sent on {state.TradingDate:yyyy-MM-dd}, the most risk.maxOrdersPerDay allows: no new exposure before the next trading day"));
        if (Limits.MaxOrdersPerMinute > 0 && state.OrdersSentInMinuteTo(now) is var recent && recent >= Limits.MaxOrdersPerMinute)
            return (DenyReason.MaxOrdersPerMinute, string.Create(CultureInfo.InvariantCulture,
                $"{recent} orders sent in the minute to {now:yyyy-MM-dd HH:mm:ss} UTC, the most risk.maxOrdersPerMinute allows: no new exposure before {state.ThrottleEndsAt(Limits.MaxOrdersPerMinute):HH:mm:ss} UTC"));
        if (Limits.MaxDailyLoss > 0m && -state.DailyRealizedPnl >= Limits.MaxDailyLoss)
            return (DenyReason.DailyLossLimit, $"daily loss {-state.DailyRealizedPnl} reached the limit {Limits.MaxDailyLoss}");
        return null;
    }

    /// <summary>The reason to trip the breaker after a fill, if any.</summary>
    public string? TripReason(KernelState state)
    {
        if (Limits.MaxDailyLoss > 0m && -state.DailyRealizedPnl >= Limits.MaxDailyLoss)
            return $"daily loss {-state.DailyRealizedPnl} reached {Limits.MaxDailyLoss}";
        if (Limits.MaxConsecutiveLosses > 0 && state.ConsecutiveLosses >= Limits.MaxConsecutiveLosses)
            return $"{state.ConsecutiveLosses} losing round trips in a row";
        return null;
    }
}
