using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Venues;
using Bulwark.Venues.Paper;
using Bulwark.Venues.Tests.Fakes;
using Bulwark.Venues.Tests.Paper.Property;
using FsCheck;
using FsCheck.Fluent;

namespace Bulwark.Venues.Tests.Paper;

public sealed class PaperVenuePropertyTests
{
    private static readonly Instrument[] Symbols = [PaperHarness.Aapl, PaperHarness.Es, PaperHarness.Btc];
    private static readonly decimal[] BasePrices = [100m, 4_000m, 20_000m];

    [Fact]
    public void AnySequenceOfOrdersAndBars_KeepsPositionsEqualToFillsAndCashEqualToInitialMinusNotionalAndCommissions()
    {
        var property = Prop.ForAll(Arb.From(ScenarioGen()), scenario =>
        {
            Task.Run(() => RunAsync(scenario)).GetAwaiter().GetResult();
            return true;
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), property);
    }

    private static async Task RunAsync(Scenario scenario)
    {
        using var dir = new TempDirectory(TempDirectory.MemoryBackedRoot());
        var path = dir.File("paper.db");
        var time = new FakeTimeProvider();
        var pushed = new List<VenueFill>();
        var venue = await Open(path, scenario.Options, time, pushed);
        var ids = new List<string>();
        try
        {
            foreach (var step in scenario.Steps)
            {
                time.Advance(TimeSpan.FromMinutes(1));
                switch (step.Kind)
                {
                    case StepKind.Submit:
                        var id = $"c-{ids.Count}";
                        ids.Add(id);
                        await venue.SubmitAsync(Request(id, step), CancellationToken.None);
                        break;
                    case StepKind.Bar:
                        await venue.OnBarAsync(BarOf(step, time.GetUtcNow()), CancellationToken.None);
                        break;
                    case StepKind.Cancel when ids.Count > 0:
                        await venue.CancelAsync(ids[step.Lots % ids.Count], CancellationToken.None);
                        break;
                    case StepKind.Restart:
                        await venue.DisposeAsync();
                        venue = await Open(path, scenario.Options, time, pushed);
                        break;
                }
            }

            await AssertInvariantsAsync(venue, scenario.Options, pushed);
        }
        finally
        {
            await venue.DisposeAsync();
        }
    }

    private static async Task AssertInvariantsAsync(PaperVenue venue, PaperVenueOptions options, List<VenueFill> pushed)
    {
        var fills = await venue.GetFillsAsync(CancellationToken.None);
        var positions = await venue.GetPositionsAsync(CancellationToken.None);
        var orders = await venue.GetOrdersAsync(openOnly: false, CancellationToken.None);

        Assert.Equal(fills, pushed);
        foreach (var instrument in Symbols)
        {
            var signed = fills.Where(f => f.Symbol == instrument.Symbol)
                .Sum(f => f.Side == OrderSide.Buy ? f.Quantity : -f.Quantity);
            Assert.Equal(signed, positions.SingleOrDefault(p => p.Symbol == instrument.Symbol)?.Quantity ?? 0m);
        }

        var expectedCash = options.InitialCash - fills.Sum(f =>
            ((f.Side == OrderSide.Buy ? 1m : -1m) * f.Quantity * f.Price * PaperHarness.Instruments[f.Symbol].Multiplier)
            + f.Commission);
        Assert.Equal(expectedCash, await venue.GetCashAsync(CancellationToken.None));

        foreach (var order in orders.Where(o => o.RejectCode != VenueRejectCode.DuplicateClientOrderId))
        {
            var filled = fills.Where(f => f.ClientOrderId == order.ClientOrderId).Sum(f => f.Quantity);
            Assert.Equal(filled, order.FilledQuantity);
            Assert.True(filled <= order.Quantity, $"{order.ClientOrderId} overfilled");
            Assert.Equal(order.Status == OrderStatus.Filled, filled == order.Quantity && filled > 0m);
        }

        Assert.All(fills, f =>
        {
            var instrument = PaperHarness.Instruments[f.Symbol];
            Assert.Equal(0m, f.Price % instrument.TickSize);
            Assert.Equal(0m, f.Quantity % instrument.LotSize);
            Assert.True(f.Quantity > 0m && f.Price > 0m);
        });
    }

