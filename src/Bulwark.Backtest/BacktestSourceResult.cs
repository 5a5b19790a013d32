namespace Bulwark.Backtest;

/// <summary>
/// What one signal source did in a backtest, from the kernel's feedback statistics at the end of the run: signals
/// received, signals denied (an order of the symbol still working, already at the target, market closed, ...), orders
/// decided, of those the ones risk denied, fills, round trips it opened and closed, and its adaptive sizing weight
/// (which scaled its entries only if the sizing used adaptive weights).
/// </summary>
public sealed record BacktestSourceResult(
    string Source,
    long Signals,
    long Denied,
    long Orders,
    long OrdersDenied,
    long Fills,
    long RoundTrips,
    long Wins,
    decimal RealizedPnl,
    decimal Weight)
{
    /// <summary>Of its orders, those the venue rejected (a cash account refusing a short sale, buying power, ...).</summary>
    public long OrdersRejected { get; init; }

    /// <summary>What its fills (its orders', and the protective exits of the positions it opened) paid in commission.</summary>
    public decimal Commission { get; init; }

    /// <summary>What slippage and market impact cost those fills: inside their prices, so inside <see cref="RealizedPnl"/>.</summary>
    public decimal Slippage { get; init; }

    /// <summary>What its market and stop orders' fills cost against their decision prices (see <see cref="Core.Feedback.SourceStats.ImplementationShortfall"/>).</summary>
    public decimal ImplementationShortfall { get; init; }

    /// <summary>
    /// <see cref="Denied"/> by reason (OrderPending, AlreadyAtTarget, MarketClosed, StopNotReady, ...; a grid's order
    /// placements too), in the order the reasons are declared; only the reasons that occurred.
    /// </summary>
    public IReadOnlyDictionary<string, long> DeniedByReason { get; init; } = new Dictionary<string, long>();
}
