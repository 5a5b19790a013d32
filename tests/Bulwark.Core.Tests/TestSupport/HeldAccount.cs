using Bulwark.Core.Model;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Tests.TestSupport;

/// <summary>
/// What the account-level stops' kernel tests share: a kernel whose only size limits are out of the way, holding 200 AAPL
/// bought at 100 from 100,000 in cash (each point AAPL falls is 0.2% of the account), and bars a minute apart.
/// </summary>
internal static class HeldAccount
{
    /// <param name="limits">The stops under test, on limits that size no order out.</param>
    public static async Task<KernelHarness> HoldingAsync(Func<RiskLimits, RiskLimits> limits)
    {
        var h = await KernelHarness.StartAsync(o => o with
        {
            Risk = limits(new RiskLimits { MaxOrderNotional = 1_000_000m, MaxPositionNotional = 1_000_000m }),
        });
        await h.OpenAsync("s1", "AAPL", SignalDirection.Long, 100m, target: 200m);
        return h;
    }

    /// <summary>A minute later, a bar of <paramref name="symbol"/> closing at <paramref name="close"/>, settled.</summary>
    public static async Task BarAsync(KernelHarness h, decimal close, string symbol = "AAPL")
    {
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.BarAsync(symbol, close);
        await h.SettleAsync();
    }
}
