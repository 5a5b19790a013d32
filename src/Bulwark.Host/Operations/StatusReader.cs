using Bulwark.Core.Kernel;
using Bulwark.Host.Running;
using Bulwark.Storage;

namespace Bulwark.Host.Operations;

/// <summary>Reads a bot's state from its journal (snapshot + replay), whether or not the bot is running.</summary>
public static class StatusReader
{
    public static async Task<KernelState?> LoadStateAsync(BotPaths paths, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!File.Exists(paths.Journal)) return null;
        await using var journal = await SqliteJournal.OpenReadOnlyIfStartedAsync(paths.Journal, time, cancellationToken).ConfigureAwait(false);
        if (journal is null) return null; // a journal whose creation a kill cut off before its first event: the bot has not started
        var (state, _, _) = await BotKernel.LoadStateAsync(journal, journal, cancellationToken).ConfigureAwait(false);
        return state;
    }

    public static async Task<BotStatus> ReadAsync(BotPaths paths, TimeProvider time, CancellationToken cancellationToken)
    {
        var running = BotLock.IsHeld(paths.Lock);
        var s = await LoadStateAsync(paths, time, cancellationToken).ConfigureAwait(false);
        if (s is null)
            return new BotStatus(paths.BotId, "Active", "never started", running, [], 0, 0, 0, 0, 0, 0m, 0m, 0, 0m,
                "closed", 0, "", true, []);
        var positions = s.Positions.Values.Where(p => !p.IsFlat).OrderBy(p => p.Symbol, StringComparer.Ordinal)
            .Select(p => new PositionStatus(p.Symbol, p.Quantity, p.AveragePrice, p.RealizedPnl) { OpenedAt = p.OpenedAt, OpenedBy = p.OpenedBySource })
            .ToList();
        return new BotStatus(paths.BotId, s.TradingState.ToString(), s.TradingStateReason, running, positions,
            s.OpenOrderCount, s.FillCount, s.SignalsReceived, s.SignalsDenied, s.Alerts, s.Cash, s.DailyRealizedPnl,
            s.ConsecutiveLosses, s.PeakEquity, s.BreakerState(time.GetUtcNow()), s.LastSequence,
            s.TradingDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            s.LastReconciliationInSync, [.. s.FailedStrategies.Order(StringComparer.Ordinal)])
        {
            Currency = s.Currency,
            Financing = s.CashFinancingTotal,
            Interest = s.CashInterestTotal,
            Dividends = s.CashDividendTotal,
            DayOpeningValue = s.DayOpeningValue,
            DailyLossStop = s.DailyLossStopped ? s.DailyLossStopReason : null,
            Flattening = s.FlattenReason,
            DataStops = new SortedDictionary<string, string>(s.DataStops.ToDictionary(d => d.Key, d => d.Value.Reason), StringComparer.Ordinal),
            ReduceOnlySymbols = new SortedDictionary<string, string>(s.ReduceOnlySymbols, StringComparer.Ordinal),
            FlatteningSymbols = new SortedDictionary<string, string>(s.FlattenSymbols.ToDictionary(f => f.Key, f => f.Value.Reason), StringComparer.Ordinal),
            OrdersSentToday = s.DailyOrdersSent,
            OrdersLastMinute = s.OrdersSentInMinuteTo(time.GetUtcNow()),
            Sources = [.. s.Feedback.Select(f => SourceStatus.Of(f.Key, f.Value))],
        };
    }
}
