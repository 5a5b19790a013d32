using Bulwark.Core.Journal;
using Bulwark.Core.Kernel.Events;

namespace Bulwark.Backtest;

/// <summary>
/// The backtest's journal: appends are checked and counted by an in-memory journal that keeps no history, and only
/// what the result needs (each order and its fills) is kept, so a run of millions of bars holds no event list.
/// </summary>
internal sealed class BacktestJournal(IEventJournal? copy = null) : IEventJournal, ISnapshotStore
{
    private readonly InMemoryEventJournal _inner = new(retainEvents: false);
    private readonly List<string> _strategyFailures = [];
    private readonly List<BacktestOrder> _orders = [];
    private readonly Dictionary<string, (int Index, decimal Filled)> _byId = new(StringComparer.Ordinal);

    public long LastSequence => _inner.LastSequence;

    /// <summary>Orders in the order they were decided, with their fills (volume-weighted price, summed commission).</summary>
    public IReadOnlyList<BacktestOrder> Orders => _orders;

    /// <summary>Strategies that threw, as "source on symbol at time: error".</summary>
    public IReadOnlyList<string> StrategyFailures => _strategyFailures;

    /// <summary>Checks and keeps the batch, then hands it to the copy (a file journal) when there is one.</summary>
    public ValueTask AppendAsync(IReadOnlyList<JournaledEvent> batch, CancellationToken cancellationToken)
    {
        var appended = _inner.AppendAsync(batch, cancellationToken); // throws on a sequence gap, before anything is kept
        for (var i = 0; i < batch.Count; i++) Record(batch[i].Event);
        if (copy is null) return appended;
        appended.GetAwaiter().GetResult(); // the in-memory journal completes at once
        return copy.AppendAsync(batch, cancellationToken);
    }

    public IAsyncEnumerable<JournaledEvent> ReadAsync(long afterSequence, CancellationToken cancellationToken) =>
        _inner.ReadAsync(afterSequence, cancellationToken);

    public ValueTask SaveAsync(KernelSnapshot snapshot, CancellationToken cancellationToken) =>
        _inner.SaveAsync(snapshot, cancellationToken);

    public ValueTask<KernelSnapshot?> LoadLatestAsync(CancellationToken cancellationToken) =>
        _inner.LoadLatestAsync(cancellationToken);

    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    private void Record(BotEvent e)
    {
        switch (e)
        {
            case StrategyFailed s:
                _strategyFailures.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{s.Source} on {s.Symbol} at {s.Time:O}: {s.Error}"));
                break;
            case OrderInitialized i:
                _byId[i.ClientOrderId] = (_orders.Count, 0m);
                _orders.Add(new BacktestOrder(i.ClientOrderId, i.Symbol, i.Side, i.Quantity, i.Time, i.ExpectedPrice, null, null, 0m));
                break;
            case OrderFilled f when f.Quantity > 0m && _byId.TryGetValue(f.ClientOrderId, out var entry):
                var o = _orders[entry.Index];
                var after = entry.Filled + f.Quantity;
                _byId[f.ClientOrderId] = (entry.Index, after);
                _orders[entry.Index] = o with
                {
                    FilledAt = o.FilledAt ?? f.FillTime,
                    FillPrice = (((o.FillPrice ?? 0m) * entry.Filled) + (f.Price * f.Quantity)) / after,
                    Commission = o.Commission + f.Commission,
                };
                break;
        }
    }
}
