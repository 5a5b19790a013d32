using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Tests.Indicators;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// The signals a strategy trading a line's turns owes on bars, read off the line alone: at each change of its direction
/// after the first bar it is ready on, long at a turn up, and at a turn down short (with shorts) or flat when long.
/// </summary>
internal static class TurnSignals
{
    public static List<(int, SignalDirection)> Of(ITrendLine line, IReadOnlyList<(decimal High, decimal Low, decimal Close)> bars, bool allowShort)
    {
        var expected = new List<(int, SignalDirection)>();
        bool? wasUp = null;
        var held = 0;
        for (var i = 0; i < bars.Count; i++)
        {
            line.Update(IndicatorData.ToBar(bars[i], i));
            if (!line.IsReady) continue;
            if (wasUp is { } up && up != line.IsUp)
            {
                var signal = line.IsUp ? SignalDirection.Long : allowShort ? SignalDirection.Short : SignalDirection.Flat;
                if (signal != SignalDirection.Flat || held > 0) expected.Add((i, signal));
                held = signal switch { SignalDirection.Long => 1, SignalDirection.Short => -1, _ => 0 };
            }
            wasUp = line.IsUp;
        }
        return expected;
    }
}
