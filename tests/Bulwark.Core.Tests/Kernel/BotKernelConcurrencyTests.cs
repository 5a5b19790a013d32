using Bulwark.Core.Execution;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

public sealed class BotKernelConcurrencyTests
{
    private const int Threads = 8;
    private const int MessagesPerThread = 400;
    private static readonly string[] Symbols = ["AAPL", "MSFT", "ES"];

    [Fact]
    public async Task ManySenders_LoseNoSignal_NeverHaveTwoLiveOrdersPerSymbol_AndKeepPositionsEqualToFills()
    {
        await using var h = await KernelHarness.StartAsync(o => o with
        {
            Instruments = Symbols.ToDictionary(s => s, s => new Instrument(s, AssetClass.Equity), StringComparer.Ordinal),
        });
        h.Venue.FillOnSubmitAt = r => r.Symbol == "MSFT" ? 300m : 100m; // every order fills at once, before the ack
        foreach (var s in Symbols) await h.BarAsync(s, s == "MSFT" ? 300m : 100m);
        await h.SettleAsync();

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var senders = Enumerable.Range(0, Threads).Select(t => Task.Run(async () =>
        {
            await start.Task;
            var random = new Random(1000 + t);
            var ids = new List<string>(MessagesPerThread);
            for (var i = 0; i < MessagesPerThread; i++)
            {
                var id = $"t{t}-{i}";
                var symbol = Symbols[random.Next(Symbols.Length)];
                ids.Add(id);
                if (random.Next(5) == 0)
                    await h.Kernel.SendAsync(new ClosePosition(symbol, "operator", id));
                else
                    await h.Kernel.SendSignalAsync(new Signal(id, $"src{t % 3}", symbol, (SignalDirection)random.Next(3), 1m, h.Time.GetUtcNow()));
                // Now and then wait for a commit, so fills come back between signals and orders keep flowing.
                if (i % 8 == 7) await h.FlushAsync();
            }
            return ids;
        })).ToList();
        start.SetResult();
        var sent = (await Task.WhenAll(senders).WaitAsync(TimeSpan.FromSeconds(30))).SelectMany(x => x).ToList();
        await h.SettleAsync();

        var journaled = h.Journal.Events;
        var events = journaled.Select(e => e.Event).ToList();

        // The journal is gap-free.
        Assert.Equal(Enumerable.Range(1, journaled.Count).Select(i => (long)i), journaled.Select(e => e.Sequence));

        // Every signal is accounted for exactly once: received (and maybe denied later), or denied before receipt.
        var received = events.OfType<SignalReceived>().GroupBy(r => r.Signal.SignalId).ToDictionary(g => g.Key, g => g.Count());
        var deniedBeforeReceipt = new Dictionary<string, int>();
        var seen = new HashSet<string>();
        foreach (var e in events)
        {
            if (e is SignalReceived r) seen.Add(r.Signal.SignalId);
            if (e is SignalDenied d && !seen.Contains(d.SignalId))
                deniedBeforeReceipt[d.SignalId] = deniedBeforeReceipt.GetValueOrDefault(d.SignalId) + 1;
        }
        Assert.Equal(sent.Count, received.Count + deniedBeforeReceipt.Count);
        foreach (var id in sent)
        {
            var r = received.GetValueOrDefault(id);
            var d = deniedBeforeReceipt.GetValueOrDefault(id);
            Assert.True((r == 1 && d == 0) || (r == 0 && d == 1), $"signal {id}: received {r} times, denied before receipt {d} times");
        }

        // At most one live order per symbol at any point of the event stream.
        var orders = new Dictionary<string, (string Symbol, decimal Quantity, decimal Filled)>();
        var live = new Dictionary<string, string>();
        var filledOrders = 0;
        foreach (var e in events)
        {
            switch (e)
            {
                case OrderInitialized i:
                    Assert.False(live.TryGetValue(i.Symbol, out var other), $"{i.ClientOrderId} initialized while {other} is live for {i.Symbol}");
                    orders[i.ClientOrderId] = (i.Symbol, i.Quantity, 0m);
                    live[i.Symbol] = i.ClientOrderId;
                    break;
                case OrderSubmitted s:
                    Assert.Equal(s.ClientOrderId, live.GetValueOrDefault(orders[s.ClientOrderId].Symbol));
                    break;
                case OrderFilled f:
                    var o = orders[f.ClientOrderId];
                    orders[f.ClientOrderId] = o with { Filled = o.Filled + f.Quantity };
                    if (o.Filled + f.Quantity >= o.Quantity) { live.Remove(o.Symbol); filledOrders++; }
                    break;
                case OrderDenied x: live.Remove(orders[x.ClientOrderId].Symbol); break;
                case OrderRejected x: live.Remove(orders[x.ClientOrderId].Symbol); break;
                case OrderCanceled x: live.Remove(orders[x.ClientOrderId].Symbol); break;
                case OrderExpired x: live.Remove(orders[x.ClientOrderId].Symbol); break;
            }
        }
        Assert.Empty(live);
        Assert.True(filledOrders > 100, $"only {filledOrders} orders filled: the workload did not exercise the kernel");

        // Each order went to the venue once; positions equal the signed sum of their fills; the venue agrees.
        Assert.Equal(h.Venue.Submits.Count, h.Venue.Submits.Select(s => s.ClientOrderId).Distinct().Count());
        var fills = events.OfType<OrderFilled>().ToList();
        Assert.All(fills, f => Assert.Equal(FillIssues.None, f.Issues));
        Assert.Equal(h.State.Positions.Count, h.State.Positions.Keys.Distinct().Count());
        foreach (var symbol in Symbols)
        {
            var expected = fills.Where(f => f.Symbol == symbol).Sum(f => f.Side == OrderSide.Buy ? f.Quantity : -f.Quantity);
            Assert.Equal(expected, h.State.PositionQuantity(symbol));
            Assert.Equal(h.Venue.PositionOf(symbol), h.State.PositionQuantity(symbol));
        }
        Assert.Equal(0, h.State.OpenOrderCount);
    }
}
