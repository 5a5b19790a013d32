using System.Globalization;
using Bulwark.Backtest.Optimization;

namespace Bulwark.Cli.Commands;

/// <summary>optimize's arguments read into what the run takes: the grid, the rank, the walk-forward's windows, the constraints and the cost grid, each refused with its option's name (exit 2).</summary>
internal static partial class OptimizeCommand
{
    private static ParameterGrid Grid(string[] arguments)
    {
        try
        {
            return ParameterGrid.Parse(arguments);
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    private static readonly Dictionary<OptimizationRank, string> RankNames = new()
    {
        [OptimizationRank.Value] = "value",
        [OptimizationRank.Sharpe] = "sharpe",
        [OptimizationRank.ReturnOverDrawdown] = "return-over-drawdown",
        [OptimizationRank.Sortino] = "sortino",
    };

    private static OptimizationRank Rank(string? text)
    {
        foreach (var (rank, name) in RankNames)
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase)) return rank;
        throw new UsageException($"--rank-by: unknown '{text}'; expected {string.Join(", ", RankNames.Values)}");
    }

    private static (int Train, int Test, bool Anchored, bool Plateau)? WindowSizes(string? text)
    {
        if (text is null) return null;
        int? train = null, test = null;
        bool anchored = false, plateau = false;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part is "anchored" or "plateau")
            {
                anchored |= part == "anchored";
                plateau |= part == "plateau";
                continue;
            }
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv[0] is not ("train" or "test"))
                throw new UsageException($"--walk-forward '{text}': unknown key '{kv[0]}' (train, test, anchored, plateau)");
            if (kv.Length != 2 || !int.TryParse(kv[1], NumberStyles.None, Inv, out var n) || n < 1)
                throw new UsageException($"--walk-forward '{text}': expected train=N,test=M with N, M >= 1 bars");
            if (kv[0] == "train") train = n;
            else test = n;
        }
        if (train is null || test is null) throw new UsageException($"--walk-forward '{text}': both train=N and test=M are needed");
        return (train.Value, test.Value, anchored, plateau);
    }

    private static OptimizationConstraints Constraints(int? minTrades, decimal? maxDrawdownPercent)
    {
        if (minTrades is < 1) throw new UsageException($"--min-trades {minTrades.Value.ToString(Inv)}: expected a number of round trips >= 1");
        if (maxDrawdownPercent is { } p && (p <= 0m || p > 100m))
            throw new UsageException($"--max-drawdown {p.ToString(Inv)}: expected a percent of the peak above 0 and at most 100");
        return new OptimizationConstraints(minTrades, maxDrawdownPercent / 100m);
    }

    private static TransactionCost[]? Costs(string? text)
    {
        if (text is null) return null;
        try
        {
            return [.. text.Split(',', StringSplitOptions.TrimEntries).Select(TransactionCost.Parse)];
        }
        catch (FormatException ex)
        {
            throw new UsageException($"--cost-grid '{text}': {ex.Message}");
        }
    }
}