    private static async Task<PaperVenue> Open(string path, PaperVenueOptions options, TimeProvider time,
        List<VenueFill> pushed)
    {
        var venue = await PaperVenue.OpenAsync(path, options, PaperHarness.Instruments, time, CancellationToken.None);
        venue.Subscribe(new ListSink(pushed));
        return venue;
    }

    private static OrderRequest Request(string id, ScenarioStep s)
    {
        var instrument = Symbols[s.Symbol];
        decimal At(int ticks) => BasePrices[s.Symbol] + (ticks * instrument.TickSize);
        var limit = s.Type is OrderType.Limit or OrderType.StopLimit ? At(s.A) : (decimal?)null;
        var stop = s.Type is OrderType.Stop or OrderType.StopLimit ? At(s.B) : (decimal?)null;
        return new OrderRequest(id, instrument.Symbol, s.Side, s.Type, s.Tif, s.Lots * instrument.LotSize, limit, stop);
    }

    private static Bar BarOf(ScenarioStep s, DateTimeOffset time)
    {
        var instrument = Symbols[s.Symbol];
        decimal At(int ticks) => BasePrices[s.Symbol] + (ticks * instrument.TickSize);
        var open = At(s.A);
        var close = At(s.B);
        var high = Math.Max(open, close) + (s.C * instrument.TickSize);
        var low = Math.Min(open, close) - (s.D * instrument.TickSize);
        return new Bar(instrument.Symbol, time, open, high, low, close, s.Lots * instrument.LotSize, TimeSpan.FromMinutes(1));
    }

    private static Gen<Scenario> ScenarioGen() =>
        from options in OptionsGen()
        from steps in Gen.ListOf(StepGen())
        select new Scenario(options, steps.Take(40).ToList());

    private static Gen<PaperVenueOptions> OptionsGen() =>
        from perShare in Gen.Elements(0m, 0.01m)
        from percent in Gen.Elements(0m, 0.05m)
        from perFill in Gen.Elements(0m, 1m)
        from minimum in Gen.Elements(0m, 2m)
        from cap in Gen.Elements<decimal?>(null, null, 0.02m)
        from impact in Gen.Elements(0m, 0m, 5m)
        from bps in Gen.Elements(0m, 5m, 13m)
        from ticks in Gen.Elements(0m, 0m, 3m)
        from participation in Gen.Elements(1m, 0.5m, 0.1m)
        select new PaperVenueOptions
        {
            InitialCash = 10_000_000m,
            PerShare = perShare,
            PercentOfNotional = percent,
            PerFill = perFill,
            MinimumPerFill = minimum,
            MaximumPercentOfNotional = cap,
            ImpactPercent = impact,
            SlippageBps = bps,
            SlippageTicks = ticks,
            MaxVolumeParticipation = participation,
        };

    private static Gen<ScenarioStep> StepGen() =>
        from kind in Gen.Frequency((5, Gen.Constant(StepKind.Submit)), (6, Gen.Constant(StepKind.Bar)),
            (1, Gen.Constant(StepKind.Cancel)), (1, Gen.Constant(StepKind.Restart)))
        from symbol in Gen.Choose(0, Symbols.Length - 1)
        from side in Gen.Elements(OrderSide.Buy, OrderSide.Sell)
        from type in Gen.Elements(OrderType.Market, OrderType.Limit, OrderType.Stop, OrderType.StopLimit)
        from tif in Gen.Elements(TimeInForce.Gtc, TimeInForce.Gtc, TimeInForce.Day, TimeInForce.Ioc, TimeInForce.Fok)
        from lots in Gen.Choose(0, 60)
        from a in Gen.Choose(-40, 40)
        from b in Gen.Choose(-40, 40)
        from c in Gen.Choose(0, 20)
        from d in Gen.Choose(0, 20)
        select new ScenarioStep(kind, symbol, side, type, tif, lots, a, b, c, d);
}
