using System.Globalization;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;
using Bulwark.Tests.Shared;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// Trimming the book back to its volatility cap: a position entered at the cap is cut, once the estimate has risen the band
/// over it, by the cap over the estimate, through the pipeline as a signal of the source that opened it.
/// </summary>
public sealed class BotKernelVolatilityTrimTests
{
    private const double BarsPerYear = 252d * 6.5d * 60d;

    private static Task<KernelHarness> StartAsync(decimal? trim, IReadOnlyList<Core.Strategies.IStrategy>? strategies = null) => KernelHarness.StartAsync(o => o with
    {
        Sizing = new SizingOptions
        {
            Mode = SizingMode.PercentOfEquity,
            PercentOfEquity = 100m,
            MaxPortfolioVolatilityPercent = 1m,
            PortfolioVolatilityTrimPercent = trim,
        },
        Risk = new RiskLimits { MaxOrderNotional = 1_000_000m, MaxPositionNotional = 1_000_000m },
    }, strategies: strategies);

    private static async Task BarAsync(KernelHarness h, List<decimal> closes, decimal close)
    {
        await h.BarAsync("AAPL", close);
        closes.Add(close);
        h.Time.Advance(TimeSpan.FromMinutes(1));
    }

    /// <summary>22 calm bars, an entry at the cap filled at 100, then <paramref name="wildBars"/> bars closing at <paramref name="wild"/> of their index.</summary>
    private static async Task<(List<decimal> Closes, decimal Held, DateTimeOffset FirstBar)> EnterThenTurnWildAsync(KernelHarness h, Func<int, decimal> wild, int wildBars,
        SignalDirection side = SignalDirection.Long)
    {
        var first = h.Time.GetUtcNow();
        List<decimal> closes = [];
        for (var i = 0; i < 22; i++) await BarAsync(h, closes, i % 2 == 0 ? 100m : 100.01m);
        await h.SignalAsync("s1", "AAPL", side);
        await h.UntilEventAsync<OrderAccepted>();
        var id = h.OrderOf("s1");
        h.Venue.PushFill(id, h.Venue.Order(id)!.Quantity, 100m);
        await h.UntilEventAsync<OrderFilled>();
        var held = h.State.PositionQuantity("AAPL");
        for (var i = 0; i < wildBars; i++) await BarAsync(h, closes, wild(i));
        return (closes, held, first);
    }

