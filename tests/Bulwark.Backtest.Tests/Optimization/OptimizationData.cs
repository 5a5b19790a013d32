using Bulwark.Core.Kernel;
using Bulwark.Core.MarketData;
using Bulwark.Core.Model;

namespace Bulwark.Backtest.Tests.Optimization;

/// <summary>Deterministic bars and options for the optimizer tests (synthetic daily bars, no calendar).</summary>
internal static class OptimizationData
{
    public const string Symbol = "SYN";

    public static IReadOnlyList<Bar> SyntheticDays(int count, int seed = 7) =>
    [
        .. new SyntheticBarFeed(new SyntheticFeedOptions
        {
            Symbols = [new SyntheticSymbol(Symbol, 100m)],
            Seed = seed,
            Interval = TimeSpan.FromDays(1),
            Start = new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero),
            MaxBars = count,
        }, new SimulatedTimeProvider(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero))).Generate(),
    ];

    public static BacktestOptions Options(string symbol = Symbol) => new()
    {
        Instruments = new Dictionary<string, Instrument>(StringComparer.Ordinal) { [symbol] = new Instrument(symbol, AssetClass.Equity) },
        Cash = 10_000m,
        Size = 1m,
        EnforceTradingHours = false,
    };
}
