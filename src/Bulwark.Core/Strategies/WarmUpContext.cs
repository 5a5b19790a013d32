using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Strategies;

/// <summary>
/// What strategies see while they warm up on bars before they trade (a backtest's warm-up bars, a restarted bot's
/// replayed history, see <see cref="Kernel.Commands.WarmUpBar"/>): no position,
/// and every symbol reads as having a working order, so they update their indicators and wait, as they do while an order
/// is pending: they neither signal nor remember having acted. A grid waits too (no new exposure may be placed). Nothing
/// is journaled and nothing reaches the venue.
/// </summary>
public sealed class WarmUpContext(IReadOnlyDictionary<string, Instrument> instruments) : IStrategyContext
{
    public DateTimeOffset Now { get; set; }

    public decimal PositionQuantity(string symbol) => 0m;

    public bool HasOpenOrder(string symbol) => true;

    public void Signal(string source, string symbol, SignalDirection direction, decimal strength = 1m, decimal? targetQuantity = null)
    {
    }

    public Instrument? InstrumentOf(string symbol) => instruments.GetValueOrDefault(symbol);

    public DenyReason? PlacementDenial(string source, string symbol, OrderSide side, decimal quantity, decimal limitPrice) => DenyReason.NotReady;

    public DenyReason? NewExposureDenial(string source, string symbol) => DenyReason.NotReady;

    public void Record(GridEvent change) =>
        throw new InvalidOperationException($"a strategy recorded {change.GetType().Name} while warming up, when no exposure may be placed");
}
