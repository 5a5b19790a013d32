using Bulwark.Core.Model;

namespace Bulwark.Cli.Bench;

/// <summary>
/// A deterministic seeded random walk of one-minute bars, generated lazily (nothing is materialized) and cheaply:
/// prices are whole cents kept as integers and turned into decimals once per field. Always valid bars.
/// </summary>
internal static class SyntheticMinuteBars
{
    public const string Symbol = "SYN";

    public static IEnumerable<Bar> Generate(int count, ulong seed)
    {
        var state = seed | 1UL;
        var time = new DateTimeOffset(2000, 1, 3, 0, 0, 0, TimeSpan.Zero);
        var interval = TimeSpan.FromMinutes(1);
        long close = 100_00; // cents
        for (var i = 0; i < count; i++)
        {
            // xorshift64*: fast, seeded, the same on every machine.
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            var r = state * 2685821657736338717UL;
            var open = close;
            var step = (long)(r % 41) - 20; // -20..+20 cents
            close = Math.Max(1_00, open + step);
            var high = Math.Max(open, close) + (long)((r >> 8) % 6);
            var low = Math.Max(1, Math.Min(open, close) - (long)((r >> 16) % 6));
            yield return new Bar(Symbol, time, Cents(open), Cents(high), Cents(low), Cents(close), 1_000m, interval);
            time += interval;
        }
    }

    private static decimal Cents(long cents) => new((int)cents, 0, 0, false, 2);
}
