using Bulwark.Core.Indicators;

namespace Bulwark.Core.Strategies;

/// <summary>
/// An entry filter on trend strength, by Wilder's ADX of <see cref="AdxPeriod"/> bars: with <see cref="MinAdx"/> a
/// strategy's entries are taken only while the ADX is at least that, so a crossover system sits out the range-bound
/// stretches where its signals whipsaw; with <see cref="MaxAdx"/> only while it is at most that, so a mean-reversion
/// system sits out the trends that run over its fades; with both, only between them. With <see cref="Direction"/> an
/// entry is also taken only while the directional indicators point its way (or the other way, to fade); with
/// <see cref="Slope"/> only while the ADX is above (or below) its value <see cref="SlopeBars"/> bars before. Exits are
/// never filtered. An entry while the ADX is outside (or not yet ready, for <see cref="BarsToReady"/> bars) is skipped,
/// not taken later: an entry is never signalled late.
/// </summary>
public sealed record TrendFilter(decimal? MinAdx, int AdxPeriod)
{
    /// <summary>The ADX's default period, Wilder's.</summary>
    public const int DefaultAdxPeriod = 14;

    /// <summary>Entries only while the ADX is at most this; null: no ceiling.</summary>
    public decimal? MaxAdx { get; init; }

    /// <summary>Which way +DI and -DI must point for an entry; <see cref="DirectionalFilter.None"/>: not read.</summary>
    public DirectionalFilter Direction { get; init; }

    /// <summary>Which way the ADX must have moved over <see cref="SlopeBars"/> bars; <see cref="AdxSlope.None"/>: not read.</summary>
    public AdxSlope Slope { get; init; }

    /// <summary>The bars back the ADX is compared with for <see cref="Slope"/>: 1, the bar before, unless set.</summary>
    public int SlopeBars { get; init; } = 1;

    /// <summary>The bars before the filter can let an entry through: the ADX's, and those its slope looks back.</summary>
    public int BarsToReady => 2 * AdxPeriod + (Slope == AdxSlope.None ? 0 : SlopeBars);

    /// <summary>A new ADX for one symbol, keeping the values its slope looks back to.</summary>
    public AverageDirectionalIndex NewIndex() => new(AdxPeriod, Slope == AdxSlope.None ? 0 : SlopeBars);

    /// <summary>Whether an entry may be signalled with <paramref name="index"/> as it stands.</summary>
    public bool Allows(AverageDirectionalIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return index.IsReady && (MinAdx is not { } floor || index.Value >= floor) && (MaxAdx is not { } ceiling || index.Value <= ceiling)
            && SlopeAllows(index);
    }

    /// <summary>Whether the ADX moved the way <see cref="Slope"/> asks (strictly: an unchanged ADX is neither), once it has looked back far enough.</summary>
    private bool SlopeAllows(AverageDirectionalIndex index) => Slope == AdxSlope.None
        || (index.ValueBarsAgo(SlopeBars) is { } before && (Slope == AdxSlope.Rising ? index.Value > before : index.Value < before));

    /// <summary>
    /// Whether a long (<paramref name="isLong"/>) or a short entry may be signalled with <paramref name="index"/> as it stands:
    /// <see cref="Allows"/>, and the directional indicators pointing the way <see cref="Direction"/> asks (strictly: with
    /// +DI equal to -DI neither side is taken).
    /// </summary>
    public bool AllowsEntry(AverageDirectionalIndex index, bool isLong)
    {
        if (!Allows(index)) return false;
        if (Direction == DirectionalFilter.None) return true;
        var rising = index.PlusIndicator > index.MinusIndicator;
        var falling = index.MinusIndicator > index.PlusIndicator;
        return (Direction == DirectionalFilter.With) == isLong ? rising : falling;
    }
}
