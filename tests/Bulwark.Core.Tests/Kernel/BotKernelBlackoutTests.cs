using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>Blackout days: no new exposure in their symbols, exits pass, and a blackout that exits closes the position.</summary>
public sealed class BotKernelBlackoutTests
{
    /// <summary>Monday 4 March 2024, 10:00 New York: the day before the blackouts below.</summary>
    private static readonly DateTimeOffset Monday = new(2024, 3, 4, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Tuesday = Monday.AddDays(1);

    private static Task<KernelHarness> StartAsync(params Blackout[] blackouts) =>
        KernelHarness.StartAsync(o => o with { Blackouts = new Blackouts(blackouts) }, Monday);

    private static Blackout On(string symbol, DateOnly from, DateOnly to, string reason = "", bool exit = false) =>
        new(symbol, from, to, reason, exit);

    private static readonly DateOnly Mar5 = new(2024, 3, 5);
    private static readonly DateOnly Mar6 = new(2024, 3, 6);

    [Fact]
    public async Task OnABlackoutDay_EntriesInItsSymbolAreDenied_TheOtherSymbolTrades_AndTheDayAfterIsFree()
    {
        await using var h = await StartAsync(On("AAPL", Mar5, Mar5, "earnings"));
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("monday", "AAPL", SignalDirection.Long);
        await h.UntilAsync(() => h.Venue.Submits.Count == 1, "Monday's entry");
        h.Venue.PushFill(h.OrderOf("monday"), 10m, 100m);
        await h.UntilAsync(() => h.State.PositionQuantity("AAPL") == 10m, "its fill");

        h.Time.Set(Tuesday);
        await h.BarAsync("AAPL", 101m);
        await h.BarAsync("MSFT", 300m);
        await h.SignalAsync("add", "AAPL", SignalDirection.Long, target: 20m);
        await h.SignalAsync("other", "MSFT", SignalDirection.Long);
        await h.UntilAsync(() => h.Venue.Submits.Count == 2, "MSFT's entry");
        await h.SettleAsync();

        var denied = Assert.Single(h.EventsOf<SignalDenied>());
        Assert.Equal(("add", DenyReason.Blackout), (denied.SignalId, denied.Reason));
        Assert.Equal("AAPL blackout 2024-03-05 (earnings): no new entries before 2024-03-06", denied.Detail);
        // A blackout that does not exit leaves the position to the strategy: no exit was sent.
        Assert.DoesNotContain(h.EventsOf<OrderInitialized>(), o => o.Tag == BotKernel.BlackoutTag);

        await h.SignalAsync("exit", "AAPL", SignalDirection.Flat);
        await h.UntilAsync(() => h.Venue.Submits.Count == 3, "the exit on the blackout day");

        h.Venue.PushFill(h.OrderOf("exit"), 10m, 101m);
        await h.UntilAsync(() => h.State.PositionQuantity("AAPL") == 0m, "the exit's fill");

        h.Time.Set(Tuesday.AddDays(1));
        await h.BarAsync("AAPL", 102m);
        await h.SignalAsync("wednesday", "AAPL", SignalDirection.Long);
        await h.UntilAsync(() => h.Venue.Submits.Count == 4, "Wednesday's entry");
    }

    [Fact]
    public async Task ABlackoutForEverySymbol_DeniesEach_NamingTheSymbol()
    {
        await using var h = await StartAsync(On(Blackouts.AllSymbols, Mar5, Mar6, "FOMC"));
        h.Time.Set(Tuesday);
        await h.BarAsync("MSFT", 300m);
        await h.SignalAsync("msft", "MSFT", SignalDirection.Long);
        await h.SettleAsync();

        var denied = Assert.Single(h.EventsOf<SignalDenied>());
        Assert.Equal(DenyReason.Blackout, denied.Reason);
        Assert.Equal("MSFT blackout 2024-03-05..2024-03-06 (FOMC, every symbol): no new entries before 2024-03-07", denied.Detail);
        Assert.Empty(h.Venue.Submits);
    }

    [Fact]
    public async Task ABlackoutThatExits_ClosesThePositionAtItsFirstBar_InTheOpeningSourcesName_AndCancelsAWorkingEntry()
    {
        await using var h = await StartAsync(On("AAPL", Mar5, Mar5, "earnings", exit: true));
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("long", "AAPL", SignalDirection.Long, source: "trend");
        await h.UntilAsync(() => h.Venue.Submits.Count == 1, "Monday's entry");
        h.Venue.PushFill(h.OrderOf("long"), 10m, 100m);
        await h.UntilAsync(() => h.State.PositionQuantity("AAPL") == 10m, "its fill");
        await h.BarAsync("MSFT", 300m);
        await h.SignalAsync("msft", "MSFT", SignalDirection.Long);
        await h.UntilAsync(() => h.Venue.Submits.Count == 2, "MSFT's entry, left working");

        // A bar of MSFT on the blackout day leaves MSFT alone; AAPL's first bar closes AAPL.
        h.Time.Set(Tuesday);
        await h.BarAsync("MSFT", 301m);
        await h.BarAsync("AAPL", 99m);
        await h.UntilAsync(() => h.EventsOf<OrderInitialized>().Any(o => o.Tag == BotKernel.BlackoutTag), "the blackout's exit");
        await h.SettleAsync();

        var exit = h.EventsOf<OrderInitialized>().Single(o => o.Tag == BotKernel.BlackoutTag);
        Assert.Equal(("AAPL", OrderSide.Sell, 10m, "trend"), (exit.Symbol, exit.Side, exit.Quantity, exit.Source));
        Assert.Equal(0, h.Venue.CancelsOf(h.OrderOf("msft")));

        // Another bar while the exit works sends nothing more; once it fills, the position stays flat.
        await h.BarAsync("AAPL", 98m);
        await h.SettleAsync();
        Assert.Single(h.EventsOf<OrderInitialized>(), o => o.Tag == BotKernel.BlackoutTag);
        h.Venue.PushFill(exit.ClientOrderId, 10m, 98m);
        await h.UntilAsync(() => h.State.PositionQuantity("AAPL") == 0m, "the exit's fill");
        await h.BarAsync("AAPL", 97m);
        await h.SignalAsync("again", "AAPL", SignalDirection.Long, source: "trend");
        await h.SettleAsync();
        Assert.Contains(h.EventsOf<SignalDenied>(), d => d.SignalId == "again" && d.Reason == DenyReason.Blackout);
        Assert.Single(h.EventsOf<OrderInitialized>(), o => o.Tag == BotKernel.BlackoutTag);
    }

    [Fact]
    public async Task ABlackoutThatExits_CancelsTheEntryStillWorkingInItsSymbol()
    {
        await using var h = await StartAsync(On("AAPL", Mar5, Mar5, exit: true));
        await h.BarAsync("AAPL", 100m);
        await h.SignalAsync("long", "AAPL", SignalDirection.Long);
        await h.UntilAsync(() => h.Venue.Submits.Count == 1, "Monday's entry, left working");

        h.Time.Set(Tuesday);
        await h.BarAsync("AAPL", 99m);
        await h.UntilAsync(() => h.Venue.CancelsOf(h.OrderOf("long")) == 1, "the entry's cancel");
        await h.UntilAsync(() => h.State.OpenOrderCount == 0, "the cancel's confirmation");
        Assert.Equal(0m, h.State.PositionQuantity("AAPL"));
    }

    [Theory]
    [InlineData("symbol,from,to,reason,exit\nAAPL,2024-05-02,,earnings,true\n* ,2024-06-12,2024-06-12,,\n", null)]
    [InlineData("symbol,to,from\nAAPL,2024-05-03,2024-05-02\n", null)]
    [InlineData("symbol,from\nAAPL,2024-05-02\n", "line 1: no 'to' column")]
    [InlineData("symbol,from,to\nAAPL,2024-05-03,2024-05-02\n", "line 2: to 2024-05-02 is before from 2024-05-03")]
    [InlineData("symbol,from,to\nAAPL,2024-05-03,2024-05-04\nMSFT,03/05/2024,\n", "line 3: from '03/05/2024' is not a date (yyyy-MM-dd)")]
    [InlineData("symbol,from,to,exit\nAAPL,2024-05-03,,yes\n", "line 2: exit 'yes' is not true or false")]
    [InlineData("symbol,from,to\n,2024-05-03,\n", "line 2: no symbol (give * for every symbol)")]
    public void TheFile_IsReadByItsHeader_AndABadRowNamesItsLine(string csv, string? problem)
    {
        var blackouts = BlackoutCsv.Parse(csv.Split('\n'), out var found);

        if (problem is not null)
        {
            Assert.Null(blackouts);
            Assert.StartsWith($"'b.csv' {problem}", found!.Value.In("b.csv"), StringComparison.Ordinal);
            return;
        }
        Assert.Null(found);
        var first = blackouts!.All[0];
        Assert.Equal(("AAPL", new DateOnly(2024, 5, 2)), (first.Symbol, first.From));
        Assert.Equal(csv.StartsWith("symbol,to", StringComparison.Ordinal) ? new DateOnly(2024, 5, 3) : first.From, first.To);
    }

    [Fact]
    public void AnExitingRow_OutranksAnEntriesOnlyRow_ForEverySymbolOrItsOwn()
    {
        var blackouts = new Blackouts([On("AAPL", Mar5, Mar5, "own"), On(Blackouts.AllSymbols, Mar5, Mar6, "all", exit: true)]);

        Assert.Equal("all", blackouts.Find("AAPL", Mar5)!.Reason);
        Assert.Equal("all", blackouts.Find("MSFT", Mar6)!.Reason);
        Assert.Null(blackouts.Find("AAPL", Mar5.AddDays(-1)));
        Assert.Null(new Blackouts([On("AAPL", Mar5, Mar5)]).Find("MSFT", Mar5));
    }
}
