using Bulwark.Core.Calendar;
using Bulwark.Core.Execution;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Strategies;
using Bulwark.Storage;
using Bulwark.Venues.Paper;

namespace Bulwark.Host.Tests.Running;

/// <summary>
/// A grid bot on a real SQLite journal and a paper venue that outlives it (like a broker): a new kernel with a new
/// strategy instance continues the same grid, neither re-placing its levels nor forgetting them.
/// </summary>
public sealed class GridRestartTests : IDisposable
{
    private static readonly Instrument Sample = new("SAMPLE", AssetClass.Equity);
    private static readonly DateTimeOffset Start = new(2024, 3, 4, 15, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("bulwark-grid-restart-").FullName;
    private readonly SimulatedTimeProvider _clock = new(Start);
    private readonly Dictionary<string, Instrument> _instruments = new(StringComparer.Ordinal) { [Sample.Symbol] = Sample };

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private BotKernelOptions Options() => new()
    {
        BotId = "grid-bot",
        Instruments = _instruments,
        StartingCash = 10_000m,
        TradingHours = new TradingHoursOptions { Enforce = false },
        FillValidation = new FillValidationOptions { MaxFillAgeSeconds = int.MaxValue },
    };

    private static GridStrategy NewGrid() => new("grid", [Sample.Symbol], new GridOptions { LevelsPerSide = 2, SpacingPercent = 1m });

    private async Task BarAsync(BotKernel kernel, SqliteJournal journal, PaperVenue venue, int day, decimal high, decimal low, decimal close)
    {
        var bar = new Bar(Sample.Symbol, Start.AddDays(day), close, high, low, close, 1_000m, TimeSpan.FromDays(1));
        _clock.AdvanceTo(bar.Time);
        await venue.OnBarAsync(bar, CancellationToken.None);
        await kernel.SendAsync(new MarketBar(bar));
        long last;
        do
        {
            last = journal.LastSequence;
            await kernel.FlushAsync();
        } while (journal.LastSequence != last);
    }

    /// <summary>The paper venue's book lives in its own database, so it outlives each process like a broker.</summary>
    private Task<PaperVenue> OpenVenueAsync() => PaperVenue.OpenAsync(Path.Combine(_dir, "paper.db"),
        new PaperVenueOptions { InitialCash = 10_000m }, _instruments, _clock, CancellationToken.None);

    private static string GridJson(KernelState state) =>
        System.Text.Json.JsonSerializer.Serialize(state.GridOf("grid", Sample.Symbol), KernelGridJson.Default.GridBook);

    [Fact]
    public async Task RestartedKernel_ContinuesTheJournaledGrid_WithoutReplacingOrForgettingLevels()
    {
        var journalPath = Path.Combine(_dir, "journal.db");
        string before;
        long sequenceBefore;
        await using (var journal = await SqliteJournal.OpenAsync(journalPath, _clock, CancellationToken.None))
        await using (var venue = await OpenVenueAsync())
        {
            var kernel = new BotKernel(Options(), journal, journal, venue, _clock, [NewGrid()]);
            await kernel.StartAsync(CancellationToken.None);
            await BarAsync(kernel, journal, venue, 0, 100m, 100m, 100m);  // builds around 100: buys 99, 98; sells 101, 102
            await BarAsync(kernel, journal, venue, 1, 100m, 98.5m, 99m);  // the buy at 99 fills: a sell goes to 100
            var grid = kernel.State.GridOf("grid", Sample.Symbol)!;
            Assert.Equal(1m, grid.ImpliedInventory);
            Assert.Equal([-2, 0, 1, 2], grid.Levels.Keys);
            before = KernelStateJson.Serialize(kernel.State);
            sequenceBefore = kernel.State.OrderSequence;
            await kernel.StopAsync();
            await kernel.DisposeAsync();
        }

        await using (var journal = await SqliteJournal.OpenAsync(journalPath, _clock, CancellationToken.None))
        await using (var venue = await OpenVenueAsync())
        {
            var kernel = new BotKernel(Options(), journal, journal, venue, _clock, [NewGrid()]);
            await kernel.StartAsync(CancellationToken.None);
            Assert.True(kernel.LastReconciliation!.InSync, string.Join("; ", kernel.LastReconciliation.Discrepancies));
            var restored = kernel.State.GridOf("grid", Sample.Symbol)!;
            // The grid's journaled state is exactly what the first kernel left.
            Assert.Equal(GridJson(KernelStateJson.Deserialize(before)), GridJson(kernel.State));
            Assert.Equal((100m, 1m, 1m, 1L), (restored.Center, restored.Step, restored.ImpliedInventory, restored.Builds));
            Assert.Equal([-2, 0, 1, 2], restored.Levels.Keys);

            // A bar inside the grid that trades nothing: nothing is placed again.
            await BarAsync(kernel, journal, venue, 2, 99.8m, 99.2m, 99.5m);
            Assert.Equal(sequenceBefore, kernel.State.OrderSequence);
            var open = await venue.GetOrdersAsync(openOnly: true, CancellationToken.None);
            Assert.Equal(restored.Levels.Values.Select(l => l.ClientOrderId).Order(StringComparer.Ordinal),
                open.Select(o => o.ClientOrderId).Order(StringComparer.Ordinal));

            // The sell the first kernel placed at 100 fills: the new kernel's strategy puts the buy back at 99.
            await BarAsync(kernel, journal, venue, 3, 100.5m, 99.6m, 100.2m);
            var after = kernel.State.GridOf("grid", Sample.Symbol)!;
            Assert.Equal(0m, after.ImpliedInventory);
            Assert.Equal((OrderSide.Buy, 99m), (after.Levels[-1].Side, after.Levels[-1].Price));
            Assert.Equal(sequenceBefore + 1, kernel.State.OrderSequence);
            Assert.Equal(TradingState.Active, kernel.State.TradingState);
            await kernel.StopAsync();
            await kernel.DisposeAsync();
        }
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(GridBook))]
internal sealed partial class KernelGridJson : System.Text.Json.Serialization.JsonSerializerContext;
