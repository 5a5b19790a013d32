using Bulwark.Core.Journal;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;
using static Bulwark.Core.Tests.TestSupport.ProtectedKernel;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// The operator's flatten of one symbol and a symbol's reduce-only: the symbol's orders canceled and its position closed,
/// the rest of the book left trading, the symbol kept from new exposure until the operator resumes it, across restarts.
/// </summary>
public sealed class BotKernelSymbolFlattenTests
{
    private static async Task SendAsync(KernelHarness h, KernelMessage message)
    {
        await h.SendAsync(message);
        await h.SettleAsync();
    }

    private static async Task TickAsync(KernelHarness h)
    {
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await SendAsync(h, new TimerTick());
    }

    private static List<OrderInitialized> Closes(KernelHarness h) =>
        [.. h.EventsOf<OrderInitialized>().Where(i => i.Source == BotKernel.OperatorFlattenSource)];

    private static async Task FillCloseAsync(KernelHarness h, OrderInitialized close, decimal price)
    {
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == close.ClientOrderId);
        h.Venue.PushFill(close.ClientOrderId, close.Quantity, price);
        await h.UntilEventAsync<OrderFilled>(f => f.ClientOrderId == close.ClientOrderId);
        await TickAsync(h);
    }

    [Fact]
    public async Task OnlyTheSymbolsOrdersAreCanceledAndItsPositionClosed_TheRestTradesOn_AndTheSymbolStaysReduceOnly()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.OpenAsync("a1", "AAPL", SignalDirection.Long, 100m);
        await h.OpenAsync("m1", "MSFT", SignalDirection.Long, 50m);
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("m2", "MSFT", SignalDirection.Long, target: 20m); // an add the venue has not filled
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("m2"));

        await SendAsync(h, new FlattenSymbol("AAPL", "earnings"));

        Assert.Equal(TradingState.Active, h.State.TradingState);
        Assert.Equal("earnings", h.State.ReduceOnlySymbols["AAPL"]);
        var request = Assert.Single(h.EventsOf<FlattenRequested>());
        Assert.Equal(("AAPL", "earnings"), (request.Symbol, request.Reason));
        Assert.Empty(h.EventsOf<OrderCancelRequested>()); // MSFT's add is left working
        var close = Assert.Single(Closes(h));
        Assert.Equal(("AAPL", OrderSide.Sell, 10m, OrderType.Market), (close.Symbol, close.Side, close.Quantity, close.Type));

        await FillCloseAsync(h, close, 99m);

        var done = Assert.Single(h.EventsOf<FlattenCompleted>());
        Assert.Equal(("AAPL", "AAPL flat: no position held and no order working; reduce-only until the operator resumes it"), (done.Symbol, done.Summary));
        Assert.Empty(h.State.FlattenSymbols);
        Assert.Equal(10m, h.State.PositionQuantity("MSFT"));
        Assert.True(h.State.Orders[h.OrderOf("m2")].Status.IsOpen());

        await h.BarAsync("AAPL", 101m);
        await h.SignalAsync("a2", "AAPL", SignalDirection.Long, target: 10m);
        await h.UntilEventAsync<SignalDenied>(d => d.SignalId == "a2");
        Assert.Equal(DenyReason.SymbolReduceOnly, h.EventsOf<SignalDenied>().Single(d => d.SignalId == "a2").Reason);
        h.Venue.PushFill(h.OrderOf("m2"), 10m, 51m); // the rest of the book trades on
        await h.UntilEventAsync<OrderFilled>(f => f.ClientOrderId == h.OrderOf("m2"));
        await h.BarAsync("MSFT", 51m);
        await h.SignalAsync("m3", "MSFT", SignalDirection.Flat);
        await h.UntilEventAsync<OrderInitialized>(i => i.SignalId == "m3");
    }

    [Fact]
    public async Task WhileItRuns_TheSymbolsOtherSignalsAreDeniedFlattening_AndOtherSymbolsAreNot()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.OpenAsync("a1", "AAPL", SignalDirection.Long, 100m);
        await SendAsync(h, new FlattenSymbol("AAPL", "news"));
        await h.SignalAsync("a2", "AAPL", SignalDirection.Flat);
        await h.BarAsync("MSFT", 50m);
        await h.SignalAsync("m1", "MSFT", SignalDirection.Long, target: 10m);
        await h.SettleAsync();

        var denied = Assert.Single(h.EventsOf<SignalDenied>());
        Assert.Equal(("a2", DenyReason.Flattening, "the operator's flatten is closing AAPL: news"), (denied.SignalId, denied.Reason, denied.Detail));
        Assert.Single(h.EventsOf<OrderInitialized>(), i => i.SignalId == "m1");
    }

    [Fact]
    public async Task AProtectedPositionsStop_IsCanceledFirst_AndNotPutBackWhileTheSymbolFlattens()
    {
        await using var h = await StartAsync(new ProtectiveStop(5m, null));
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.SettleAsync();
        var stopId = Assert.Single(Stops(h)).ClientOrderId;

        await SendAsync(h, new FlattenSymbol("AAPL", "news"));
        await h.UntilAsync(() => h.State.Orders[stopId].Status == OrderStatus.Canceled, "the stop's cancel");
        await ClosesAsync(h, 99m);

        var close = Assert.Single(Closes(h));
        await FillCloseAsync(h, close, 98m);
        await ClosesAsync(h, 97m);
        Assert.Single(Stops(h));
        Assert.Single(h.EventsOf<FlattenCompleted>());
    }

    [Fact]
    public async Task ResumingTheSymbol_EndsItsFlattenUnderWay_AndLiftsItsReduceOnly()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.OpenAsync("a1", "AAPL", SignalDirection.Long, 100m);
        h.Venue.OnSubmit = (_, _) => SubmitReply.Reject;
        await SendAsync(h, new FlattenSymbol("AAPL", "news"));
        await SendAsync(h, new SetSymbolReduceOnly("AAPL", false, "false alarm"));
        h.Venue.OnSubmit = (_, _) => SubmitReply.Accept;
        await TickAsync(h);

        Assert.Empty(h.State.FlattenSymbols);
        Assert.Empty(h.State.ReduceOnlySymbols);
        Assert.Single(Closes(h)); // the rejected one only
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("a2", "AAPL", SignalDirection.Long, target: 20m);
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf("a2"));
    }

    [Fact]
    public async Task ARestartInTheMiddle_GoesOnWithTheSymbolsFlatten_AndKeepsItReduceOnly()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.OpenAsync("a1", "AAPL", SignalDirection.Long, 100m);
        h.Venue.OnSubmit = (_, _) => SubmitReply.Reject;
        await SendAsync(h, new FlattenSymbol("AAPL", "news"));

        await h.RestartAsync(whileDown: () => h.Venue.OnSubmit = (_, _) => SubmitReply.Accept);
        Assert.Equal("news", h.State.FlattenSymbols["AAPL"].Reason);
        await h.UntilAsync(() => Closes(h).Count == 2, "the second close, at start-up");
        var sequence = h.State.FlattenSymbols["AAPL"].Sequence;
        Assert.Equal($"{BotKernel.OperatorFlattenSource}:AAPL:{sequence}:1", Closes(h)[^1].SignalId);

        await FillCloseAsync(h, Closes(h)[^1], 100m);
        Assert.Single(h.EventsOf<FlattenCompleted>());
        Assert.Equal("news", h.State.ReduceOnlySymbols["AAPL"]);
        Assert.Equal(TradingState.Active, h.State.TradingState);
    }

    [Fact]
    public async Task AFlattenWrittenIntoAStoppedBotsJournal_ClosesTheSymbolAtStartUp()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.OpenAsync("a1", "AAPL", SignalDirection.Long, 100m);
        await h.OpenAsync("m1", "MSFT", SignalDirection.Long, 50m);
        await h.RestartAsync(whileDown: () =>
        {
            var next = h.Journal.Events[^1].Sequence + 1;
            var now = h.Time.GetUtcNow();
            h.Journal.AppendAsync([new JournaledEvent(next, new SymbolReduceOnlyChanged("MSFT", true, "from the command line") { Time = now }),
                new JournaledEvent(next + 1, new FlattenRequested("from the command line") { Symbol = "MSFT", Time = now })], CancellationToken.None)
                .AsTask().GetAwaiter().GetResult();
        });

        await h.UntilAsync(() => Closes(h).Count == 1, "the close, sent at start-up");
        var close = Assert.Single(Closes(h));
        Assert.Equal(("MSFT", OrderSide.Sell, 10m), (close.Symbol, close.Side, close.Quantity));
        Assert.Equal(10m, h.State.PositionQuantity("AAPL"));
    }

    [Fact]
    public async Task AHaltedBot_MakesTheSymbolReduceOnly_ButStartsNoFlatten_AndSaysWhy()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.OpenAsync("a1", "AAPL", SignalDirection.Long, 100m);
        await SendAsync(h, new SetTradingState(TradingState.Halted, "stop"));
        await SendAsync(h, new FlattenSymbol("AAPL", "news"));
        await TickAsync(h);

        Assert.Equal("news", h.State.ReduceOnlySymbols["AAPL"]);
        Assert.Empty(h.EventsOf<FlattenRequested>());
        Assert.Empty(Closes(h));
        Assert.Equal("AAPL is reduce-only now, but the bot is halted and sends nothing: reduce or resume it, then flatten AAPL again",
            Assert.Single(h.EventsOf<AlertRaised>(), a => a.Code == "FlattenRefused").Message);
    }

    [Fact]
    public async Task AKill_EndsTheSymbolsFlatten_ButTheBotsResumeDoesNot()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.OpenAsync("a1", "AAPL", SignalDirection.Long, 100m);
        h.Venue.OnSubmit = (_, _) => SubmitReply.Reject;
        await SendAsync(h, new SetTradingState(TradingState.Reducing, "careful"));
        await SendAsync(h, new FlattenSymbol("AAPL", "news"));
        await SendAsync(h, new SetTradingState(TradingState.Active, "go on"));
        Assert.True(h.State.FlattenSymbols.ContainsKey("AAPL"));

        await SendAsync(h, new SetTradingState(TradingState.Halted, "stop"));
        Assert.Empty(h.State.FlattenSymbols);
        Assert.Equal("news", h.State.ReduceOnlySymbols["AAPL"]);
    }

    [Fact]
    public async Task TheWholeBotsFlatten_TakesOverTheSymbols_AndItsCompletionEndsThem()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.OpenAsync("a1", "AAPL", SignalDirection.Long, 100m);
        await h.OpenAsync("m1", "MSFT", SignalDirection.Long, 50m);
        h.Venue.OnSubmit = (_, _) => SubmitReply.Reject;
        await SendAsync(h, new FlattenSymbol("AAPL", "news"));
        h.Venue.OnSubmit = (_, _) => SubmitReply.Accept;
        await SendAsync(h, new FlattenAll("panic"));

        var closes = Closes(h).Skip(1).ToList();
        Assert.Equal(["AAPL", "MSFT"], closes.Select(c => c.Symbol));
        foreach (var close in closes) await FillCloseAsync(h, close, 50m);

        Assert.Null(Assert.Single(h.EventsOf<FlattenCompleted>()).Symbol);
        Assert.Empty(h.State.FlattenSymbols);
        Assert.Null(h.State.FlattenReason);
    }

    [Fact]
    public async Task AReduceOnlySymbol_DeniesEntriesAndAdds_ButLetsExitsOut_AndIsKeptAcrossARestart()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.OpenAsync("a1", "AAPL", SignalDirection.Long, 100m);
        await SendAsync(h, new SetSymbolReduceOnly("AAPL", true, "halted at the exchange"));
        await h.RestartAsync();

        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("a2", "AAPL", SignalDirection.Long, target: 20m);
        await h.UntilEventAsync<SignalDenied>(d => d.SignalId == "a2");
        var denied = h.EventsOf<SignalDenied>().Single(d => d.SignalId == "a2");
        Assert.Equal((DenyReason.SymbolReduceOnly, "AAPL is reduce-only: halted at the exchange"), (denied.Reason, denied.Detail));
        await h.SignalAsync("a3", "AAPL", SignalDirection.Flat);
        await h.UntilEventAsync<OrderInitialized>(i => i.SignalId == "a3");
        Assert.Equal(TradingState.Active, h.State.TradingState);
    }
}
