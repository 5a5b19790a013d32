using System.Globalization;
using Bulwark.Core.Indicators;
using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// One symbol's volume as a <see cref="VolumeFilter"/> reads it: the <see cref="VolumeRatio"/> indicator's mean of the
/// bars before, and whether the latest bar may take an entry against it. A mean that turns zero is noted once
/// ("VolumeMissing"), again only after volume came back and went again: an operator whose data has no volume learns why
/// the strategy takes no entry.
/// </summary>
internal sealed class VolumeReading(VolumeFilter filter)
{
    private readonly VolumeRatio _ratio = new(filter.Period);
    private bool _noted;

    /// <summary>Whether the bar last read may take an entry.</summary>
    public bool Allows { get; private set; }

    /// <summary>Judges <paramref name="bar"/> against the mean of the bars before it, which then takes it in.</summary>
    public void Read(in Bar bar, string source, IStrategyContext context)
    {
        _ratio.Update(in bar);
        Allows = _ratio.IsReady && filter.Allows(bar.Volume, _ratio.MeanBefore);
        if (_ratio.IsReady) _noted = false;
        else if (_ratio.MeanKnown && !_noted)
        {
            _noted = true;
            context.Note(source, "VolumeMissing", string.Create(CultureInfo.InvariantCulture,
                $"{bar.Symbol}: no volume in the {filter.Period} bars before this one; the volume filter takes no entry until there is"));
        }
    }
}
