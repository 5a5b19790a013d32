using System.Globalization;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Risk;

namespace Bulwark.Backtest;

/// <summary>
/// Collects a run's <see cref="BacktestNotice"/>s from its journaled events: every one is counted by code, the first
/// <see cref="Kept"/> are kept (a grid that reports a busy level at every bar of a long run must not fill the memory).
/// A strategy's failure is not one: the result lists those on their own, and a run with one fails.
/// </summary>
public sealed class BacktestNotices
{
    /// <summary>How many notices a run keeps; the rest are only counted.</summary>
    public const int Kept = 1000;

    private readonly List<BacktestNotice> _kept = [];
    private readonly SortedDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public IReadOnlyList<BacktestNotice> Notices => _kept;

    /// <summary>Every notice of the run by code, kept or not.</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    /// <summary>Takes the event if it is a notice; false for any other event.</summary>
    public bool TryRecord(BotEvent e)
    {
        var notice = e switch
        {
            AlertRaised { Code: not "StrategyFailed" } a => new BacktestNotice(a.Time, a.Severity, a.Code, a.Message),
            TradingStateChanged s => new BacktestNotice(s.Time, s.State == TradingState.Active ? AlertSeverity.Info : AlertSeverity.Warning,
                "TradingStateChanged", $"{s.State}: {s.Reason}"),
            CircuitBreakerTripped t => new BacktestNotice(t.Time, AlertSeverity.Warning, "CircuitBreakerTripped",
                string.Create(CultureInfo.InvariantCulture, $"{t.Reason}; new orders denied until {t.Until:yyyy-MM-dd HH:mm:ss}Z")),
            CircuitBreakerReset r => new BacktestNotice(r.Time, AlertSeverity.Info, "CircuitBreakerReset", r.Reason),
            GridStopped g => new BacktestNotice(g.Time, AlertSeverity.Info, "GridStopped", $"{g.Source}: {g.Symbol}: {g.Reason}"),
            _ => null,
        };
        if (notice is null) return false;
        _counts[notice.Code] = _counts.GetValueOrDefault(notice.Code) + 1;
        if (_kept.Count < Kept) _kept.Add(notice);
        return true;
    }
}
