using Bulwark.Core.Model;

namespace Bulwark.Core.Risk;

/// <summary>
/// Turns a direction into an absolute target quantity, rounded down to whole lots. The adaptive weight scales a size
/// but never takes it to nothing: a source whose size is at least one lot before its weight trades at least one lot, since
/// a source sized to zero would close no more round trips and its weight could never recover. A source's allocation
/// (<see cref="Kernel.BotKernelOptions.AllocationPercents"/>) scales it the same way, at least one lot too.
/// </summary>
public sealed class PositionSizer(SizingOptions options)
{
    public SizingOptions Options { get; } = options;

    /// <summary>Whether a size needs the account's value (so the kernel works it out for each signal).</summary>
    public bool NeedsEquity => Options.NeedsEquity();

    /// <param name="strength">Signal strength in [0, 1]; 0 is taken as 1 (unspecified).</param>
    /// <param name="weight">The source's adaptive weight, used only when enabled.</param>
    /// <param name="allocation">The share of the size the source trades, in (0, 1] (<see cref="Kernel.BotKernelOptions.AllocationOf"/>).</param>
    /// <param name="stopDistance">For <see cref="SizingMode.RiskPercent"/>: how far from <paramref name="price"/> the entry's
    /// protective stop would be; without one (null or not above 0) the size is 0.</param>
    /// <param name="range">For <see cref="SizingMode.Volatility"/>: the symbol's average true range; without one (null or
    /// not above 0) the size is 0.</param>
    public decimal Size(Instrument instrument, decimal price, decimal equity, decimal strength, decimal weight, decimal? stopDistance = null,
        decimal? range = null, decimal allocation = 1m)
    {
        if (price <= 0m) return 0m;
        var raw = Options.Mode switch
        {
            SizingMode.FixedQuantity => Options.Quantity,
            SizingMode.FixedNotional => Options.Notional / (price * instrument.Multiplier),
            SizingMode.PercentOfEquity => Math.Max(0m, equity) * Options.PercentOfEquity / 100m / (price * instrument.Multiplier),
            SizingMode.RiskPercent => stopDistance is > 0m and var distance
                ? Math.Min(Math.Max(0m, equity) * Options.RiskPercent / 100m / (distance * instrument.Multiplier), Affordable(instrument, price, equity))
                : 0m,
            SizingMode.Volatility => range is > 0m and var atr
                ? Math.Min(Math.Max(0m, equity) * Options.VolatilityPercent / 100m / (atr * instrument.Multiplier), Affordable(instrument, price, equity))
                : 0m,
            _ => throw new InvalidOperationException($"Unknown sizing mode {Options.Mode}."),
        };
        if (Options.MaxPercentOfEquity is { } cap)
            raw = Math.Min(raw, Math.Max(0m, equity) * cap / 100m / (price * instrument.Multiplier));
        if (strength > 0m && strength < 1m) raw *= strength;
        var size = new Quantity(raw).RoundDownToLot(instrument.LotSize).Value;
        if (allocation > 0m && allocation < 1m)
        {
            raw *= allocation;
            var allocated = new Quantity(raw).RoundDownToLot(instrument.LotSize).Value;
            size = allocated == 0m && size > 0m ? instrument.LotSize : allocated;
            raw = Math.Max(raw, size); // the weight below scales what the source trades, the lot it is kept at included
        }
        if (!Options.UseAdaptiveWeights) return size;
        var weighted = new Quantity(raw * weight).RoundDownToLot(instrument.LotSize).Value;
        return weighted == 0m && size > 0m && weight > 0m ? instrument.LotSize : weighted;
    }

    /// <summary>What the account's value buys without leverage: at the price, or at the initial margin of a margined instrument.</summary>
    private static decimal Affordable(Instrument instrument, decimal price, decimal equity) =>
        Math.Max(0m, equity) / (instrument.InitialMargin > 0m ? instrument.InitialMargin : price * instrument.Multiplier);
}
