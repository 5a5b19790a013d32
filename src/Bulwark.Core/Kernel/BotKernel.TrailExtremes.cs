using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel;

/// <summary>
/// Trailing stops that trail the best high (a long) or low (a short) rather than the best close
/// (<see cref="TrailReference.Extreme"/>): the kernel keeps, per symbol, the extreme of the bars that began while the
/// position was held. A bar counts only if the position was there at its start (the fills of its open included), so the
/// bar a close fill entered on, whose high came before the entry, never lifts the trail.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>Whether some source trails from the bars' extremes; when none does, bars pay nothing for it.</summary>
    private readonly bool _trailsFromExtremes;

    /// <summary>Per symbol, the exit side of the position held and the best extreme of its bars so far.</summary>
    private readonly Dictionary<string, (OrderSide Side, decimal Price)> _trailExtremes = new(StringComparer.Ordinal);

    private static bool TrailsFromExtremes(Dictionary<string, ProtectiveStop> protection) =>
        protection.Values.Any(p => p.Moves && p.TrailFrom == TrailReference.Extreme);

    /// <summary>Takes <paramref name="bar"/>'s high (a long) or low (a short) into the extreme of the position held at its start.</summary>
    private void NoteBarForTrail(in Bar bar)
    {
        if (!_state.Positions.TryGetValue(bar.Symbol, out var position) || position is not { IsFlat: false, OpenedBySource: { } source }
            || !_protection.TryGetValue(source, out var protection) || protection.TrailFrom != TrailReference.Extreme
            || bar.High < bar.Low)
            return;
        var isLong = position.Quantity > 0m;
        var side = isLong ? OrderSide.Sell : OrderSide.Buy;
        var price = isLong ? bar.High : bar.Low;
        if (_trailExtremes.TryGetValue(bar.Symbol, out var held) && held.Side == side)
            price = isLong ? Math.Max(held.Price, price) : Math.Min(held.Price, price);
        _trailExtremes[bar.Symbol] = (side, price);
    }

    /// <summary>
    /// The price a trail of <paramref name="protection"/> measures from: the last close, or with
    /// <see cref="TrailReference.Extreme"/> the better of it and the position's best extreme (none yet after a restart or
    /// before the first bar held: the close, and the working stop's level as the floor).
    /// </summary>
    private decimal TrailReferencePrice(string symbol, ProtectiveStop protection, OrderSide side, decimal close)
    {
        if (protection.TrailFrom != TrailReference.Extreme || !_trailExtremes.TryGetValue(symbol, out var extreme)
            || extreme.Side != side)
            return close;
        return side == OrderSide.Sell ? Math.Max(extreme.Price, close) : Math.Min(extreme.Price, close);
    }
}
