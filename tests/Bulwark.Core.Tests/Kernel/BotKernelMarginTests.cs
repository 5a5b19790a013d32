using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// The kernel keeps the paper venue's futures-like books: the same cash after the same fills and closes (the numbers
/// are those of the venue's flip test), every settlement a journaled event that replays to the same state.
/// </summary>
public sealed class BotKernelMarginTests
{
    private static Task<KernelHarness> StartAsync() => KernelHarness.StartAsync(o => o with
    {
        Instruments = new Dictionary<string, Instrument>(o.Instruments, StringComparer.Ordinal)
        {
            ["FUT"] = new("FUT", AssetClass.Equity, tickSize: 0.25m, multiplier: 10m, initialMargin: 2_000m),
        },
    });

    [Fact]
    public async Task CashAndEquity_FollowMarginPostedAndEveryClose_ThroughAFlip()
    {
        await using var h = await StartAsync();

        await h.OpenAsync("s1", "FUT", SignalDirection.Long, 100m, target: 1m);
        Assert.Equal((98_000m, 100_000m), (h.State.Cash, h.Kernel.Equity())); // margin parked, not spent

        await h.BarAsync("FUT", 105m);
        await h.SettleAsync();
        var settled = Assert.Single(h.EventsOf<VariationMarginSettled>());
        Assert.Equal(("FUT", 105m), (settled.Symbol, settled.Price));
        Assert.Equal((98_050m, 100_050m), (h.State.Cash, h.Kernel.Equity()));

        await h.OpenAsync("s2", "FUT", SignalDirection.Short, 110m, target: -2m); // sells 3 at 110
        Assert.Equal(100_000m - 2_000m + 100m - 2_000m, h.State.Cash);

        await h.BarAsync("FUT", 120m);
        await h.SettleAsync();
        Assert.Equal(95_900m, h.State.Cash);
        // Value = cash + margin held = starting cash + 100 realized - 200 open.
        Assert.Equal(99_900m, h.Kernel.Equity());
        Assert.Equal((-2m, 120m), (h.State.Positions["FUT"].Quantity, h.State.Positions["FUT"].SettlementPrice));
    }

    [Fact]
    public async Task Restart_ReplaysTheSettlements_ToTheSameStateAndEquity()
    {
        await using var h = await StartAsync();
        await h.OpenAsync("s1", "FUT", SignalDirection.Long, 100m, target: 2m);
        await h.BarAsync("FUT", 97.5m);
        await h.BarAsync("FUT", 103m);
        await h.SettleAsync();
        var before = KernelStateJson.Serialize(h.State);
        var equity = h.Kernel.Equity();

        await h.RestartAsync();

        var (replayed, _, _) = await BotKernel.LoadStateAsync(h.Journal, h.Journal, CancellationToken.None);
        Assert.Equal(Books(before), Books(KernelStateJson.Serialize(replayed)));
        Assert.Equal(Books(before), Books(KernelStateJson.Serialize(h.State)));
        Assert.Equal(100_000m - 4_000m + 60m, h.State.Cash);
        // No mark seen since the restart: a margined position is valued at its last settlement.
        Assert.Equal(equity, h.Kernel.Equity());
    }

    [Fact]
    public async Task OrdinaryInstruments_GetNoSettlementEvents()
    {
        await using var h = await StartAsync();
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        await h.BarAsync("AAPL", 101m);
        await h.BarAsync("FUT", 50m); // no FUT position: nothing to settle either
        await h.SettleAsync();

        Assert.Empty(h.EventsOf<VariationMarginSettled>());
        Assert.Equal(100_000m - 1_000m, h.State.Cash);
    }

    /// <summary>Cash and positions: the state without the start-up bookkeeping a restart adds (sequence, counters).</summary>
    private static string Books(string stateJson)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(stateJson);
        return doc.RootElement.GetProperty("cash").GetRawText() + doc.RootElement.GetProperty("positions").GetRawText();
    }
}
