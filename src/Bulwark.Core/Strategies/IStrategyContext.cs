using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Strategies;

public interface IStrategyContext
{
    DateTimeOffset Now { get; }
    decimal PositionQuantity(string symbol);

    /// <summary>Fills the bot has applied so far, every source's: it changes whenever the bot's cash may have.</summary>
    long FillCount => 0;

    /// <summary>
    /// What the bot's own books say it could still spend on buys: its cash less what its open buy orders of ordinary
    /// (not margined) instruments would cost at their limit price (or the last close). An estimate: a broker may lend
    /// more on margin, and money moved at the venue without an order is not in it. Null when unknown.
    /// </summary>
    decimal? BuyingPower => null;

    /// <summary>
    /// True while an order from a signal (any source) is working in <paramref name="symbol"/>: a new signal would be
    /// denied as pending. Resting orders strategies placed themselves do not count (see <see cref="OpenOrders"/>).
    /// </summary>
    bool HasOpenOrder(string symbol);

    /// <summary>Sends a signal through the full pipeline (kill switch, audit, risk, sizing, routing).</summary>
    void Signal(string source, string symbol, SignalDirection direction, decimal strength = 1m, decimal? targetQuantity = null);

    /// <summary>Journals something the strategy decided about itself (e.g. falling back to a simpler model, and why).</summary>
    void Note(string source, string code, string message)
    {
    }

    /// <summary>The instrument (tick and lot size) of <paramref name="symbol"/>, or null when the bot does not trade it.</summary>
    Instrument? InstrumentOf(string symbol) => null;

    /// <summary>
    /// Places a resting GTC limit order of the strategy's own through the same pipeline as a signal's order: kill switch,
    /// audit record, order risk, intent, outbox. Returns its ClientOrderId, or null when it was denied (the denial is journaled).
    /// The price must be on the instrument's tick and the quantity a whole number of lots.
    /// </summary>
    string? PlaceLimit(string source, string symbol, OrderSide side, decimal quantity, decimal limitPrice, string tag) => null;

    /// <summary>
    /// Why <see cref="PlaceLimit"/> would deny this order now (the same checks in the same order), or null when it would
    /// pass them. Journals nothing: a strategy can wait for a reason to clear instead of being denied on every bar.
    /// </summary>
    DenyReason? PlacementDenial(string source, string symbol, OrderSide side, decimal quantity, decimal limitPrice) => null;

    /// <summary>
    /// Why no order adding exposure for <paramref name="source"/> in <paramref name="symbol"/> could be placed now, whatever
    /// its size (trading halted, market closed, reduce-only, the end-of-day window, circuit breaker, daily loss), or null.
    /// </summary>
    DenyReason? NewExposureDenial(string source, string symbol) => null;

    /// <summary>Asks the venue to cancel one of <paramref name="source"/>'s working orders; false when there is nothing to cancel.</summary>
    bool Cancel(string source, string clientOrderId, string reason) => false;

    /// <summary>
    /// The working orders <paramref name="source"/> placed itself in <paramref name="symbol"/>, and the protective exits the
    /// engine keeps for a position it opened (tagged <c>protective-stop</c> and <c>take-profit</c>: the engine's to replace
    /// and cancel, not the strategy's).
    /// </summary>
    IReadOnlyList<StrategyOrderView> OpenOrders(string source, string symbol) => [];

    /// <summary>The journaled grid of <paramref name="source"/> in <paramref name="symbol"/>, or null before its first build.</summary>
    IGridView? Grid(string source, string symbol) => null;

    /// <summary>Journals a change of the strategy's grid; applied to the state at once.</summary>
    void Record(GridEvent change)
    {
    }
}
