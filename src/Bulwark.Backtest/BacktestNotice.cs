using Bulwark.Core.Kernel.Events;

namespace Bulwark.Backtest;

/// <summary>
/// Something the engine reported during a run besides its orders, which a trader reads a result against: an alert (a
/// strategy's note such as hmm-regime's fallback, a fill that failed validation), a change of the trading state, a
/// circuit breaker's trip or reset, a grid's stop. <see cref="Code"/> is the alert's code, or the event's name.
/// </summary>
public sealed record BacktestNotice(DateTimeOffset Time, AlertSeverity Severity, string Code, string Message);
