using Bulwark.Backtest.Reports;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;

namespace Bulwark.Cli;

/// <summary>
/// A circuit breaker tripped by a losing streak stays open for risk.breakerCooldown. When that is no longer than the
/// time between bars (the 30-minute default on daily bars), the breaker has closed again by the next bar, so it only
/// ever blocks orders of the bar that tripped it: on the record the bot "has a breaker", in fact it never pauses. Said
/// on standard error before a `backtest --bot` run, and by `run` for a bot whose feed's interval it does not outlast.
/// (A daily-loss trip needs no such warning: the daily loss limit itself refuses new exposure until the day ends.)
/// </summary>
internal static class BreakerCooldown
{
    /// <summary>
    /// The warning for these limits on these bars, or null when the streak breaker is off or outlasts a bar. A bar's
    /// length is the <see cref="Bar.Interval"/> its reader gave it (1d for dates alone); with several files, the longest.
    /// </summary>
    public static string? Problem(RiskLimits? limits, IReadOnlyList<Bar> bars) =>
        bars.Count > 0 ? Problem(limits, bars.Max(b => b.Interval)) : null;

    /// <summary>
    /// The warning for these limits on bars this far apart (a live feed's interval), or null when the streak breaker is off
    /// or outlasts a bar (it is open while the time is before the trip's time plus the cooldown).
    /// </summary>
    public static string? Problem(RiskLimits? limits, TimeSpan spacing)
    {
        if (limits is not { MaxConsecutiveLosses: > 0 } || limits.BreakerCooldown > spacing) return null;
        return $"risk.breakerCooldown {TradeStatistics.Describe(limits.BreakerCooldown)} is no longer than the time between bars ({TradeStatistics.Describe(spacing)}): " +
               $"a breaker tripped by risk.maxConsecutiveLosses {limits.MaxConsecutiveLosses} has closed again by the next bar, so it blocks nothing after the bar that tripped it; " +
               "give breakerCooldown more than one bar (e.g. 2d to pause daily bars for a day)";
    }

    public static void Warn(RiskLimits? limits, IReadOnlyList<Bar> bars)
    {
        if (Problem(limits, bars) is { } problem) Console.Error.WriteLine($"bulwark: {problem}");
    }
}
