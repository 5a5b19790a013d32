using Bulwark.Core.Journal;
using Bulwark.Core.Kernel;
using Bulwark.Core.Model;

namespace Bulwark.Host.Running;

/// <summary>Keeps the latest <see cref="BotSummary"/>; read from any thread.</summary>
internal sealed class SummaryObserver : IKernelObserver
{
    private volatile BotSummary? _latest;

    public BotSummary? Latest => _latest;

    public void OnCommitted(IReadOnlyList<JournaledEvent> batch, KernelState state)
    {
        var positions = string.Join(" ", state.Positions.Values.Where(p => !p.IsFlat).OrderBy(p => p.Symbol, StringComparer.Ordinal)
            .Select(p => $"{p.Symbol} {p.Quantity:0.####}@{PriceText.Of(p.AveragePrice)}"));
        _latest = new BotSummary(state.BotId, state.TradingState, state.OpenPositionCount, state.OpenOrderCount,
            state.FillCount, state.SignalsReceived + state.SignalsDenied, state.Alerts, state.Cash, state.DailyRealizedPnl,
            state.LastSequence, positions)
        {
            Currency = state.Currency,
        };
    }
}
