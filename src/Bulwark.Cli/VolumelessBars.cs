using Bulwark.Backtest;
using Bulwark.Backtest.Optimization;
using Bulwark.Core.Model;

namespace Bulwark.Cli;

/// <summary>
/// Market impact and the volume cap are measured against each bar's volume, and a bar with none adds no impact and caps
/// nothing. A symbol whose bars all have none (an index's file, a price series exported without it) would run as though
/// the setting were 0, and a result "with impact" would read as robust to size: said on standard error before the run.
/// </summary>
internal static class VolumelessBars
{
    /// <summary>A run with impact or a volume cap (<paramref name="options"/>), and an optimize cost grid with impact columns.</summary>
    public static void Warn(IReadOnlyList<Bar> bars, BacktestOptions options, IReadOnlyList<TransactionCost>? costGrid = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new List<string>();
        if (options.ImpactPercent > 0m) settings.Add("--impact");
        if (options.MaxVolumeParticipation < 1m) settings.Add("--volume-cap");
        if (costGrid?.Any(c => c.Kind == TransactionCostKind.ImpactPercent && c.Value > 0m) == true) settings.Add("--cost-grid's impact columns");
        if (settings.Count == 0) return;
        var without = Symbols(bars);
        if (without.Count == 0) return;
        var symbols = string.Join(", ", without);
        Console.Error.WriteLine($"bulwark: {string.Join(" and ", settings)}: {symbols} {(without.Count == 1 ? "has" : "have")} no volume in any bar, so {(settings.Count == 1 ? "it changes" : "they change")} none of {(without.Count == 1 ? "its" : "their")} fills; give bars with volume for a thin market's costs");
    }

    /// <summary>The symbols none of whose bars has volume, in order.</summary>
    internal static List<string> Symbols(IReadOnlyList<Bar> bars)
    {
        var traded = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var bar in bars)
        {
            traded.TryGetValue(bar.Symbol, out var any);
            traded[bar.Symbol] = any || bar.Volume > 0m;
        }
        return [.. traded.Where(s => !s.Value).Select(s => s.Key).Order(StringComparer.Ordinal)];
    }
}
