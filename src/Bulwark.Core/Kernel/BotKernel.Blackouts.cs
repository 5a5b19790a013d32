using System.Globalization;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel;

/// <summary>
/// Blackouts (<see cref="BotKernelOptions.Blackouts"/>): on a blackout's trading days entries and adds in its symbols are
/// denied <see cref="DenyReason.Blackout"/> at the gate signals and placements share, so the grid waits too. A blackout
/// that exits also closes the symbol's position at each of its bars until it is flat, by a flat signal of the source that
/// opened it through the whole pipeline (its order tagged <see cref="BlackoutTag"/>), after canceling the working orders
/// that would add there (an entry not yet filled, a grid's resting levels on the adding side) and, while a position is
/// held, every order a strategy placed there (a grid's levels on either side).
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>The tag of a blackout's exit order, and the prefix of its signal's id.</summary>
    public const string BlackoutTag = "blackout";

    /// <summary>Why new exposure in <paramref name="symbol"/> waits for the trading day to leave a blackout, or null.</summary>
    private (DenyReason Reason, string Detail)? BlackoutDenial(string symbol) =>
        _options.Blackouts.Find(symbol, _state.TradingDate) is { } b
            ? (DenyReason.Blackout, string.Create(CultureInfo.InvariantCulture, $"{b.Describe(symbol)}: no new entries before {b.To.AddDays(1):yyyy-MM-dd}"))
            : null;

    /// <summary>
    /// After the bar's strategies: in a blackout that exits, cancels the orders that would add in the symbol, then closes
    /// its position unless an order from a signal is already working there (the strategy's own exit, or this from an
    /// earlier bar). A denied exit (the market closed, trading halted) is asked again at the next bar.
    /// </summary>
    private void CheckBlackoutExit(in Bar bar, DateTimeOffset now)
    {
        if (_options.Blackouts.Find(bar.Symbol, _state.TradingDate) is not { Exit: true } blackout) return;
        CancelOrdersThatAdd($"{blackout.Describe(bar.Symbol)}: exit", now, bar.Symbol);
        if (!_state.Positions.TryGetValue(bar.Symbol, out var position) || position.IsFlat) return;
        CancelPlacedOrdersIn(bar.Symbol, $"{blackout.Describe(bar.Symbol)}: exit", now);
        if (!SignalOrderWorks(bar.Symbol)) CloseForSource(BlackoutTag, bar, position.OpenedBySource, now);
    }
}
