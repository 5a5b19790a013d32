using Bulwark.Core.Model;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// The signals a strategy trading one line's crosses of another owes on bars (ma-cross, trix), followed bar by bar from
/// the line's side alone: a cross up, from the last bar the two differed, is a long with the close above the trend
/// average; a cross down a short (with shorts) below it; a position is closed by the line on the other side, a refused
/// cross included.
/// </summary>
internal static class CrossSignals
{
    /// <param name="sides">Each bar's side of the line against what it crosses (1 above, -1 below, 0 on it); null before both are ready.</param>
    /// <param name="allowShort">Whether a cross down opens a short.</param>
    /// <param name="trendSides">Each bar's close against the trend average (0 before it is ready); null: no trend filter.</param>
    public static List<(int Bar, SignalDirection Direction)> Of(IReadOnlyList<int?> sides, bool allowShort, IReadOnlyList<int>? trendSides = null)
    {
        var expected = new List<(int Bar, SignalDirection Direction)>();
        var (position, before) = (0, 0);
        for (var bar = 0; bar < sides.Count; bar++)
        {
            if (sides[bar] is not { } side) continue;
            var (up, down) = (side > 0 && before < 0, side < 0 && before > 0);
            if (side != 0) before = side;
            var (longs, shorts) = trendSides is null ? (true, true) : (trendSides[bar] > 0, trendSides[bar] < 0);
            var next = up && position <= 0 && longs ? 1
                : allowShort && down && position >= 0 && shorts ? -1
                : (position > 0 && side < 0) || (position < 0 && side > 0) ? 0
                : position;
            if (next == position) continue;
            expected.Add((bar, next switch { 1 => SignalDirection.Long, -1 => SignalDirection.Short, _ => SignalDirection.Flat }));
            position = next;
        }
        return expected;
    }
}
