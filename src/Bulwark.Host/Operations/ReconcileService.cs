using Bulwark.Core.Kernel;
using Bulwark.Core.Reconciliation;
using Bulwark.Host.Configuration;
using Bulwark.Host.Running;
using Bulwark.Storage;

namespace Bulwark.Host.Operations;

/// <summary>`bulwark reconcile`: the engine's stored state against what the venue says now.</summary>
public static class ReconcileService
{
    public static async Task<Core.Reconciliation.ReconciliationReport> RunAsync(BotConfig bot, BotPaths paths, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var state = await StatusReader.LoadStateAsync(paths, time, cancellationToken).ConfigureAwait(false) ?? new KernelState();
        var instruments = bot.InstrumentMap();
        var venue = await VenueFactory.OpenAsync(bot.Venue, paths, instruments, time, cancellationToken).ConfigureAwait(false);
        try
        {
            var positions = await venue.GetPositionsAsync(cancellationToken).ConfigureAwait(false);
            var open = await venue.GetOrdersAsync(openOnly: true, cancellationToken).ConfigureAwait(false);
            var cash = await venue.GetAccountCashAsync(cancellationToken).ConfigureAwait(false);
            var report = Reconciler.Compare(state, bot.Id + "-", positions, open, time.GetUtcNow(), cash);
            if (File.Exists(paths.Journal))
            {
                await using var journal = await SqliteJournal.OpenAsync(paths.Journal, time, cancellationToken).ConfigureAwait(false);
                await journal.SaveReconciliationReportAsync(report.Time, report.InSync, report.Discrepancies.Count,
                    ReconciliationJson.Serialize(report), cancellationToken).ConfigureAwait(false);
            }
            return report;
        }
        finally
        {
            if (venue is IAsyncDisposable d) await d.DisposeAsync().ConfigureAwait(false);
        }
    }
}
