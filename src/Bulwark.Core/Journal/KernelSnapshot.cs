using Bulwark.Core.Risk;

namespace Bulwark.Core.Journal;

/// <summary>
/// Kernel state as of journal sequence <see cref="Sequence"/>. The summary columns exist so operators can query
/// snapshots without parsing <see cref="StateJson"/>, which is the whole truth.
/// </summary>
public sealed record KernelSnapshot(
    long Sequence,
    DateTimeOffset Time,
    TradingState TradingState,
    decimal DailyPnl,
    int ConsecutiveLosses,
    string BreakerState,
    int OpenPositionCount,
    string StateJson);
