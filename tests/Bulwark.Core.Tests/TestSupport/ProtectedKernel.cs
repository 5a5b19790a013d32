using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Strategies;
using Bulwark.Core.Venues;

namespace Bulwark.Core.Tests.TestSupport;

/// <summary>
/// What the protective-exit kernel tests share: a kernel whose one scripted strategy ("test", on AAPL) has the given
/// protection, and the exits it sent to the venue.
/// </summary>
internal static class ProtectedKernel
{
    public static Task<KernelHarness> StartAsync(ProtectiveStop protection) =>
        KernelHarness.StartAsync(strategies: StrategiesWith(protection));

    /// <summary>The strategies of <see cref="StartAsync"/>, new, as a restarted process builds them.</summary>
    public static IReadOnlyList<IStrategy> StrategiesWith(ProtectiveStop protection) =>
        [new ScriptedStrategy("test", "AAPL") { Protection = protection }];

    /// <summary>One AAPL bar at each close, in order, each settled before the next.</summary>
    public static async Task ClosesAsync(KernelHarness h, params decimal[] closes)
    {
        foreach (var close in closes)
        {
            await h.BarAsync("AAPL", close);
            await h.SettleAsync();
        }
    }

    /// <summary>Three bars with a true range of 2 each: the ATR(3) is 2.</summary>
    public static async Task WarmUpAsync(KernelHarness h)
    {
        await h.BarAsync("AAPL", 101m, 99m, 100m);
        await h.BarAsync("AAPL", 102m, 100m, 101m);
        await h.BarAsync("AAPL", 101m, 99m, 100m);
    }

    /// <summary>A signal for the position <paramref name="target"/>, filled whole at <paramref name="price"/>.</summary>
    public static async Task FillAsync(KernelHarness h, string signalId, decimal target, decimal price)
    {
        await h.SignalAsync(signalId, "AAPL", SignalDirection.Long, target: target);
        await h.UntilEventAsync<OrderAccepted>(e => e.ClientOrderId == h.OrderOf(signalId));
        h.Venue.PushFill(h.OrderOf(signalId), h.State.Orders[h.OrderOf(signalId)].Quantity, price);
        await h.UntilEventAsync<OrderFilled>(e => e.ClientOrderId == h.OrderOf(signalId));
        await h.SettleAsync();
    }

    /// <summary>Every stop order submitted, in order.</summary>
    public static List<OrderRequest> Stops(KernelHarness h) => [.. h.Venue.Submits.Where(r => r.Type == OrderType.Stop)];

    /// <summary>Every limit order (take-profit) submitted, in order.</summary>
    public static List<OrderRequest> Targets(KernelHarness h) => [.. h.Venue.Submits.Where(r => r.Type == OrderType.Limit)];

    /// <summary>The stops and take-profits open at the venue.</summary>
    public static int OpenExitsAtVenue(KernelHarness h) =>
        h.Venue.AllOrders.Count(o => o.Type is OrderType.Stop or OrderType.Limit && o.Status.IsOpen());
}
