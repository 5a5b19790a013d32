using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Strategies;

namespace Bulwark.Backtest.Tests;

/// <summary>A cash account (<see cref="BacktestOptions.AllowShort"/> false): the venue refuses a sell beyond the position, and says why.</summary>
public sealed class ShortSellingTests
{
    private static readonly Instrument Spy = new("SPY", AssetClass.Equity);

    [Fact]
    public async Task CashAccount_RejectsTheShortEntry_KeepsTheExit_AndRecordsWhy()
    {
        // long on bar 1, flat on bar 3, short on bar 5, flat on bar 7.
        var script = new Script("script", (1, SignalDirection.Long), (3, SignalDirection.Flat), (5, SignalDirection.Short), (7, SignalDirection.Flat));

        var result = await BacktestEngine.RunAsync(Bars(10), [script], Options() with { AllowShort = false }, CancellationToken.None);

        Assert.Equal([OrderSide.Buy, OrderSide.Sell, OrderSide.Sell], result.Orders.Select(o => o.Side));
        Assert.All(result.Orders.Take(2), o => Assert.NotNull(o.FilledAt));
        var shortEntry = result.Orders[2];
        Assert.Null(shortEntry.FilledAt);
        Assert.Null(shortEntry.Denied); // the kernel sent it; the venue refused it
        Assert.Contains("Short selling is off", shortEntry.Rejected, StringComparison.Ordinal);
        Assert.Equal(2, result.Buys + result.Sells);
        var source = Assert.Single(result.Sources);
        Assert.Equal((3L, 0L, 1L, 2L), (source.Orders, source.OrdersDenied, source.OrdersRejected, source.Fills));
    }

    [Fact]
    public async Task MarginAccount_TheDefault_FillsTheSameScriptsShortEntryAndItsCover()
    {
        var script = new Script("script", (1, SignalDirection.Long), (3, SignalDirection.Flat), (5, SignalDirection.Short), (7, SignalDirection.Flat));

        var result = await BacktestEngine.RunAsync(Bars(10), [script], Options(), CancellationToken.None);

        Assert.Equal([OrderSide.Buy, OrderSide.Sell, OrderSide.Sell, OrderSide.Buy], result.Orders.Select(o => o.Side));
        Assert.All(result.Orders, o => Assert.Null(o.Rejected));
        Assert.Equal(4, result.Buys + result.Sells);
        Assert.Equal(0, Assert.Single(result.Sources).OrdersRejected);
    }

    private static BacktestOptions Options() => new()
    {
        Instruments = new Dictionary<string, Instrument> { [Spy.Symbol] = Spy },
        EnforceTradingHours = false,
    };

    private static List<Bar> Bars(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Bar("SPY", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i),
            10m, 11m, 9m, 10m, 100m, TimeSpan.FromDays(1)))];

    /// <summary>Signals a direction on given bars (counted from 1).</summary>
    private sealed class Script(string source, params (int Bar, SignalDirection Direction)[] steps) : IStrategy
    {
        private int _bars;
        public string Source => source;
        public bool Handles(string symbol) => true;

        public void OnBar(in Bar bar, IStrategyContext context)
        {
            _bars++;
            foreach (var (at, direction) in steps)
                if (at == _bars) context.Signal(source, bar.Symbol, direction);
        }
    }
}
