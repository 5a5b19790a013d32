using System.Globalization;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel;

/// <summary>
/// Every order the kernel sends is journaled as submitted here, which counts it for the day
/// (<see cref="KernelState.DailyOrdersSent"/>), and the order that reaches <see cref="RiskLimits.MaxOrdersPerDay"/> raises
/// the critical alert; the risk check then denies new exposure until the day rolls.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>The code of the alert raised when the day's orders reach the limit.</summary>
    public const string MaxOrdersPerDayCode = "MaxOrdersPerDay";

    private void EmitSubmitted(string clientOrderId, DateTimeOffset now)
    {
        Emit(new OrderSubmitted(clientOrderId, _router.VenueName) { Time = now, CorrelationId = clientOrderId });
        var limit = _risk.Limits.MaxOrdersPerDay;
        if (limit == 0 || _state.DailyOrdersSent != limit) return;
        Alert(AlertSeverity.Critical, MaxOrdersPerDayCode, string.Create(CultureInfo.InvariantCulture,
            $"{limit} orders sent on {_state.TradingDate:yyyy-MM-dd}, the most risk.maxOrdersPerDay allows: only orders that reduce a position go out before the next trading day"), now, clientOrderId);
    }
}
