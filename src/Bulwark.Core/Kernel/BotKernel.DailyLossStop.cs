using System.Globalization;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel;

/// <summary>
/// The daily loss stop (<see cref="RiskLimits.MaxDailyLossPercent"/>): at every bar the account's value is held against
/// its value when the trading day began (journaled with the day's roll), and a fall of the limit stops new exposure for
/// the rest of the day: the trip is journaled (so a restart within the day keeps it), the working orders that would add are
/// canceled, and the risk check denies entries until the day rolls. It leaves the trading state alone, so the operator's
/// kill switch and the drawdown stop keep their own meaning, and it lifts itself with the next day.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>The code of the alert the stop raises when it trips.</summary>
    public const string DailyLossStopCode = "DailyLossStop";

    /// <summary>After a bar's marks: trips the stop when the value is the limit or more below the day's opening value, once a day.</summary>
    private void CheckDailyLoss(decimal equity, DateTimeOffset now)
    {
        var opening = _state.DayOpeningValue;
        if (opening <= 0m || _state.DailyLossStopped) return;
        var lost = (opening - equity) * 100m / opening;
        var limit = _risk.Limits.MaxDailyLossPercent!.Value;
        if (lost < limit) return;
        var inv = CultureInfo.InvariantCulture;
        var day = _state.TradingDate;
        using var cause = KeepCause();
        _cause = Emit(new AlertRaised(AlertSeverity.Critical, DailyLossStopCode, string.Create(inv,
            $"the account's value {equity:0.00} is {lost:0.00}% below its value {opening:0.00} when {day:yyyy-MM-dd} began, at or beyond the daily loss stop of {limit}%: only orders that reduce a position are sent for the rest of the day")) { Time = now });
        Emit(new DailyLossStopTripped(day, opening, equity, string.Create(inv,
            $"daily loss stop: the account lost {lost:0.00}% of its value {opening:0.00} on {day:yyyy-MM-dd}, limit {limit}%; no new exposure before the next trading day")) { Time = now });
        CancelOrdersThatAdd("daily loss stop: no new exposure today", now);
    }
}
