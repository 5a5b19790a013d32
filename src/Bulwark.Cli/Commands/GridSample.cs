using System.Globalization;
using System.Security.Cryptography;
using Bulwark.Backtest.Optimization;

namespace Bulwark.Cli.Commands;

/// <summary>
/// `optimize --sample N [--seed S]`: a random sample of a grid too large to run whole (four parameters of 20 values are
/// 160,000 backtests), drawn among the combinations the strategy accepts. Without a seed a new one is drawn and printed,
/// so any sample can be drawn again.
/// </summary>
internal static class GridSample
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Refuses a negative size, or a seed without a sample, before any data is read.</summary>
    /// <exception cref="UsageException">What is wrong, naming the option.</exception>
    public static void Check(int size, int? seed)
    {
        if (size < 0) throw new UsageException($"--sample {size.ToString(Inv)}: expected a number of combinations >= 1 (0 runs the whole grid)");
        if (size == 0 && seed is not null) throw new UsageException("--seed: it seeds the draw of --sample N; give --sample too, or drop --seed");
        if (seed is < 0) throw new UsageException($"--seed {seed.Value.ToString(Inv)}: expected a number >= 0");
    }

    /// <summary>
    /// The grid to run: <paramref name="grid"/> whole when <paramref name="size"/> is 0, else <paramref name="size"/> of
    /// the combinations <paramref name="accepts"/> (by grid index); all of them, with a warning, when there are no more.
    /// </summary>
    public static ParameterGrid Of(ParameterGrid grid, int size, int? seed, Func<int, bool> accepts)
    {
        Check(size, seed);
        if (size == 0) return grid;
        if (size >= grid.Count)
        {
            Console.Error.WriteLine(string.Create(Inv,
                $"bulwark: --sample {size:N0} is not fewer than the grid's {grid.Count:N0} combinations: all of them run"));
            return grid;
        }
        var sampled = grid.Sample(size, seed ?? RandomNumberGenerator.GetInt32(int.MaxValue), accepts);
        if (!sampled.IsSample && sampled.Accepted is { } accepted && accepted > 0)
            Console.Error.WriteLine(string.Create(Inv,
                $"bulwark: --sample {size:N0} is not fewer than the {accepted:N0} of the grid's {grid.Count:N0} combinations the strategy accepts: all of them run"));
        return sampled;
    }

    /// <summary>"40 of 1,600 combinations (a random sample, seed 7)", or "1,600 combinations" for a whole grid.</summary>
    public static string Text(ParameterGrid grid) => grid.IsSample
        ? string.Create(Inv, $"{grid.Runs:N0} of {grid.Count:N0} combinations (a random sample, seed {grid.Seed})")
        : string.Create(Inv, $"{grid.Count:N0} combinations");

    /// <summary>The line under the table: what was drawn, from what, and how to draw it again.</summary>
    public static string Line(ParameterGrid grid) => string.Create(Inv,
        $"a random sample of {grid.Runs:N0} of the grid's {grid.Count:N0} combinations{(grid.Accepted is { } a && a < grid.Count ? string.Create(Inv, $" (drawn among the {a:N0} the strategy accepts)") : "")}; --sample {grid.Runs} --seed {grid.Seed} draws it again");
}
