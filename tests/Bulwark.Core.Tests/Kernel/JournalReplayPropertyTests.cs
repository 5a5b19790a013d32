using Bulwark.Core.Journal;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Model;
using Bulwark.Core.Execution;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// The journal is the truth and state is its projection: whatever a kernel went through, replaying its journal
/// from any snapshot gives the state the kernel had.
/// </summary>
public sealed class JournalReplayPropertyTests
{
    private static readonly string[] Symbols = ["AAPL", "MSFT", "ES", "FUT"];

    public enum OpKind { Bar, Signal, Fill, LateFill, DuplicateFill, Cancel, Expire, Reply, SetState, Advance, Restart }

    /// <summary>One step of a workload; A, B, C are its small random parameters, read per kind.</summary>
    public sealed record Op(OpKind Kind, int Symbol, int A, int B, int C)
    {
        public override string ToString() => $"{Kind}({Symbols[Symbol]},{A},{B},{C})";
    }

    public sealed record Workload(Op[] Ops, int[] SnapshotPoints)
    {
        public override string ToString() =>
            $"[{string.Join(", ", Ops.Select(o => o.ToString()))}] snapshots at {string.Join(",", SnapshotPoints)}%";
    }

    private static readonly Gen<Op> OpGen =
        from kind in Gen.Frequency(
            (8, Gen.Constant(OpKind.Bar)),
            (10, Gen.Constant(OpKind.Signal)),
            (14, Gen.Constant(OpKind.Fill)),
            (1, Gen.Constant(OpKind.LateFill)),
            (1, Gen.Constant(OpKind.DuplicateFill)),
            (2, Gen.Constant(OpKind.Cancel)),
            (1, Gen.Constant(OpKind.Expire)),
            (2, Gen.Constant(OpKind.Reply)),
            (1, Gen.Constant(OpKind.SetState)),
            (2, Gen.Constant(OpKind.Advance)),
            (1, Gen.Constant(OpKind.Restart)))
        from symbol in Gen.Choose(0, Symbols.Length - 1)
        from a in Gen.Choose(0, 9)
        from b in Gen.Choose(0, 9)
        from c in Gen.Choose(0, 9)
        select new Op(kind, symbol, a, b, c);

    private static readonly Arbitrary<Workload> Workloads =
        (from ops in Gen.ArrayOf(OpGen).Resize(80)
         from points in Gen.ArrayOf(Gen.Choose(0, 100), 6)
         select new Workload(ops, points)).ToArbitrary();

