namespace Bulwark.Core.Strategies;

/// <summary>The catalog's builders of the crossover strategies that cross one line over another: macd-cross, ma-cross and trix.</summary>
public static partial class StrategyCatalog
{
    private static Func<IStrategy> MacdCross(string source, IReadOnlyList<string> symbols, StrategyParameters p)
    {
        var defaults = new MacdCrossOptions();
        var options = new MacdCrossOptions
        {
            Fast = p.Int("fast", defaults.Fast, 1),
            Slow = p.Int("slow", defaults.Slow, 1),
            Signal = p.Int("signal", defaults.Signal, 1),
            Cross = p.Enum("cross", defaults.Cross),
            ZeroFilter = p.Enum("zeroFilter", defaults.ZeroFilter),
            AllowShort = p.Bool("allowShort", defaults.AllowShort),
            TrendPeriod = p.OptionalInt(TrendPeriodParameter, "none", 1),
            TrendAverage = p.Enum(TrendAverageParameter, defaults.TrendAverage),
        };
        p.AddValidation(options.Validate());
        var rules = SignalRulesReader.Read(p);
        return () => new MacdCrossStrategy(source, symbols, options) { Rules = rules };
    }

    private static Func<IStrategy> MovingAverageCross(string source, IReadOnlyList<string> symbols, StrategyParameters p)
    {
        var defaults = new MovingAverageCrossOptions();
        var options = new MovingAverageCrossOptions
        {
            Fast = p.Int("fast", defaults.Fast, 1),
            Slow = p.Int("slow", defaults.Slow, 1),
            Average = p.Enum("average", defaults.Average),
            AllowShort = p.Bool("allowShort", defaults.AllowShort),
            TrendPeriod = p.OptionalInt(TrendPeriodParameter, "none", 1),
            TrendAverage = p.Enum(TrendAverageParameter, defaults.TrendAverage),
        };
        p.AddValidation(options.Validate());
        var rules = SignalRulesReader.Read(p);
        return () => new MovingAverageCrossStrategy(source, symbols, options) { Rules = rules };
    }

    private static Func<IStrategy> Trix(string source, IReadOnlyList<string> symbols, StrategyParameters p)
    {
        var defaults = new TrixOptions();
        var options = new TrixOptions
        {
            Period = p.Int("period", defaults.Period, 1),
            Signal = p.Int("signal", defaults.Signal, 1),
            Cross = p.Enum("cross", defaults.Cross),
            AllowShort = p.Bool("allowShort", defaults.AllowShort),
            TrendPeriod = p.OptionalInt(TrendPeriodParameter, "none", 1),
            TrendAverage = p.Enum(TrendAverageParameter, defaults.TrendAverage),
        };
        p.AddValidation(options.Validate());
        var rules = SignalRulesReader.Read(p);
        return () => new TrixStrategy(source, symbols, options) { Rules = rules };
    }
}
