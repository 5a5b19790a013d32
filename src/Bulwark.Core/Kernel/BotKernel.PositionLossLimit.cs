using System.Globalization;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;

namespace Bulwark.Core.Kernel;

/// <summary>
/// The loss limit per position (<see cref="Risk.RiskLimits.MaxPositionLossPercent"/>): at a bar's close, a position whose
/// open loss (from its average entry, at the close) is that share of the account's value or more is closed, whichever
/// source holds it and whether or not it has a protective stop: a grid's inventory in a trend, a strategy without a stop,
/// a stop that never filled. The orders that would add there and those strategies placed (a grid's levels) are canceled
/// first, and the exit follows once no order from a signal works there (a strategy's own exit is let fill); it is a
/// flat signal in the name of the source that opened the position, through the whole
/// pipeline, tagged <see cref="LossLimitTag"/>.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>The tag of a loss limit's exit order, and the prefix of its signal's id.</summary>
    public const string LossLimitTag = "loss-limit";

    /// <summary>
    /// After the bar's strategies: closes the symbol's position if its open loss has reached the limit, unless an order from
    /// a signal is already working there (the strategy's own exit, or this from an earlier bar). A denied exit (the market
    /// closed, trading halted) is asked again at the next bar.
    /// </summary>
    private void CheckPositionLoss(in Bar bar, decimal limitPercent, DateTimeOffset now)
    {
        if (!_state.Positions.TryGetValue(bar.Symbol, out var position) || position.IsFlat) return;
        var loss = -position.UnrealizedPnl(bar.Close);
        if (loss <= 0m) return;
        var value = Equity();
        if (value > 0m && loss * 100m < limitPercent * value) return;
        var reason = $"{bar.Symbol} at its loss limit";
        CancelOrdersThatAdd(reason, now, bar.Symbol);
        CancelPlacedOrdersIn(bar.Symbol, reason, now);
        if (SignalOrderWorks(bar.Symbol)) return;
        var share = value > 0m ? string.Create(CultureInfo.InvariantCulture, $"{loss * 100m / value:0.00}% of") : "more than";
        Alert(AlertSeverity.Warning, "PositionLossLimit", string.Create(CultureInfo.InvariantCulture,
            $"{bar.Symbol}'s open loss {loss:0.00} at {bar.Close} is {share} the account's value {value:0.00}, at least risk.maxPositionLossPercent {limitPercent}%: closing its position of {position.Quantity}"), now);
        CloseForSource(LossLimitTag, bar, position.OpenedBySource, now);
    }
}
