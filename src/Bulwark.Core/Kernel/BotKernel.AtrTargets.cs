using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Positions;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel;

/// <summary>
/// Take-profits measured in average true ranges (<see cref="ProtectiveStop.TakeProfitAtr"/>): the range is fixed when
/// the position takes its side and average price, as a stop's in ATRs is, so every step of a ladder is measured with the
/// same range; after a restart it is read back from the take-profit the venue holds.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>
    /// Per symbol, the range the take-profit in ATRs was set with, for the side and average price it was set at, and the
    /// level of the step it was last asked at (kept as set, so a level read back from the venue is not moved by rounding).
    /// </summary>
    private readonly Dictionary<string, AtrTarget> _atrTargets = new(StringComparer.Ordinal);

    private sealed record AtrTarget(OrderSide Side, decimal AveragePrice, decimal Range, int Step, decimal Level);

    /// <summary>
    /// The take-profit's level at <paramref name="step"/> for <paramref name="position"/>, closing on
    /// <paramref name="side"/>: in percent, or in ATRs of the range fixed for the position; after a restart the level the
    /// venue holds at this step (its range is read back from it for the steps after); null while the range is not known.
    /// </summary>
    private decimal? TargetLevel(string symbol, ProtectiveStop protection, Position position, OrderSide side, List<Order> live,
        Instrument instrument, int step)
    {
        var isLong = side == OrderSide.Sell;
        if (protection.TakeProfitAtr is null) return protection.TakeProfitFor(isLong, position.AveragePrice, instrument, step);
        if (_atrTargets.TryGetValue(symbol, out var kept) && kept.Side == side && kept.AveragePrice == position.AveragePrice)
        {
            if (kept.Step == step) return kept.Level;
            var next = protection.TakeProfitAtrFor(isLong, position.AveragePrice, kept.Range, instrument, step)!.Value;
            _atrTargets[symbol] = kept with { Step = step, Level = next };
            return next;
        }
        // Nothing fixed in memory after a restart: the take-profit working on this side was set with the range then.
        if (kept is null)
            foreach (var o in live)
                if (o.Tag == TakeProfitTag && o.Side == side && o.LimitPrice is { } held
                    && protection.RangeOfTarget(position.AveragePrice, held, step) is { } heldRange)
                {
                    _atrTargets[symbol] = new AtrTarget(side, position.AveragePrice, heldRange, step, held);
                    return held;
                }
        if (AtrValue(symbol, protection.AtrPeriod) is not { } range)
        {
            _atrTargets.Remove(symbol);
            return null;
        }
        var level = protection.TakeProfitAtrFor(isLong, position.AveragePrice, range, instrument, step)!.Value;
        _atrTargets[symbol] = new AtrTarget(side, position.AveragePrice, range, step, level);
        return level;
    }
}
