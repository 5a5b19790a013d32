using Bulwark.Core.Kernel;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Strategies;

/// <summary>
/// Passes a strategy's reads through to the real context, and its signals and new orders only while <see cref="Open"/>:
/// lets a wrapped strategy see every bar (keeping its indicators warm) without trading while it is not in charge.
/// Cancels and journaled state changes always pass: they only tidy up what the strategy already did.
/// </summary>
internal sealed class GatedStrategyContext : IStrategyContext
{
    public IStrategyContext? Inner { get; set; }
    public bool Open { get; set; }

    private IStrategyContext Context => Inner ?? throw new InvalidOperationException("no context to pass through.");

    public DateTimeOffset Now => Context.Now;
    public decimal PositionQuantity(string symbol) => Context.PositionQuantity(symbol);
    public long FillCount => Context.FillCount;
    public decimal? BuyingPower => Context.BuyingPower;
    public bool HasOpenOrder(string symbol) => Context.HasOpenOrder(symbol);
    public Instrument? InstrumentOf(string symbol) => Context.InstrumentOf(symbol);
    public IReadOnlyList<StrategyOrderView> OpenOrders(string source, string symbol) => Context.OpenOrders(source, symbol);
    public IGridView? Grid(string source, string symbol) => Context.Grid(source, symbol);

    public void Note(string source, string code, string message) => Context.Note(source, code, message);

    public void Signal(string source, string symbol, SignalDirection direction, decimal strength = 1m, decimal? targetQuantity = null)
    {
        if (Open) Context.Signal(source, symbol, direction, strength, targetQuantity);
    }

    public string? PlaceLimit(string source, string symbol, OrderSide side, decimal quantity, decimal limitPrice, string tag) =>
        Open ? Context.PlaceLimit(source, symbol, side, quantity, limitPrice, tag) : null;

    public DenyReason? PlacementDenial(string source, string symbol, OrderSide side, decimal quantity, decimal limitPrice) =>
        Context.PlacementDenial(source, symbol, side, quantity, limitPrice);

    public DenyReason? NewExposureDenial(string source, string symbol) => Context.NewExposureDenial(source, symbol);

    public bool Cancel(string source, string clientOrderId, string reason) => Context.Cancel(source, clientOrderId, reason);

    public void Record(GridEvent change) => Context.Record(change);
}
