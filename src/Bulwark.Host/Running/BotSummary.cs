using Bulwark.Core.Risk;

namespace Bulwark.Host.Running;

/// <summary>A small immutable view of a running bot, captured on the kernel thread after each commit.</summary>
public sealed record BotSummary(
    string BotId,
    TradingState TradingState,
    int OpenPositions,
    int OpenOrders,
    long Fills,
    long Signals,
    long Alerts,
    decimal Cash,
    decimal DailyPnl,
    long LastSequence,
    string Positions)
{
    /// <summary>The account's currency, which <see cref="Cash"/> and <see cref="DailyPnl"/> are in.</summary>
    public string Currency { get; init; } = Core.Model.Money.DefaultCurrency;
}
