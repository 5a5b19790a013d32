namespace Bulwark.Core.Strategies;

/// <summary>
/// How the catalog builds the strategies that trade a trend line's turns (supertrend, parabolic-sar, aroon, ichimoku,
/// kama, hull).
/// </summary>
public static partial class StrategyCatalog
{
    private static Func<IStrategy> Supertrend(string source, IReadOnlyList<string> symbols, StrategyParameters p)
    {
        var defaults = new SupertrendOptions();
        var line = new SupertrendOptions
        {
            Period = p.Int("period", defaults.Period, 1),
            Multiplier = p.Decimal("multiplier", defaults.Multiplier, 0m, exclusive: true),
        };
        return Turn(p, line, (options, rules) => new SupertrendStrategy(source, symbols, options) { Rules = rules });
    }

    private static Func<IStrategy> ParabolicSar(string source, IReadOnlyList<string> symbols, StrategyParameters p)
    {
        var defaults = new ParabolicSarOptions();
        var line = new ParabolicSarOptions
        {
            Acceleration = p.Decimal("acceleration", defaults.Acceleration, 0m, exclusive: true),
            MaxAcceleration = p.Decimal("maxAcceleration", defaults.MaxAcceleration, 0m, exclusive: true),
        };
        return Turn(p, line, (options, rules) => new ParabolicSarStrategy(source, symbols, options) { Rules = rules });
    }

    private static Func<IStrategy> Aroon(string source, IReadOnlyList<string> symbols, StrategyParameters p)
    {
        var defaults = new AroonOptions();
        var line = new AroonOptions
        {
            Period = p.Int("period", defaults.Period, 1),
            Threshold = p.Decimal("threshold", defaults.Threshold, 0m, exclusive: false),
        };
        return Turn(p, line, (options, rules) => new AroonStrategy(source, symbols, options) { Rules = rules });
    }

    private static Func<IStrategy> Ichimoku(string source, IReadOnlyList<string> symbols, StrategyParameters p)
    {
        var defaults = new IchimokuOptions();
        var line = new IchimokuOptions
        {
            ConversionPeriod = p.Int("conversionPeriod", defaults.ConversionPeriod, 1),
            BasePeriod = p.Int("basePeriod", defaults.BasePeriod, 1),
            SpanBPeriod = p.Int("spanBPeriod", defaults.SpanBPeriod, 1),
            Displacement = p.Int("displacement", defaults.Displacement, 1),
            ConfirmLines = p.Bool("confirmLines", defaults.ConfirmLines),
            ConfirmLagging = p.Bool("confirmLagging", defaults.ConfirmLagging),
        };
        return Turn(p, line, (options, rules) => new IchimokuStrategy(source, symbols, options) { Rules = rules });
    }

    private static Func<IStrategy> Kama(string source, IReadOnlyList<string> symbols, StrategyParameters p)
    {
        var defaults = new KamaOptions();
        var line = new KamaOptions
        {
            Period = p.Int("period", defaults.Period, 1),
            FastPeriod = p.Int("fastPeriod", defaults.FastPeriod, 1),
            SlowPeriod = p.Int("slowPeriod", defaults.SlowPeriod, 1),
        };
        return AverageTurn(p, line, (options, rules) => new KamaStrategy(source, symbols, options) { Rules = rules });
    }

    private static Func<IStrategy> Hull(string source, IReadOnlyList<string> symbols, StrategyParameters p)
    {
        var line = new HullOptions { Period = p.Int("period", new HullOptions().Period, 1) };
        return AverageTurn(p, line, (options, rules) => new HullStrategy(source, symbols, options) { Rules = rules });
    }

    /// <summary>Reads the filter of an average's turns after the average's own parameters, then the rest as <see cref="Turn"/>.</summary>
    private static Func<IStrategy> AverageTurn<TOptions>(StrategyParameters p, TOptions line, Func<TOptions, SignalRules, IStrategy> create)
        where TOptions : AverageTurnOptions => Turn(p, (TOptions)(line with
        {
            Filter = p.Decimal("filter", line.Filter, 0m, exclusive: false),
            FilterPeriod = p.Int("filterPeriod", line.FilterPeriod, 2),
        }), create);

    /// <summary>
    /// Reads what every turn strategy takes after its line's own parameters (shorts, the trend average, then the signal
    /// rules), checks the whole options and builds with them.
    /// </summary>
    private static Func<IStrategy> Turn<TOptions>(StrategyParameters p, TOptions line, Func<TOptions, SignalRules, IStrategy> create)
        where TOptions : TurnOptions
    {
        var options = (TOptions)(line with
        {
            AllowShort = p.Bool("allowShort", line.AllowShort),
            TrendPeriod = p.OptionalInt(TrendPeriodParameter, "none", 1),
            TrendAverage = p.Enum(TrendAverageParameter, line.TrendAverage),
        });
        p.AddValidation(options.Validate());
        var rules = SignalRulesReader.Read(p);
        return () => create(options, rules);
    }
}
