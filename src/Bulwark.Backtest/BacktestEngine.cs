using Bulwark.Core.Calendar;
using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Core.Strategies;
using Bulwark.Venues.Paper;

namespace Bulwark.Backtest;

/// <summary>
/// Runs strategies over historical bars through the same kernel and paper venue rules as live trading, on a simulated
/// clock: the kernel in driven mode (no loop; each bar is one synchronous step) and the paper venue in memory. Each
/// bar: the clock moves to the bar, the venue fills what was ordered before it (next-open fills) and marks margined
/// positions to the close, then the kernel and its strategies see the bar, and the step returns when everything it
/// caused (orders, venue answers) is settled; with <see cref="BacktestFill.Close"/> the venue fills the orders the bar
/// caused at once, at its close.
/// Bars are streamed: nothing per bar is kept except the equity curve, which <see cref="BacktestOptions.EquityCurve"/>
/// may sample.
/// </summary>
public static class BacktestEngine
{
    public static async Task<BacktestResult> RunAsync(IEnumerable<Bar> bars, IReadOnlyList<IStrategy> strategies,
        BacktestOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(options);
        using var feed = bars.GetEnumerator();
        if (!feed.MoveNext()) throw new ArgumentException("A backtest needs at least one bar.", nameof(bars));
        var clock = new SimulatedTimeProvider(feed.Current.Time);
        if (options.Journal is { LastSequence: > 0 })
            throw new ArgumentException("A backtest's journal must start empty; it already holds events.", nameof(options));
        var journal = new BacktestJournal(options.Journal);
        await using var venue = PaperVenue.InMemory(new PaperVenueOptions
        {
            InitialCash = options.Cash,
            PerFill = options.CommissionPerFill,
            PerShare = options.CommissionPerShare,
            PercentOfNotional = options.CommissionPercent,
            MinimumPerFill = options.MinimumCommission,
            MaximumPercentOfNotional = options.MaximumCommissionPercent,
            SlippageBps = options.SlippageBps,
            SlippageTicks = options.SlippageTicks,
            ImpactPercent = options.ImpactPercent,
            MaxVolumeParticipation = options.MaxVolumeParticipation,
            AllowShort = options.AllowShort,
            LimitFill = options.LimitFill,
            FinancingLongPercent = options.FinancingLongPercent,
            FinancingShortPercent = options.FinancingShortPercent,
            FinancingBySymbol = options.FinancingBySymbol,
            CashInterest = options.CashInterest,
            CashInterestFreeBalance = options.CashInterestFreeBalance,
            Dividends = options.Dividends,
            MarketFill = options.Fill == BacktestFill.Close ? PaperMarketFill.LastPrice : PaperMarketFill.NextOpen,
        }, options.Instruments, clock,
            retainHistory: false, // the journal keeps what the result needs
            singleCaller: true); // the driven kernel and this loop call it on this thread, one call at a time
        var kernel = new BotKernel(KernelOptions(options), journal, journal, venue, clock, strategies);
        await using (kernel.ConfigureAwait(false))
        {
            await kernel.StartDrivenAsync(cancellationToken).ConfigureAwait(false);
            var filters = Filters(options);
            WarmUp(kernel, options.WarmUpBars, filters);
            var curve = new EquityCurveRecorder(options.EquityCurve);
            int processed = 0, skipped = 0, seen = 0;
            var progress = options.Progress;
            do
            {
                if ((++seen & (BacktestProgress.Block - 1)) == 0) progress?.Add(BacktestProgress.Block);
                var bar = feed.Current;
                if (filters.Count > 0 && filters.TryGetValue(bar.Symbol, out var filter) && !filter.Accepts(bar))
                {
                    skipped++;
                    continue;
                }
                if ((processed & 4095) == 0) cancellationToken.ThrowIfCancellationRequested();
                clock.AdvanceTo(bar.Time);
                var matched = venue.OnBarAsync(bar, cancellationToken);
                if (!matched.IsCompletedSuccessfully) await matched.ConfigureAwait(false);
                kernel.Step(bar);
                processed++;
                // Settled: the step handled everything the bar caused, so the state can be read here.
                if (curve.Wants) curve.Add(new EquityPoint(bar.Time, kernel.Equity(), kernel.State.Cash));
            } while (feed.MoveNext());
            progress?.Add(seen & (BacktestProgress.Block - 1));
            await kernel.StopAsync(cancellationToken).ConfigureAwait(false);
            return new BacktestResult(options.Cash, kernel.Equity(), kernel.State.Cash, processed, skipped,
                journal.Orders, curve.Finish())
            {
                StrategyFailures = journal.StrategyFailures,
                Financing = kernel.State.CashFinancingTotal,
                Interest = kernel.State.CashInterestTotal,
                Dividends = kernel.State.CashDividendTotal,
                CashInterest = options.CashInterest,
                Fill = options.Fill,
                FinancingCharges = journal.FinancingCharges,
                Year = TradingYear.Widest(options.Instruments.Values.Select(i => i.Exchange)),
                ExchangeTimeZone = ExchangeTimeZone(options),
                Notices = journal.Notices.Notices,
                NoticeCounts = journal.Notices.Counts,
                Sources = SourceResults(kernel.State, strategies, journal),
            };
        }
    }

