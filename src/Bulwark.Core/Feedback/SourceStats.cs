using Bulwark.Core.Risk;

namespace Bulwark.Core.Feedback;

/// <summary>Outcome statistics of one signal source; the adaptive weight follows its hit rate.</summary>
public sealed class SourceStats
{
    public long Signals { get; set; }
    public long Denied { get; set; }

    /// <summary><see cref="Denied"/> by reason, in the reasons' declared order; only the reasons that occurred.</summary>
    public SortedDictionary<DenyReason, long> DeniedByReason { get; set; } = [];

    /// <summary>
    /// Orders of this source the risk checks denied after its signal passed (an order's size, the book's limits, the
    /// daily loss stop, the cooldown): the signal counts as received, its order as denied (<see cref="Kernel.Events.OrderDenied"/>).
    /// </summary>
    public long OrdersDenied { get; set; }

    /// <summary><see cref="OrdersDenied"/> by reason, in the reasons' declared order; only the reasons that occurred.</summary>
    public SortedDictionary<DenyReason, long> OrdersDeniedByReason { get; set; } = [];

    /// <summary>The last denial, of a signal, a placement or an order, or null before any.</summary>
    public SourceDenial? LastDenied { get; set; }
    public long Orders { get; set; }
    public long Fills { get; set; }
    public long RoundTrips { get; set; }
    public long Wins { get; set; }
    public decimal RealizedPnl { get; set; }

    /// <summary>What this source's fills (its orders', and the protective exits of positions it opened) paid in commission.</summary>
    public decimal Commission { get; set; }

    /// <summary>What slippage and market impact cost those fills, as the venue reported it (0 where a venue does not know it).</summary>
    public decimal Slippage { get; set; }

    /// <summary>
    /// What the market and stop orders' fills cost against the prices they were decided at (see
    /// <see cref="Execution.DecisionShortfall"/>): the slippage above plus the market's move before each fill.
    /// </summary>
    public decimal ImplementationShortfall { get; set; }

    /// <summary>Counts a denial of a signal or an order placement of this source.</summary>
    public void NoteDenied(DateTimeOffset time, string symbol, DenyReason reason, string detail)
    {
        Denied++;
        DeniedByReason[reason] = DeniedByReason.GetValueOrDefault(reason) + 1;
        LastDenied = new SourceDenial(time, symbol, reason, detail);
    }

    /// <summary>Counts an order of this source the risk checks denied.</summary>
    public void NoteOrderDenied(DateTimeOffset time, string symbol, DenyReason reason, string detail)
    {
        OrdersDenied++;
        OrdersDeniedByReason[reason] = OrdersDeniedByReason.GetValueOrDefault(reason) + 1;
        LastDenied = new SourceDenial(time, symbol, reason, detail);
    }

    /// <summary>Hit rate with one win and one loss of prior, so a new source starts at 0.5.</summary>
    public decimal SmoothedHitRate => (Wins + 1m) / (RoundTrips + 2m);

    /// <summary>Sizing weight in [0.25, 1.5]: 1.0 at a 50% hit rate, scaled linearly with the smoothed hit rate.</summary>
    public decimal Weight => Math.Clamp(SmoothedHitRate * 2m, 0.25m, 1.5m);
}
