using Bulwark.Core.Indicators;
using Bulwark.Core.Model;
using Bulwark.Core.Tests.Indicators;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// The signals a strategy trading a line's turns owes on bars, read off the line's direction alone: at each change of
/// it after the first bar it is known on, long at a turn up, and at a turn down short (with shorts) or flat when long.
/// </summary>
internal static class TurnSignals
{
    public static List<(int, SignalDirection)> Of(ITrendLine line, IReadOnlyList<(decimal High, decimal Low, decimal Close)> bars, bool allowShort) =>
        FromDirections(
            [.. bars.Select((bar, i) =>
            {
                line.Update(IndicatorData.ToBar(bar, i));
                return line.IsReady ? (line.IsUp ? 1 : -1) : 0;
            })],
            allowShort);

    /// <summary>The signals owed for a direction a bar: 1 up, -1 down, 0 not known yet.</summary>
    public static List<(int, SignalDirection)> FromDirections(IReadOnlyList<int> directions, bool allowShort)
    {
        var expected = new List<(int, SignalDirection)>();
        var before = 0;
        var held = 0;
        for (var i = 0; i < directions.Count; i++)
        {
            var now = directions[i];
            if (now == 0) continue;
            if (before != 0 && now != before)
            {
                var signal = now > 0 ? SignalDirection.Long : allowShort ? SignalDirection.Short : SignalDirection.Flat;
                if (signal != SignalDirection.Flat || held > 0) expected.Add((i, signal));
                held = signal switch { SignalDirection.Long => 1, SignalDirection.Short => -1, _ => 0 };
            }
            before = now;
        }
        return expected;
    }
}
