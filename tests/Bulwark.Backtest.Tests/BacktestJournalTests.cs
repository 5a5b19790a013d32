using Bulwark.Core.Execution;
using Bulwark.Core.Journal;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;

namespace Bulwark.Backtest.Tests;

public sealed class BacktestJournalTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 2, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Orders_KeepEachOrderWithItsVolumeWeightedFills_WhateverTheSequencesAndChunks()
    {
        await using var journal = new BacktestJournal();
        // 300 orders in sequence (more than one chunk), then a gap in the order sequence, then one more.
        var sequences = Enumerable.Range(1, 300).Select(i => (long)i).Append(400).ToList();
        var events = new List<BotEvent>();
        foreach (var n in sequences) events.Add(Initialized(n));
        events.Add(Filled(2, "t-1", 2m, 10m, 0.5m));
        events.Add(Filled(2, "t-2", 2m, 13m, 0.25m));
        events.Add(Filled(400, "t-3", 4m, 7m, 1m));
        events.Add(Filled(999, "t-4", 1m, 1m, 0m)); // an order the journal never saw: ignored
        events.Add(Filled(3, "t-5", 0m, 5m, 0m)); // a nonsense fill: not a fill of the order

        await journal.AppendAsync([.. events.Select((e, i) => new JournaledEvent(i + 1, e))], CancellationToken.None);

        Assert.Equal(sequences.Select(Id), journal.Orders.Select(o => o.ClientOrderId));
        var second = journal.Orders[1];
        Assert.Equal(11.5m, second.FillPrice);
        Assert.Equal(0.75m, second.Commission);
        Assert.Equal(T0.AddMinutes(1), second.FilledAt);
        var last = journal.Orders[^1];
        Assert.Equal((7m, 1m), (last.FillPrice, last.Commission));
        Assert.All(journal.Orders.Where(o => o.ClientOrderId != Id(2) && o.ClientOrderId != Id(400)),
            o => Assert.Equal((null, null, 0m), (o.FilledAt, o.FillPrice, o.Commission)));
    }

    [Fact]
    public async Task Orders_WhoseIdsDoNotEndInTheirSequence_AreStillFoundForTheirFills()
    {
        await using var journal = new BacktestJournal();
        var first = Initialized(1) with { ClientOrderId = "custom" };
        var second = Initialized(2) with { ClientOrderId = "other-7" };
        BotEvent[] events =
        [
            first, second,
            Filled(1, "t-1", 4m, 10m, 0m) with { ClientOrderId = "custom" },
            Filled(2, "t-2", 4m, 11m, 0m) with { ClientOrderId = "other-7" },
        ];

        await journal.AppendAsync([.. events.Select((e, i) => new JournaledEvent(i + 1, e))], CancellationToken.None);

        Assert.Equal(["custom", "other-7"], journal.Orders.Select(o => o.ClientOrderId));
        Assert.Equal([10m, 11m], journal.Orders.Select(o => o.FillPrice!.Value));
    }

    [Fact]
    public async Task Orders_KeepTheirSourceAndWhetherRiskDeniedThem()
    {
        await using var journal = new BacktestJournal();
        BotEvent[] events =
        [
            Initialized(1) with { Source = "fast" },
            // A source equal in text but another string instance: the same source.
            Initialized(2) with { Source = new string("fast".ToCharArray()) },
            Initialized(3) with { Source = "cloud" },
            new OrderDenied(Id(3), DenyReason.MaxPositionExceeded, "too big") { Time = T0 },
        ];

        await journal.AppendAsync([.. events.Select((e, i) => new JournaledEvent(i + 1, e))], CancellationToken.None);

        Assert.Equal(["fast", "fast", "cloud"], journal.Orders.Select(o => o.Source));
        Assert.Equal([null, null, DenyReason.MaxPositionExceeded], journal.Orders.Select(o => o.Denied));
    }

    private static string Id(long sequence) => ClientOrderIds.Format("backtest-20240102-", sequence);

    private static OrderInitialized Initialized(long sequence) =>
        new(Id(sequence), sequence, $"s{sequence}", "src", "AAPL", OrderSide.Buy, OrderType.Market, TimeInForce.Gtc, 4m,
            null, null, 100m) { Time = T0 };

    private static OrderFilled Filled(long sequence, string tradeId, decimal quantity, decimal price, decimal commission) =>
        new(Id(sequence), tradeId, "AAPL", OrderSide.Buy, quantity, price, commission, T0.AddMinutes(1), FillIssues.None, false)
        {
            Time = T0.AddMinutes(1),
        };
}
