using System.Globalization;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel;

/// <summary>
/// Every order the kernel sends is journaled as submitted here, which counts it for the day
/// (<see cref="KernelState.DailyOrdersSent"/>), and the order that reaches <see cref="RiskLimits.MaxOrdersPerDay"/> raises
/// the critical alert; the risk check then denies new exposure until the day rolls. The throttle
/// (<see cref="RiskLimits.MaxOrdersPerMinute"/>) counts the same orders over the last minute and warns when it is reached.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>The code of the alert raised when the day's orders reach the limit.</summary>
    public const string MaxOrdersPerDayCode = "MaxOrdersPerDay";

    /// <summary>The code of the warning raised when the minute's orders reach the throttle.</summary>
    public const string MaxOrdersPerMinuteCode = "MaxOrdersPerMinute";

    private void EmitSubmitted(string clientOrderId, DateTimeOffset now)
    {
        Emit(new OrderSubmitted(clientOrderId, _router.VenueName) { Time = now, CorrelationId = clientOrderId });
        var perMinute = _risk.Limits.MaxOrdersPerMinute;
        if (perMinute > 0 && _state.OrdersSentInMinuteTo(now) == perMinute)
            Alert(AlertSeverity.Warning, MaxOrdersPerMinuteCode, string.Create(CultureInfo.InvariantCulture,
                $"{perMinute} orders sent in the minute to {now:yyyy-MM-dd HH:mm:ss} UTC, the most risk.maxOrdersPerMinute allows: only orders that reduce a position go out before {_state.ThrottleEndsAt(perMinute):HH:mm:ss} UTC"), now, clientOrderId);
        var limit = _risk.Limits.MaxOrdersPerDay;
        if (limit == 0 || _state.DailyOrdersSent != limit) return;
        Alert(AlertSeverity.Critical, MaxOrdersPerDayCode, string.Create(CultureInfo.InvariantCulture,
            $"{limit} orders sent on {_state.TradingDate:yyyy-MM-dd}, the most risk.maxOrdersPerDay allows: only orders that reduce a position go out before the next trading day"), now, clientOrderId);
    }
}
