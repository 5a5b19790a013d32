using System.Globalization;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel;

/// <summary>
/// The drawdown stop (<see cref="RiskLimits.MaxDrawdownPercent"/>): at every bar the account's value is held against its
/// peak, and a fall of the limit switches the bot to reduce-only (journaled, so a restart keeps it). Resuming beyond the
/// limit is the operator's word that the loss so far is accepted: the peak is reset to the value at the first bar after
/// it, so the stop does not trip again at once. A resume within the limit (after the kill switch for another reason)
/// leaves the peak where it was.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>The code of the alert the stop raises when it trips.</summary>
    public const string DrawdownStopCode = "DrawdownStop";

    /// <summary>
    /// After a bar's marks: the peak follows the value up, or is settled at the first bar after a resume; then the stop
    /// trips when the value is the limit or more below the peak, while trading is active.
    /// </summary>
    private void CheckDrawdown(decimal equity, DateTimeOffset now)
    {
        var limit = _risk.Limits.MaxDrawdownPercent!.Value;
        if (_state.PeakResetDue && _state.TradingState == TradingState.Active)
        {
            // Only a resume at or beyond the limit moves the peak down: after a kill switch for another reason, a resume
            // within it must not loosen the stop the trader set.
            var beyond = _state.PeakEquity > 0m && DrawdownPercent(equity) >= limit;
            Emit(new PeakEquityReset(beyond ? equity : Math.Max(equity, _state.PeakEquity), beyond
                ? string.Create(CultureInfo.InvariantCulture,
                    $"trading resumed {DrawdownPercent(equity):0.00}% below the peak {_state.PeakEquity:0.00}: the drawdown stop measures from {equity:0.00}, the account's value at the first bar since")
                : string.Create(CultureInfo.InvariantCulture,
                    $"trading resumed within the drawdown stop's {limit}%: it measures from the peak {Math.Max(equity, _state.PeakEquity):0.00} as before")) { Time = now });
            return;
        }
        if (equity > _state.PeakEquity)
        {
            Emit(new PeakEquityRaised(equity) { Time = now });
            return;
        }
        if (_state.TradingState != TradingState.Active || _state.PeakEquity <= 0m || DrawdownPercent(equity) < limit) return;
        using var cause = KeepCause();
        _cause = Emit(new AlertRaised(AlertSeverity.Critical, DrawdownStopCode, string.Create(CultureInfo.InvariantCulture,
            $"the account's value {equity:0.00} is {DrawdownPercent(equity):0.00}% below its peak {_state.PeakEquity:0.00}, at or beyond the drawdown stop of {limit}%: only orders that reduce a position are sent until the operator resumes")) { Time = now });
        SwitchToReducingAndCancelOrdersThatAdd(string.Create(CultureInfo.InvariantCulture,
            $"drawdown stop: {DrawdownPercent(equity):0.00}% below the peak {_state.PeakEquity:0.00}, limit {limit}%; resume after review"), now);
    }

    private decimal DrawdownPercent(decimal equity) => (_state.PeakEquity - equity) * 100m / _state.PeakEquity;
}
