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
    public async Task AnSmaCrossExitLostWhileTheBotWasDown_IsSignalledAtTheFirstBarAfterARestart_WhileStillBelow()
    {
        // The long's exit never reached the venue (the crash came first): after the restart, a new sma-cross finds the
        // long held below its average and closes it rather than waiting for the next cross up and down.
        await using var h = await KernelHarness.StartAsync();
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.RestartAsync(strategies: [new SmaCrossStrategy("sma", ["AAPL"], 2)]);

        await h.BarAsync("AAPL", 99m);
        await h.BarAsync("AAPL", 97m);
        await h.SettleAsync();

        var exit = Assert.Single(h.EventsOf<SignalReceived>(), r => r.Signal.Source == "sma");
        Assert.Equal(SignalDirection.Flat, exit.Signal.Direction);
        Assert.Equal(Core.Orders.OrderSide.Sell, h.Venue.Submits[^1].Side);
    }

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

    [Fact]
    public async Task WhatAStrategyNotesWhileWarmingUp_IsReportedAtTheFirstLiveBar_TheLastNoteOfEachSource()
    {
        await using var h = await KernelHarness.StartAsync(strategies: [new Noting("model-a"), new Noting("model-b")]);
        var start = h.Time.GetUtcNow().AddDays(-3);
        for (var i = 0; i < 3; i++)
            await h.SendAsync(new WarmUpBar(new Bar("AAPL", start.AddDays(i), 10m, 10m, 10m, 10m, 100m, TimeSpan.FromDays(1))));
        await h.SettleAsync();
        Assert.Empty(h.EventsOf<AlertRaised>()); // nothing is journaled while warming up

        await h.BarAsync("AAPL", 11m);
        await h.SettleAsync();

        var alerts = h.EventsOf<AlertRaised>().ToList();
        Assert.Equal(["model-a", "model-b", "model-a", "model-b"], alerts.Select(a => a.Message.Split(':')[0]));
        // The two warm-up notes first, each source's last one (from the bar 2 days before the first live bar), then
        // what the strategies noted on the live bar, as it is.
        Assert.All(alerts.Take(2), a => Assert.Equal("AtBar", a.Code));
        Assert.All(alerts.Take(2), a => Assert.Contains("close 10 on bar 3 (while warming up, as of the bar of "
            + start.AddDays(2).UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC)", a.Message, StringComparison.Ordinal));
        Assert.All(alerts.Skip(2), a => Assert.EndsWith("close 11 on bar 4", a.Message, StringComparison.Ordinal));
        Assert.All(alerts, a => Assert.Equal(AlertSeverity.Info, a.Severity));

        await h.BarAsync("AAPL", 12m); // reported once
        await h.SettleAsync();
        Assert.Equal(6, h.EventsOf<AlertRaised>().Count());
    }

    /// <summary>Notes the close and how many bars it has seen, on every bar.</summary>
    private sealed class Noting(string source) : IStrategy
    {
        private int _bars;

        public string Source => source;
        public bool Handles(string symbol) => true;
        public void OnBar(in Bar bar, IStrategyContext context) =>
            context.Note(Source, "AtBar", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"close {bar.Close} on bar {++_bars}"));
    }

    private sealed class Throwing : IStrategy
    {
        public string Source => "boom";
        public bool Handles(string symbol) => true;
        public void OnBar(in Bar bar, IStrategyContext context) => throw new InvalidOperationException("thrown");
    }
}
