using Bulwark.Backtest.Optimization;
using Bulwark.Core.Strategies;

namespace Bulwark.Cli;

/// <summary>
/// A strategy left at allowShort=true on a cash account (--no-short) keeps placing sells the venue rejects (a grid's
/// upper levels, ema-cloud's short entries): said on standard error before the run, as a setting that cannot work.
/// </summary>
internal static class CashAccountShorts
{
    /// <summary>A backtest's strategy, with the parameters it was built with.</summary>
    public static void Warn(string strategyName, IReadOnlyDictionary<string, string> parameters, bool allowShort)
    {
        if (!allowShort && Shorts(parameters)) Say(strategyName);
    }

    /// <summary>An optimize grid: when any combination shorts (the grid's allowShort values, else the strategy's default).</summary>
    public static void Warn(string strategyName, ParameterGrid grid, IReadOnlyList<string> symbols, bool allowShort)
    {
        if (allowShort) return;
        var axis = grid.Axes.FirstOrDefault(a => string.Equals(a.Key, "allowShort", StringComparison.OrdinalIgnoreCase)).Value;
        if (axis is not null ? axis.Contains("true", StringComparer.OrdinalIgnoreCase)
            : StrategyCatalog.Build(strategyName, strategyName, symbols, grid.Combination(0)) is { Ok: true } built && Shorts(built.Parameters))
            Say(strategyName);
    }

    /// <summary>A built strategy's parameters (written as --param takes them) say it shorts.</summary>
    private static bool Shorts(IReadOnlyDictionary<string, string> parameters) =>
        parameters.TryGetValue("allowShort", out var shorts) && shorts == "true";

    private static void Say(string strategyName) =>
        Console.Error.WriteLine($"bulwark: {strategyName} allowShort=true on a cash account (--no-short): the venue rejects its sells beyond the position held; give --param allowShort=false to keep it from placing them");
}
