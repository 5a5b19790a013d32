namespace Bulwark.Core.Strategies;

/// <summary>How the catalog builds the strategies that trade a trend line's turns (supertrend, parabolic-sar, aroon).</summary>
public static partial class StrategyCatalog
{
    private static Func<IStrategy> Supertrend(string source, IReadOnlyList<string> symbols, StrategyParameters p)
    {
        var defaults = new SupertrendOptions();
        var options = new SupertrendOptions
        {
            Period = p.Int("period", defaults.Period, 1),
            Multiplier = p.Decimal("multiplier", defaults.Multiplier, 0m, exclusive: true),
            AllowShort = p.Bool("allowShort", defaults.AllowShort),
            TrendPeriod = p.OptionalInt(TrendPeriodParameter, "none", 1),
            TrendAverage = p.Enum(TrendAverageParameter, defaults.TrendAverage),
        };
        p.AddValidation(options.Validate());
        var rules = SignalRulesReader.Read(p);
        return () => new SupertrendStrategy(source, symbols, options) { Rules = rules };
    }

    private static Func<IStrategy> ParabolicSar(string source, IReadOnlyList<string> symbols, StrategyParameters p)
    {
        var defaults = new ParabolicSarOptions();
        var options = new ParabolicSarOptions
        {
            Acceleration = p.Decimal("acceleration", defaults.Acceleration, 0m, exclusive: true),
            MaxAcceleration = p.Decimal("maxAcceleration", defaults.MaxAcceleration, 0m, exclusive: true),
            AllowShort = p.Bool("allowShort", defaults.AllowShort),
            TrendPeriod = p.OptionalInt(TrendPeriodParameter, "none", 1),
            TrendAverage = p.Enum(TrendAverageParameter, defaults.TrendAverage),
        };
        p.AddValidation(options.Validate());
        var rules = SignalRulesReader.Read(p);
        return () => new ParabolicSarStrategy(source, symbols, options) { Rules = rules };
    }

    private static Func<IStrategy> Aroon(string source, IReadOnlyList<string> symbols, StrategyParameters p)
    {
        var defaults = new AroonOptions();
        var options = new AroonOptions
        {
            Period = p.Int("period", defaults.Period, 1),
            Threshold = p.Decimal("threshold", defaults.Threshold, 0m, exclusive: false),
            AllowShort = p.Bool("allowShort", defaults.AllowShort),
            TrendPeriod = p.OptionalInt(TrendPeriodParameter, "none", 1),
            TrendAverage = p.Enum(TrendAverageParameter, defaults.TrendAverage),
        };
        p.AddValidation(options.Validate());
        var rules = SignalRulesReader.Read(p);
        return () => new AroonStrategy(source, symbols, options) { Rules = rules };
    }
}
