using Bulwark.Core.Calendar;
using Bulwark.Core.Journal;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Core.Strategies;
using Bulwark.Venues.Paper;

namespace Bulwark.Backtest;

/// <summary>
/// Runs strategies over historical bars through the same kernel and paper venue as live trading, on a simulated
/// clock. Each bar: the clock moves to the bar, the venue fills what was ordered before it (next-open fills) and
/// marks margined positions to the close, then the kernel and its strategies see the bar, and the driver waits until
/// everything it caused is settled (with <see cref="BacktestFill.Close"/>, the venue fills the orders the bar caused
/// at once, at its close).
/// </summary>
public static class BacktestEngine
{
    public static async Task<BacktestResult> RunAsync(IReadOnlyList<Bar> bars, IReadOnlyList<IStrategy> strategies,
        BacktestOptions options, CancellationToken cancellationToken)
    {
        if (bars.Count == 0) throw new ArgumentException("A backtest needs at least one bar.", nameof(bars));
        var clock = new SimulatedTimeProvider(bars[0].Time);
        var journal = new InMemoryEventJournal();
        var directory = Directory.CreateTempSubdirectory("bulwark-backtest-");
        try
        {
            await using var venue = await PaperVenue.OpenAsync(Path.Combine(directory.FullName, "paper.db"), new PaperVenueOptions
            {
                InitialCash = options.Cash,
                PerFill = options.CommissionPerFill,
                SlippageBps = options.SlippageBps,
                MarketFill = options.Fill == BacktestFill.Close ? PaperMarketFill.LastPrice : PaperMarketFill.NextOpen,
            }, options.Instruments, clock, cancellationToken).ConfigureAwait(false);
            var kernel = new BotKernel(KernelOptions(options), journal, journal, venue, clock, strategies);
            await using (kernel.ConfigureAwait(false))
            {
                await kernel.StartAsync(cancellationToken).ConfigureAwait(false);
                var filters = Filters(options);
                var skipped = 0;
                var curve = new List<EquityPoint>(bars.Count);
                foreach (var bar in bars)
                {
                    if (filters.TryGetValue(bar.Symbol, out var filter) && !filter.Accepts(bar))
                    {
                        skipped++;
                        continue;
                    }
                    clock.AdvanceTo(bar.Time);
                    await venue.OnBarAsync(bar, cancellationToken).ConfigureAwait(false);
                    await kernel.SendAsync(new MarketBar(bar), cancellationToken).ConfigureAwait(false);
                    await SettleAsync(kernel, journal, cancellationToken).ConfigureAwait(false);
                    // Settled: the kernel's loop is idle until the next bar, so its state can be read here.
                    curve.Add(new EquityPoint(bar.Time, kernel.Equity(), kernel.State.Cash));
                }
                await kernel.StopAsync(cancellationToken).ConfigureAwait(false);
                return new BacktestResult(options.Cash, kernel.Equity(), kernel.State.Cash, bars.Count - skipped, skipped,
                    Orders(journal.Events), curve);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static BotKernelOptions KernelOptions(BacktestOptions options) => new()
    {
        BotId = "backtest",
        Instruments = options.Instruments,
        StartingCash = options.Cash,
        Sizing = new SizingOptions { Mode = SizingMode.FixedQuantity, Quantity = options.Size },
        Risk = new RiskLimits { MaxPositionNotional = decimal.MaxValue / 4, MaxOrderNotional = decimal.MaxValue / 4 },
        // Bars outside sessions never reach the kernel; the flatten is for live intraday bots.
        TradingHours = new TradingHoursOptions { Enforce = false },
        FillValidation = new Core.Execution.FillValidationOptions { MaxFillAgeSeconds = int.MaxValue },
        SnapshotEveryEvents = int.MaxValue,
    };

    private static Dictionary<string, SessionBarFilter> Filters(BacktestOptions options)
    {
        var filters = new Dictionary<string, SessionBarFilter>(StringComparer.Ordinal);
        if (!options.EnforceTradingHours) return filters;
        foreach (var i in options.Instruments.Values)
            filters[i.Symbol] = new SessionBarFilter(options.Calendars.TryGetValue(i.Exchange, out var c) ? c : ExchangeCalendars.Get(i.Exchange));
        return filters;
    }

    /// <summary>Flushes until the journal stops growing: router answers and venue events the bar caused are in.</summary>
    private static async Task SettleAsync(BotKernel kernel, InMemoryEventJournal journal, CancellationToken cancellationToken)
    {
        long last;
        do
        {
            last = journal.LastSequence;
            await kernel.FlushAsync(cancellationToken).ConfigureAwait(false);
        } while (journal.LastSequence != last);
    }

    private static List<BacktestOrder> Orders(IReadOnlyList<JournaledEvent> events)
    {
        var orders = new Dictionary<string, BacktestOrder>(StringComparer.Ordinal);
        var filled = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var sequence = new List<string>();
        foreach (var e in events)
        {
            switch (e.Event)
            {
                case OrderInitialized i:
                    orders[i.ClientOrderId] = new BacktestOrder(i.ClientOrderId, i.Symbol, i.Side, i.Quantity, i.Time, i.ExpectedPrice, null, null, 0m);
                    sequence.Add(i.ClientOrderId);
                    break;
                case OrderFilled f when orders.TryGetValue(f.ClientOrderId, out var o) && f.Quantity > 0m:
                    var before = filled.GetValueOrDefault(f.ClientOrderId);
                    var after = before + f.Quantity;
                    filled[f.ClientOrderId] = after;
                    orders[f.ClientOrderId] = o with
                    {
                        FilledAt = o.FilledAt ?? f.FillTime,
                        FillPrice = (((o.FillPrice ?? 0m) * before) + (f.Price * f.Quantity)) / after,
                        Commission = o.Commission + f.Commission,
                    };
                    break;
            }
        }
        return [.. sequence.Select(id => orders[id])];
    }
}
