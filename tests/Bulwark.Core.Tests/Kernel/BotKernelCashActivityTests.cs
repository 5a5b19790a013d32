using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;
using Bulwark.Core.Tests.TestSupport;

namespace Bulwark.Core.Tests.Kernel;

/// <summary>
/// Cash the venue books without an order (financing) reaches the kernel's books once each, whether pushed, pushed
/// again, or booked while the bot was down, and counts in the day's realized result.
/// </summary>
public sealed class BotKernelCashActivityTests
{
    [Fact]
    public async Task APushedActivity_IsJournaledAndApplied_ARedeliveryIsNot()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.OpenAsync("s1", "AAPL", SignalDirection.Short, 100m); // sells 10 at 100

        var charge = h.Venue.BookFinancing("AAPL", -1.25m);
        await h.SettleAsync();
        h.Venue.PushActivity(charge);
        await h.SettleAsync();

        var recorded = Assert.Single(h.EventsOf<CashActivityRecorded>());
        Assert.Equal((1L, "c1", "AAPL", -1.25m), (recorded.Sequence, recorded.ActivityId, recorded.Symbol, recorded.Amount));
        Assert.Equal(100_000m + 1_000m - 1.25m, h.State.Cash);
        Assert.Equal((-1.25m, 1L), (h.State.CashActivityTotal, h.State.LastCashActivitySequence));
        Assert.Equal(-1.25m, h.State.DailyRealizedPnl);
    }

    [Fact]
    public async Task ActivitiesBookedWhileDown_AreAppliedAtRecovery_AndReplayToTheSameBooks()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        h.Venue.BookFinancing("AAPL", -0.10m);
        await h.SettleAsync();

        await h.RestartAsync(whileDown: () =>
        {
            h.Venue.BookFinancing("AAPL", -0.10m, push: false);
            h.Venue.BookFinancing("AAPL", -0.30m, push: false);
        });
        await h.SettleAsync();

        Assert.Equal([1L, 2L, 3L], h.EventsOf<CashActivityRecorded>().Select(a => a.Sequence));
        Assert.Equal(100_000m - 1_000m - 0.50m, h.State.Cash);
        var (replayed, _, _) = await BotKernel.LoadStateAsync(h.Journal, h.Journal, CancellationToken.None);
        Assert.Equal((h.State.Cash, 3L, -0.50m), (replayed.Cash, replayed.LastCashActivitySequence, replayed.CashActivityTotal));
    }

    [Fact]
    public async Task InterestOnCash_IsCountedApartFromFinancing_AndReplaysSo()
    {
        await using var h = await KernelHarness.StartAsync();
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);
        h.Venue.BookFinancing("AAPL", -0.10m);
        h.Venue.BookInterest(9.87m);
        await h.SettleAsync();

        await h.RestartAsync(whileDown: () => h.Venue.BookInterest(10.01m, push: false));
        await h.SettleAsync();

        var interest = h.EventsOf<CashActivityRecorded>().Where(a => a.Kind == Venues.CashActivityKind.Interest).ToList();
        Assert.Equal([(2L, (string?)null), (3L, null)], interest.Select(a => (a.Sequence, a.Symbol)));
        Assert.Equal(100_000m - 1_000m - 0.10m + 19.88m, h.State.Cash);
        Assert.Equal((19.78m, 19.88m), (h.State.CashActivityTotal, h.State.CashInterestTotal));
        var (replayed, _, _) = await BotKernel.LoadStateAsync(h.Journal, h.Journal, CancellationToken.None);
        Assert.Equal((19.78m, 19.88m), (replayed.CashActivityTotal, replayed.CashInterestTotal));
    }

    [Fact]
    public async Task ACashBalanceThatAgreesWithTheVenue_AfterFinancing_ReconcilesWithoutAWarning()
    {
        await using var h = await KernelHarness.StartAsync();
        h.Venue.Cash = 100_000m;
        h.Venue.BookFinancing("AAPL", -2m, push: false);

        await h.RestartAsync();

        var report = Assert.IsType<ReconciliationCompleted>(h.Events.Last(e => e is ReconciliationCompleted));
        Assert.True(report.InSync);
        Assert.Empty(report.Warnings);
        Assert.Equal(99_998m, h.State.Cash);
    }

    [Fact]
    public async Task AChargeThatTakesTheDayPastItsLossLimit_TripsTheBreaker()
    {
        await using var h = await KernelHarness.StartAsync(o => o with { Risk = new RiskLimits { MaxDailyLoss = 50m } });
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m);

        h.Venue.BookFinancing("AAPL", -60m);
        await h.SettleAsync();

        var trip = Assert.Single(h.EventsOf<CircuitBreakerTripped>());
        Assert.Contains("daily loss 60", trip.Reason, StringComparison.Ordinal);
        Assert.Equal(h.Journal.Events.Single(e => e.Event is CashActivityRecorded).Sequence, trip.CausedBy); // the charge tripped it
    }
}
