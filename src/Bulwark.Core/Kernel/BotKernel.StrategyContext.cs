using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Kernel;

/// <summary>The context the kernel gives its strategies.</summary>
public sealed partial class BotKernel
{
    /// <summary>
    /// What strategies see of the kernel. Business outcomes are events, so anything thrown while the kernel serves a
    /// strategy's call is the kernel's own invariant failing (an impossible grid change refused by the projector, say):
    /// <see cref="Serve"/> marks it so it stops the bot instead of being blamed on, and contained with, the strategy.
    /// </summary>
    private sealed class StrategyContext(BotKernel kernel) : IStrategyContext
    {
        private long _counter;

        public DateTimeOffset Now => kernel._now;

        public decimal PositionQuantity(string symbol) => kernel._state.PositionQuantity(symbol);

        public long FillCount => kernel._state.FillCount;

        public decimal? BuyingPower => kernel.BuyingPower();

        public bool HasOpenOrder(string symbol) => kernel._state.HasOpenSignalOrder(symbol);

        public void Note(string source, string code, string message) =>
            Serve((kernel, source, code, message), static a =>
            {
                a.kernel.Alert(Kernel.Events.AlertSeverity.Info, a.code, $"{a.source}: {a.message}", a.kernel._now);
                return true;
            });

        public Instrument? InstrumentOf(string symbol) => kernel._options.Instruments.GetValueOrDefault(symbol);

        public string? PlaceLimit(string source, string symbol, OrderSide side, decimal quantity, decimal limitPrice, string tag) =>
            Serve((kernel, source, symbol, side, quantity, limitPrice, tag),
                static a => a.kernel.PlaceLimit(a.source, a.symbol, a.side, a.quantity, a.limitPrice, a.tag));

        public DenyReason? PlacementDenial(string source, string symbol, OrderSide side, decimal quantity, decimal limitPrice) =>
            Serve((kernel, source, symbol, side, quantity, limitPrice),
                static a => a.kernel.PlacementDenial(a.source, a.symbol, a.side, a.quantity, a.limitPrice));

        public DenyReason? NewExposureDenial(string source, string symbol) =>
            Serve((kernel, source, symbol), static a => a.kernel.NewExposureDenial(a.source, a.symbol));

        public bool Cancel(string source, string clientOrderId, string reason) =>
            Serve((kernel, source, clientOrderId, reason), static a => a.kernel.CancelFor(a.source, a.clientOrderId, a.reason));

        public IReadOnlyList<StrategyOrderView> OpenOrders(string source, string symbol) => kernel.OpenOrdersOf(source, symbol);

        public IGridView? Grid(string source, string symbol) => kernel._state.GridOf(source, symbol);

        public void Record(GridEvent change) =>
            Serve((kernel, change), static a =>
            {
                a.kernel.RecordGrid(a.change);
                return true;
            });

        public void Signal(string source, string symbol, SignalDirection direction, decimal strength = 1m, decimal? targetQuantity = null)
        {
            var now = kernel._now;
            var signal = new Signal($"{source}:{symbol}:{now.ToUnixTimeMilliseconds()}:{++_counter}", source, symbol, direction,
                strength, now, targetQuantity);
            Serve((kernel, signal), static a =>
            {
                a.kernel.HandleSignal(a.signal, 0, a.signal.Time);
                return true;
            });
        }

        /// <summary>Runs one kernel call for a strategy (static callbacks: nothing allocated per call).</summary>
        private static TResult Serve<TArgs, TResult>(TArgs args, Func<TArgs, TResult> call)
        {
            try
            {
                return call(args);
            }
            catch (Exception ex) when (ex is not KernelFaultException)
            {
                throw new KernelFaultException(ex);
            }
        }
    }
}
