using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// History a restarted bot's feed replays reaches the strategies as <see cref="WarmUpBar"/>s: their indicators warm up,
/// nothing is journaled or traded, and the first live bar can already trade.
/// </summary>
public sealed class BotKernelWarmUpTests
{
    [Fact]
    public async Task WarmUpBars_ReadyTheAverage_WithoutAnEventOrAnOrder_AndTheFirstLiveCrossTrades()
    {
        await using var h = await KernelHarness.StartAsync(strategies: [new SmaCrossStrategy("sma", ["AAPL"], 5)]);
        var before = h.Journal.LastSequence;
        var start = h.Time.GetUtcNow().AddDays(-10);
        foreach (var (close, i) in new[] { 20m, 19m, 18m, 17m, 16m, 15m }.Select((c, i) => (c, i)))
            await h.SendAsync(new WarmUpBar(new Bar("AAPL", start.AddDays(i), close, close, close, close, 100m, TimeSpan.FromDays(1))));
        await h.SettleAsync();

        Assert.Equal(before, h.Journal.LastSequence);
        Assert.Empty(h.Venue.Submits);

        await h.BarAsync("AAPL", 30m); // above the warm average of 15-19: a cross up on the first live bar
        await h.UntilEventAsync<OrderAccepted>();

        Assert.Equal("sma", Assert.Single(h.EventsOf<SignalReceived>()).Signal.Source);
    }

    [Fact]
    public async Task AStrategyThatThrowsOnAWarmUpBar_IsSwitchedOffLikeOnALiveOne()
    {
        await using var h = await KernelHarness.StartAsync(strategies: [new Throwing()]);

        await h.SendAsync(new WarmUpBar(new Bar("AAPL", h.Time.GetUtcNow(), 1m, 1m, 1m, 1m, 1m, TimeSpan.FromMinutes(1))));
        await h.UntilEventAsync<StrategyFailed>();

        Assert.Contains("thrown", Assert.Single(h.EventsOf<StrategyFailed>()).Error, StringComparison.Ordinal);
    }

    private sealed class Throwing : IStrategy
    {
        public string Source => "boom";
        public bool Handles(string symbol) => true;
        public void OnBar(in Bar bar, IStrategyContext context) => throw new InvalidOperationException("thrown");
    }
}
