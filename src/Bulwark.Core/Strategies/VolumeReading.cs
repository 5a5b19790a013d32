using System.Globalization;
using Bulwark.Core.Indicators;
using Bulwark.Core.Model;

namespace Bulwark.Core.Strategies;

/// <summary>
/// One symbol's volume as a <see cref="VolumeFilter"/> reads it: the mean of the bars before, and whether the latest bar
/// may take an entry against it. A mean that turns zero is noted once ("VolumeMissing"), again only after volume came
/// back and went again: an operator whose data has no volume learns why the strategy takes no entry.
/// </summary>
internal sealed class VolumeReading(VolumeFilter filter)
{
    private readonly SimpleMovingAverage _mean = new(filter.Period);
    private bool _noted;

    /// <summary>Whether the bar last read may take an entry.</summary>
    public bool Allows { get; private set; }

    /// <summary>Judges <paramref name="bar"/> against the mean of the bars before it, then adds it to the mean.</summary>
    public void Read(in Bar bar, string source, IStrategyContext context)
    {
        Allows = _mean.IsReady && filter.Allows(bar.Volume, _mean.Value);
        if (_mean.IsReady && _mean.Value == 0m && !_noted)
        {
            _noted = true;
            context.Note(source, "VolumeMissing", string.Create(CultureInfo.InvariantCulture,
                $"{bar.Symbol}: no volume in the {filter.Period} bars before this one; the volume filter takes no entry until there is"));
        }
        else if (_mean.Value > 0m) _noted = false;
        _mean.Update(bar.Volume);
    }
}
