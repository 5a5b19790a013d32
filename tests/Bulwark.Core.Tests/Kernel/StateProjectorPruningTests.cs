using System.Globalization;
using Bulwark.Core.Execution;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Orders;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// Terminal orders are forgotten after a while; their fills must still never be applied twice (a venue
/// re-reads its whole history at recovery), and the forgetting must survive a snapshot.
/// </summary>
public sealed class StateProjectorPruningTests
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 5, 15, 0, 0, TimeSpan.Zero);

    private static string Id(long seq) => $"bot-20240305-{seq.ToString("D6", CultureInfo.InvariantCulture)}";

    private static (KernelState State, long Orders) FilledOrders(int count)
    {
        var s = new KernelState();
        long seq = 0;
        StateProjector.Apply(s, ++seq, new AccountInitialized("bot", 1_000_000m, "USD", "America/New_York") { Time = T0 });
        for (var i = 1; i <= count; i++)
        {
            var side = i % 2 == 1 ? OrderSide.Buy : OrderSide.Sell;
            StateProjector.Apply(s, ++seq, new OrderInitialized(Id(i), i, $"sig{i}", "src", "AAPL", side, OrderType.Market,
                TimeInForce.Gtc, 1m, null, null, 100m) { Time = T0 });
            StateProjector.Apply(s, ++seq, new OrderSubmitted(Id(i), "fake") { Time = T0 });
            StateProjector.Apply(s, ++seq, new OrderFilled(Id(i), $"T{i}", "AAPL", side, 1m, 100m, 0m, T0, FillIssues.None, false) { Time = T0 });
        }
        return (s, count);
    }

    [Fact]
    public void ManyTerminalOrders_AreForgottenOldestFirst_AndTheirFillsStillCountAsApplied()
    {
        var count = (StateProjector.MaxTerminalOrdersKept * 2) + 10;
        var (s, _) = FilledOrders(count);

        Assert.True(s.Orders.Count <= StateProjector.MaxTerminalOrdersKept * 2, $"kept {s.Orders.Count} orders");
        Assert.False(s.Orders.ContainsKey(Id(1)), "the oldest order should have been forgotten");
        Assert.True(s.Orders.ContainsKey(Id(count)), "the newest order must be kept");
        Assert.True(s.PrunedThroughSequence >= 1);

        Assert.True(s.IsAppliedFill(Id(1), "T1"), "a forgotten order's fill must read as applied");
        Assert.True(s.IsAppliedFill(Id(count), $"T{count}"));
        Assert.False(s.IsAppliedFill(Id(count), "T-new"), "a new fill of a kept order is not a duplicate");
        Assert.False(s.IsAppliedFill(Id(count + 1), "T-next"), "an order newer than every pruned one is not settled");
        Assert.Equal(count, s.FillCount);
        Assert.Equal(count % 2, s.PositionQuantity("AAPL"));
    }

    [Fact]
    public void Pruning_SurvivesSnapshotRoundTrip_AndContinuesIdentically()
    {
        var (live, n) = FilledOrders(StateProjector.MaxTerminalOrdersKept * 2 + 5);
        var loaded = KernelStateJson.Deserialize(KernelStateJson.Serialize(live));
        Assert.Equal(live.PrunedThroughSequence, loaded.PrunedThroughSequence);

        // Continue both with the same events: the pruning decisions (and so the states) must stay equal.
        var seq = live.LastSequence;
        for (var i = n + 1; i <= n + StateProjector.MaxTerminalOrdersKept * 2; i++)
        {
            foreach (var state in new[] { live, loaded })
            {
                var at = seq;
                StateProjector.Apply(state, ++at, new OrderInitialized(Id(i), i, $"s{i}", "src", "AAPL", OrderSide.Buy, OrderType.Market,
                    TimeInForce.Gtc, 1m, null, null, 100m) { Time = T0 });
                StateProjector.Apply(state, ++at, new OrderSubmitted(Id(i), "fake") { Time = T0 });
                StateProjector.Apply(state, ++at, new OrderCanceled(Id(i)) { Time = T0 });
            }
            seq += 3;
        }
        Assert.Equal(KernelStateJson.Serialize(live), KernelStateJson.Serialize(loaded));
    }

    [Fact]
    public void DailyPruningByAge_ForgetsOldOrders_AndKeepsThePruningQueueBounded()
    {
        var s = new KernelState();
        long seq = 0;
        StateProjector.Apply(s, ++seq, new AccountInitialized("bot", 1_000_000m, "USD", "America/New_York") { Time = T0 });
        var day = DateOnly.FromDateTime(T0.Date);
        var order = 0;
        for (var d = 1; d <= 60; d++)
        {
            var at = T0.AddDays(d);
            StateProjector.Apply(s, ++seq, new TradingDayRolledOver(day, day.AddDays(1)) { Time = at });
            day = day.AddDays(1);
            for (var i = 0; i < 100; i++)
            {
                order++;
                StateProjector.Apply(s, ++seq, new OrderInitialized(Id(order), order, $"s{order}", "src", "AAPL", OrderSide.Buy,
                    OrderType.Market, TimeInForce.Gtc, 1m, null, null, 100m) { Time = at });
                StateProjector.Apply(s, ++seq, new OrderSubmitted(Id(order), "fake") { Time = at });
                StateProjector.Apply(s, ++seq, new OrderCanceled(Id(order)) { Time = at });
            }
        }

        Assert.True(s.Orders.Count <= 400, $"kept {s.Orders.Count} orders"); // up to three days old, and today's
        Assert.Equal(s.Orders.Count, s.TerminalCount);
        Assert.True(s.TerminalQueueLength <= (2 * s.TerminalCount) + 1024, $"queue of {s.TerminalQueueLength}");
        Assert.True(s.IsAppliedFill(Id(1), "T-late"), "a pruned order's late fill reads as applied");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void DailyPruningByAge_KeepsExactlyWhatAScanOfEveryOrderWould(int seed)
    {
        // Orders that rest for days before they end (so they do not end in sequence order), and fills that arrive for
        // orders already canceled (which makes them change after they ended): pruning by the age queue must forget
        // exactly the terminal orders a walk over every kept order would, at every rollover.
        var random = new Random(seed);
        var s = new KernelState();
        long seq = 0;
        StateProjector.Apply(s, ++seq, new AccountInitialized("bot", 1_000_000m, "USD", "America/New_York") { Time = T0 });
        var model = new Dictionary<string, (bool Terminal, DateTimeOffset UpdatedAt)>(StringComparer.Ordinal);
        var live = new List<string>();
        var ended = new List<string>();
        var day = DateOnly.FromDateTime(T0.Date);
        var now = T0;
        var order = 0;
        for (var d = 1; d <= 40; d++)
        {
            for (var step = 0; step < 60; step++)
            {
                now = now.AddMinutes(random.Next(1, 30));
                var roll = random.Next(10);
                if (roll < 4 || live.Count == 0)
                {
                    var id = Id(++order);
                    StateProjector.Apply(s, ++seq, new OrderInitialized(id, order, $"s{order}", "src", "AAPL", OrderSide.Buy,
                        OrderType.Limit, TimeInForce.Gtc, 1m, 90m, null, 100m) { Time = now });
                    StateProjector.Apply(s, ++seq, new OrderSubmitted(id, "fake") { Time = now });
                    live.Add(id);
                    model[id] = (false, now);
                }
                else if (roll < 9)
                {
                    var id = live[random.Next(live.Count)];
                    live.Remove(id);
                    StateProjector.Apply(s, ++seq, new OrderCanceled(id) { Time = now });
                    ended.Add(id);
                    model[id] = (true, now);
                }
                else if (ended.Count > 0)
                {
                    var id = ended[random.Next(ended.Count)];
                    StateProjector.Apply(s, ++seq, new OrderFilled(id, $"late-{seq}", "AAPL", OrderSide.Buy, 1m, 90m, 0m, now,
                        FillIssues.None, false) { Time = now });
                    if (model.TryGetValue(id, out var m)) model[id] = (m.Terminal, now);
                }
            }
            now = now.AddHours(random.Next(1, 30));
            StateProjector.Apply(s, ++seq, new TradingDayRolledOver(day, day.AddDays(1)) { Time = now });
            day = day.AddDays(1);
            foreach (var (id, m) in model.ToList())
                if (m.Terminal && now - m.UpdatedAt > TimeSpan.FromDays(3)) model.Remove(id);

            Assert.Equal(model.Keys.Order(StringComparer.Ordinal), s.Orders.Keys.Order(StringComparer.Ordinal));
        }
        Assert.True(s.PrunedThroughSequence > 0, "the run must have pruned something");
    }

    [Fact]
    public void FillForUnknownOrder_IsRememberedSoARedeliveryIsNotAppliedTwice()
    {
        var s = new KernelState();
        StateProjector.Apply(s, 1, new AccountInitialized("bot", 1_000m, "USD", "America/New_York") { Time = T0 });
        Assert.False(s.IsAppliedFill("bot-20240305-000099", "X1"));
        StateProjector.Apply(s, 2, new OrderFilled("bot-20240305-000099", "X1", "AAPL", OrderSide.Buy, 2m, 10m, 0m, T0,
            FillIssues.UnknownOrder, false) { Time = T0 });
        Assert.True(s.IsAppliedFill("bot-20240305-000099", "X1"));
        Assert.Equal(2m, s.PositionQuantity("AAPL"));
    }

    [Fact]
    public void OpenOrderCount_MatchesARecount_LiveAndAfterASnapshotLoad()
    {
        var s = new KernelState();
        long seq = 0;
        StateProjector.Apply(s, ++seq, new AccountInitialized("bot", 1_000m, "USD", "America/New_York") { Time = T0 });
        for (var i = 1; i <= 6; i++)
        {
            StateProjector.Apply(s, ++seq, new OrderInitialized(Id(i), i, $"s{i}", "src", $"S{i % 3}", OrderSide.Buy, OrderType.Market,
                TimeInForce.Gtc, 2m, null, null, 10m) { Time = T0 });
            StateProjector.Apply(s, ++seq, new OrderSubmitted(Id(i), "fake") { Time = T0 });
        }
        StateProjector.Apply(s, ++seq, new OrderFilled(Id(1), "T1", "S1", OrderSide.Buy, 2m, 10m, 0m, T0, FillIssues.None, false) { Time = T0 });
        StateProjector.Apply(s, ++seq, new OrderFilled(Id(2), "T2", "S2", OrderSide.Buy, 1m, 10m, 0m, T0, FillIssues.None, false) { Time = T0 });
        StateProjector.Apply(s, ++seq, new OrderCanceled(Id(3)) { Time = T0 });

        var recount = s.Orders.Values.Count(o => o.Status.IsOpen());
        Assert.Equal(4, recount);
        Assert.Equal(recount, s.OpenOrderCount);
        Assert.Equal(recount, KernelStateJson.Deserialize(KernelStateJson.Serialize(s)).OpenOrderCount);
    }
}