    /// <summary>The time zone every instrument's exchange calendar keeps (XNYS and XNAS share New York's); null when they differ.</summary>
    private static TimeZoneInfo? ExchangeTimeZone(BacktestOptions options)
    {
        TimeZoneInfo? zone = null;
        foreach (var instrument in options.Instruments.Values)
        {
            if (!options.Calendars.TryGetValue(instrument.Exchange, out var calendar) && !ExchangeCalendars.TryGet(instrument.Exchange, out calendar))
                return null;
            if (zone is not null && zone.Id != calendar.TimeZone.Id) return null;
            zone = calendar.TimeZone;
        }
        return zone;
    }

    /// <summary>
    /// Shows the warm-up bars to the strategies through the kernel (<see cref="WarmUpBar"/>: they may only wait), before
    /// the first bar traded; bars outside the sessions are left out as the run leaves them out, so the strategies see
    /// the same kind of history.
    /// </summary>
    private static void WarmUp(BotKernel kernel, IReadOnlyList<Bar> warmUp, Dictionary<string, SessionBarFilter> filters)
    {
        foreach (var bar in warmUp)
            if (filters.Count == 0 || !filters.TryGetValue(bar.Symbol, out var filter) || filter.Accepts(bar)) kernel.Step(new WarmUpBar(bar));
    }

    /// <summary>
    /// The kernel's settings: a configured bot's own ones when the options carry them; otherwise a research backtest's
    /// fixed quantity, no risk limit and no kernel trading hours (bars outside sessions never reach the kernel).
    /// </summary>
    private static BotKernelOptions KernelOptions(BacktestOptions options) => new()
    {
        BotId = options.BotId,
        Instruments = options.Instruments,
        StartingCash = options.Cash,
        Currency = options.Currency,
        Sizing = options.EffectiveSizing,
        AllocationPercents = options.AllocationPercents ?? new Dictionary<string, decimal>(StringComparer.Ordinal),
        Risk = options.Risk ?? new RiskLimits { MaxPositionNotional = decimal.MaxValue / 4, MaxOrderNotional = decimal.MaxValue / 4 },
        TradingHours = options.TradingHours ?? new TradingHoursOptions { Enforce = false },
        Calendars = options.Calendars,
        FillValidation = options.FillValidation ?? new Core.Execution.FillValidationOptions { MaxFillAgeSeconds = int.MaxValue },
        DataQuality = options.DataQuality ?? new Core.MarketData.DataQualityOptions(),
        Blackouts = options.Blackouts ?? Blackouts.None,
        TakeSnapshots = false, // the run's state is never loaded again: the journal's snapshot store would only discard it
    };

    /// <summary>
    /// Each signal source's feedback statistics at the end of the run, by name: every strategy's (zeros if it never
    /// signalled) and any other the kernel used (the end-of-day flatten). Risk denials are counted from the orders.
    /// </summary>
    private static List<BacktestSourceResult> SourceResults(KernelState state, IReadOnlyList<IStrategy> strategies,
        BacktestJournal journal)
    {
        var orders = journal.Orders;
        var deniedOrders = orders.Where(o => o.Denied is not null).CountBy(o => o.Source, StringComparer.Ordinal)
            .ToDictionary(StringComparer.Ordinal);
        var rejectedOrders = orders.Where(o => o.Rejected is not null).CountBy(o => o.Source, StringComparer.Ordinal)
            .ToDictionary(StringComparer.Ordinal);
        return [.. strategies.Select(s => s.Source).Concat(state.Feedback.Keys).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(source =>
            {
                var s = state.Feedback.GetValueOrDefault(source) ?? new Core.Feedback.SourceStats();
                return new BacktestSourceResult(source, s.Signals, s.Denied, s.Orders, deniedOrders.GetValueOrDefault(source),
                    s.Fills, s.RoundTrips, s.Wins, s.RealizedPnl, s.Weight)
                {
                    OrdersRejected = rejectedOrders.GetValueOrDefault(source),
                    Commission = s.Commission,
                    Slippage = s.Slippage,
                    ImplementationShortfall = s.ImplementationShortfall,
                    DeniedByReason = s.DeniedByReason.ToDictionary(d => d.Key.ToString(), d => d.Value, StringComparer.Ordinal),
                };
            })];
    }

    private static Dictionary<string, SessionBarFilter> Filters(BacktestOptions options)
    {
        var filters = new Dictionary<string, SessionBarFilter>(StringComparer.Ordinal);
        if (!options.EnforceTradingHours) return filters;
        foreach (var i in options.Instruments.Values)
            filters[i.Symbol] = new SessionBarFilter(ExchangeCalendars.Get(i.Exchange, options.Calendars),
                options.TradingHours?.Extended ?? false);
        return filters;
    }
}