    [Theory]
    [InlineData(SignalDirection.Long)]
    [InlineData(SignalDirection.Short)]
    public async Task APositionEnteredAtTheCap_IsCutAtTheFirstBarWhoseEstimateIsTheBandOver_ByTheCapOverTheEstimate(SignalDirection side)
    {
        await using var h = await StartAsync(trim: 20m);
        // Swings that widen a little every bar: the estimate rises through the cap and the band by small steps.
        var (closes, held, first) = await EnterThenTurnWildAsync(h, i => i % 2 == 0 ? 100m : 100.01m + (0.0005m * i), 60, side);
        var cash = h.State.Cash;
        await h.UntilEventAsync<OrderInitialized>(o => o.Tag == BotKernel.VolatilityTrimTag);
        // Every bar handled: a probe after them is denied, the trim still working.
        await h.SignalAsync("probe", "AAPL", side);
        await h.UntilEventAsync<SignalDenied>(d => d.SignalId == "probe");

        // Independently: the first bar (after the entry) whose estimate, from the returns before it and the last close, is
        // over 1.2 times the cap.
        int? due = null;
        var factor = 1d;
        List<double> ratios = [];
        for (var t = 22; t < closes.Count && due is null; t++)
        {
            var value = (double)Math.Abs(held * closes[t - 1]);
            var limit = (double)(cash + (held * closes[t - 1])) * 0.01 / Math.Sqrt(BarsPerYear);
            var volatility = EwmaVolatility.PerBar(closes, t - 1) * value; // at bar t's arrival: returns 1 to t-1
            ratios.Add(volatility / limit);
            if (volatility > limit * 1.2) (due, factor) = (t, limit / volatility);
        }
        Assert.NotNull(due);
        // The band was tested: some bar before was over the cap, by less than the band, and sent nothing.
        Assert.Contains(ratios, r => r is > 1.1 and <= 1.2);
        var trim = Assert.Single(h.EventsOf<SignalReceived>(), s => s.Signal.SignalId.StartsWith(BotKernel.VolatilityTrimTag, StringComparison.Ordinal));
        var dueTime = first + TimeSpan.FromMinutes(due.Value);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"volatility-trim:AAPL:{dueTime:yyyyMMddTHHmmss}"), trim.Signal.SignalId);
        Assert.Equal("test", trim.Signal.Source);
        var kept = Math.Floor(Math.Abs(held) * (decimal)factor);
        Assert.Equal(Math.Sign(held) * kept, trim.Signal.TargetQuantity);
        var order = Assert.Single(h.EventsOf<OrderInitialized>(), o => o.Tag == BotKernel.VolatilityTrimTag);
        Assert.Equal((held > 0m ? OrderSide.Sell : OrderSide.Buy, Math.Abs(held) - kept), (order.Side, order.Quantity));
        Assert.True(kept > 0m && kept < Math.Abs(held), $"kept {kept} of {held}: the test proved less than it says");
        Assert.Equal(side == SignalDirection.Long, held > 0m);
        // The later wild bars send no second trim while the first still works.
        var notice = Assert.Single(h.EventsOf<AlertRaised>(), a => a.Code == "VolatilityTrim");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"over its cap of 1% by more than 20%: positions cut to {factor:0.000} of their size"),
            notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAProtectiveStopResting_TheStopIsCanceledFirst_AndWhatIsLeftIsProtectedAgain()
    {
        await using var h = await StartAsync(trim: 20m, strategies: [new ScriptedStrategy("test", "AAPL") { Protection = new ProtectiveStop(5m, null) }]);
        var (_, held, _) = await EnterThenTurnWildAsync(h, i => i % 2 == 0 ? 100m : 100.05m, 3);
        await h.SettleAsync();

        var trim = Assert.Single(h.EventsOf<OrderInitialized>(), o => o.Tag == BotKernel.VolatilityTrimTag);
        var firstStop = Assert.Single(h.EventsOf<OrderInitialized>(), o => o.Tag == BotKernel.ProtectiveStopTag);
        Assert.Equal(held, firstStop.Quantity);
        Assert.Equal(1, h.Venue.CancelsOf(firstStop.ClientOrderId));
        // The stop's cancel went out before the trim did: both would have sold the same shares.
        var cancel = h.EventsOf<OrderCancelRequested>().Single(c => c.ClientOrderId == firstStop.ClientOrderId);
        var submitted = h.EventsOf<OrderSubmitted>().Single(e => e.ClientOrderId == trim.ClientOrderId);
        Assert.True(IndexOf(h, cancel) < IndexOf(h, submitted), "the trim went out while the stop still rested");

        h.Venue.PushFill(trim.ClientOrderId, trim.Quantity, 100m);
        await h.UntilEventAsync<OrderFilled>(f => f.ClientOrderId == trim.ClientOrderId);
        await h.SettleAsync(); // the fill brings the protection in step: no bar needed (a wilder one would trim again)

        var kept = held - trim.Quantity;
        Assert.Equal(kept, h.State.PositionQuantity("AAPL"));
        var again = Assert.Single(h.Venue.AllOrders, o => o.Type == OrderType.Stop && o.Status.IsOpen());
        Assert.Equal((OrderSide.Sell, kept), (again.Side, again.Quantity));
    }

    private static int IndexOf(KernelHarness h, BotEvent e) => h.Journal.Events.Select(x => x.Event).ToList().IndexOf(e);

    [Fact]
    public async Task WithoutATrim_TheSameBookStaysOverTheCap()
    {
        await using var h = await StartAsync(trim: null);
        await EnterThenTurnWildAsync(h, i => i % 2 == 0 ? 100m : 100.05m, 6);
        await h.SignalAsync("probe", "AAPL", SignalDirection.Long);
        await h.UntilEventAsync<SignalDenied>(d => d.SignalId == "probe");

        Assert.DoesNotContain(h.EventsOf<SignalReceived>(), s => s.Signal.SignalId.StartsWith(BotKernel.VolatilityTrimTag, StringComparison.Ordinal));
        Assert.DoesNotContain(h.EventsOf<AlertRaised>(), a => a.Code == "VolatilityTrim");
    }

    [Fact]
    public async Task WithinTheBand_NothingIsCut()
    {
        await using var h = await StartAsync(trim: 20m);
        // The calm bars go on: the estimate stays at the cap the entry was sized to.
        await EnterThenTurnWildAsync(h, i => i % 2 == 0 ? 100m : 100.01m, 10);
        await h.SignalAsync("probe", "AAPL", SignalDirection.Long);
        await h.UntilEventAsync<SignalDenied>(d => d.SignalId == "probe");

        Assert.DoesNotContain(h.EventsOf<SignalReceived>(), s => s.Signal.SignalId.StartsWith(BotKernel.VolatilityTrimTag, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATrimWithoutACap_IsRefusedAtTheStart()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => KernelHarness.StartAsync(o => o with
        {
            Sizing = new SizingOptions { PortfolioVolatilityTrimPercent = 20m },
        }));

        Assert.Contains("portfolioVolatilityTrimPercent trims the book back to its volatility cap", error.Message, StringComparison.Ordinal);
    }
}