    [Fact]
    public void ReplayFromAnySnapshot_ReproducesTheLiveState() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(80), Prop.ForAll(Workloads, ReplayMatches));

    private static bool ReplayMatches(Workload workload)
    {
        var (journal, live, stored) = RunAsync(workload.Ops).GetAwaiter().GetResult();
        // Replay the stored form, as a durable journal would give it back.
        var events = journal.Events.Select(e => new JournaledEvent(e.Sequence, EventCodec.Decode(EventCodec.Encode(e.Event)))).ToList();

        var full = new KernelState();
        foreach (var e in events) StateProjector.Apply(full, e.Sequence, e.Event);
        var expected = KernelStateJson.Serialize(full);
        if (expected != live) throw new InvalidOperationException($"Full replay differs from the live kernel.\nreplay: {expected}\nlive:   {live}");
        if (expected != stored) throw new InvalidOperationException("Loading the stored snapshot and journal differs from the live kernel.");

        foreach (var k in workload.SnapshotPoints.Select(p => events.Count * p / 100).Append(0).Append(events.Count).Distinct())
        {
            var partial = new KernelState();
            foreach (var e in events.Take(k)) StateProjector.Apply(partial, e.Sequence, e.Event);
            var resumed = KernelStateJson.Deserialize(KernelStateJson.Serialize(partial));
            foreach (var e in events.Skip(k)) StateProjector.Apply(resumed, e.Sequence, e.Event);
            var actual = KernelStateJson.Serialize(resumed);
            if (actual != expected)
                throw new InvalidOperationException($"Replay from a snapshot at {k} of {events.Count} differs.\nfrom snapshot: {actual}\nfull replay:   {expected}");
        }
        return true;
    }

    private static async Task<(InMemoryEventJournal Journal, string Live, string Stored)> RunAsync(Op[] ops)
    {
        var h = await KernelHarness.StartAsync(o => o with
        {
            Instruments = new Dictionary<string, Instrument>(StringComparer.Ordinal)
            {
                ["AAPL"] = new("AAPL", AssetClass.Equity),
                ["MSFT"] = new("MSFT", AssetClass.Equity, lotSize: 5m),
                ["ES"] = new("ES", AssetClass.Equity, tickSize: 0.25m, multiplier: 50m),
                // Margined: its closes journal variation-margin settlements, which must replay too.
                ["FUT"] = new("FUT", AssetClass.Equity, tickSize: 0.25m, multiplier: 10m, initialMargin: 1_500m),
            },
            Risk = new RiskLimits
            {
                MaxConsecutiveLosses = 2,
                BreakerCooldown = TimeSpan.FromMinutes(20),
                MaxPositionNotional = 60_000m,
                MaxOrderNotional = 40_000m,
            },
            Sizing = new SizingOptions { Mode = SizingMode.FixedNotional, Notional = 5_000m, UseAdaptiveWeights = true },
            FillValidation = new FillValidationOptions { MaxSlippagePercent = 1m },
        });
        try
        {
            VenueFillHolder last = new();
            foreach (var op in ops)
            {
                await ApplyAsync(h, op, last);
                await h.SettleAsync();
            }
            await h.Kernel.StopAsync();
            var live = KernelStateJson.Serialize(h.Kernel.State);
            var (stored, _, _) = await BotKernel.LoadStateAsync(h.Journal, h.Journal, CancellationToken.None);
            return (h.Journal, live, KernelStateJson.Serialize(stored));
        }
        finally
        {
            await h.DisposeAsync();
        }
    }

    private sealed class VenueFillHolder
    {
        public Bulwark.Core.Venues.VenueFill? Fill { get; set; }
    }

    private static async Task ApplyAsync(KernelHarness h, Op op, VenueFillHolder last)
    {
        var symbol = Symbols[op.Symbol];
        var basePrice = symbol is "ES" or "FUT" ? 50m : 100m;
        var openAtVenue = h.Venue.AllOrders.LastOrDefault(o => o.Symbol == symbol && o.Status.IsOpen());
        switch (op.Kind)
        {
            case OpKind.Bar:
                await h.BarAsync(symbol, basePrice + ((op.A - 5) * 1.25m) + (op.B * 0.25m));
                break;
            case OpKind.Signal:
                var direction = (SignalDirection)(op.A % 3);
                decimal? target = op.B < 3 ? (op.B - 1) * (op.C + 1) * 5m : null;
                var strength = op.C switch { 0 => 0m, 1 => 0.5m, _ => 1m };
                await h.SignalAsync($"sig-{Guid.NewGuid():N}", symbol, direction, strength, target, source: op.A < 5 ? "alpha" : "beta");
                break;
            case OpKind.Fill when openAtVenue is not null:
                var leaves = openAtVenue.Quantity - openAtVenue.FilledQuantity;
                var qty = Math.Max(1m, Math.Min(leaves, Math.Ceiling(openAtVenue.Quantity * (op.A + 1) / 5m)));
                last.Fill = h.Venue.PushFill(openAtVenue.ClientOrderId, qty, basePrice + ((op.B - 5) * 0.5m), commission: op.C * 0.1m);
                break;
            case OpKind.LateFill:
                var ended = h.Venue.AllOrders.LastOrDefault(o => o.Symbol == symbol && o.Status is OrderStatus.Canceled or OrderStatus.Expired);
                if (ended is not null) last.Fill = h.Venue.PushFill(ended.ClientOrderId, op.A + 1, basePrice);
                break;
            case OpKind.DuplicateFill when last.Fill is not null:
                h.Venue.PushRaw(last.Fill);
                break;
            case OpKind.Cancel when openAtVenue is not null:
                await h.SendAsync(new CancelOrder(openAtVenue.ClientOrderId, "test"));
                break;
            case OpKind.Expire when openAtVenue is not null:
                h.Venue.Expire(openAtVenue.ClientOrderId);
                break;
            case OpKind.Reply:
                var reply = op.A switch
                {
                    < 5 => SubmitReply.Accept,
                    < 7 => SubmitReply.Reject,
                    < 8 => SubmitReply.UnknownButKept,
                    < 9 => SubmitReply.UnknownAndLost,
                    _ => SubmitReply.ThrowAfterKeeping,
                };
                h.Venue.OnSubmit = (_, _) => reply;
                h.Venue.FillOnSubmitAt = op.B < 3 ? _ => basePrice : null;
                break;
            case OpKind.SetState:
                await h.SendAsync(new SetTradingState(op.A switch { < 6 => TradingState.Active, < 8 => TradingState.Reducing, _ => TradingState.Halted }, $"op {op.B}"));
                break;
            case OpKind.Advance:
                h.Time.Advance(op.A switch { < 5 => TimeSpan.FromMinutes(1 + op.B), < 8 => TimeSpan.FromMinutes(25), _ => TimeSpan.FromHours(9) });
                await h.SendAsync(new TimerTick());
                break;
            case OpKind.Restart:
                await h.RestartAsync();
                break;
        }
    }
}
