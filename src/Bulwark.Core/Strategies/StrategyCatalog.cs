namespace Bulwark.Core.Strategies;

/// <summary>
/// The built-in strategies by name (sma-cross, ema-cloud, donchian-breakout, keltner-breakout, macd-cross, ma-cross, trix, supertrend, parabolic-sar, aroon, ichimoku, kama, hull, rsi-reversion, bollinger-reversion, stochastic-reversion, hmm-regime, grid), built from a source name, symbols and string
/// parameters as configured. Every problem is reported at once, keyed relative to the strategy's configuration
/// entry: "name", "source", "symbols" or "params.{parameter}". Parameter names ignore case; unknown ones are errors.
/// </summary>
public static partial class StrategyCatalog
{
    public static IReadOnlyList<string> KnownNames { get; } = ["sma-cross", "ema-cloud", "donchian-breakout", "keltner-breakout", "macd-cross", "ma-cross", "trix", "supertrend", "parabolic-sar", "aroon", "ichimoku", "kama", "hull", "rsi-reversion", "bollinger-reversion", "stochastic-reversion", "hmm-regime", "grid"];

    /// <summary>The kinds of trend average a strategy's trendPeriod may take, for its summary.</summary>
    private const string TrendKinds =
        "EMA, WMA, Hull, DEMA, TEMA or Kaufman adaptive average with trendAverage=ema, wma, hma, dema, tema or kama";

    /// <summary>The trend filter's clause of a summary.</summary>
    private const string TrendFilter = "trendPeriod buys only above its SMA, or its " + TrendKinds;

    /// <summary>What the strategy does, in a line (for listings).</summary>
    public static string Summary(string name) => name switch
    {
        "sma-cross" => "long when the close crosses above its SMA(period); flat on the cross below (trendPeriod buys only above a second SMA, of that period, or its " + TrendKinds + ")",
        "ema-cloud" => "long when the fast EMA cloud turns bullish above the trend cloud; flat when it turns bearish or the close falls below the trend cloud (shorts mirrored with allowShort; " + TrendFilter + ")",
        "donchian-breakout" => "long on a close above the highest high of the last entryPeriod bars; flat on a close below the lowest low of the last exitPeriod bars (shorts mirrored with allowShort; skipAfterWin skips a breakout after a winning one, taken or not, unless it clears the failsafePeriod channel; " + TrendFilter + ")",
        "keltner-breakout" => "long on a close above the Keltner channel (the EMA(period) of the closes plus multiplier ATR(rangePeriod)s); flat on a close below the EMA plus exitMultiplier ATRs (shorts mirrored with allowShort; squeezeBars: entries only when Bollinger bands(period, squeezeDeviations) were inside the channel in the last squeezeBars bars; " + TrendFilter + ")",
        "macd-cross" => "long when the MACD line (EMA(fast) - EMA(slow)) crosses above its signal line (EMA(signal) of it), or above zero with cross=zero; flat on the cross below (shorts mirrored with allowShort; zeroFilter=trend takes only the crosses above zero, reversal only those below; " + TrendFilter + ")",
        "ma-cross" => "long when the fast moving average (of fast closes) crosses above the slow one (of slow closes), both of one kind: simple, or with average=ema, wma, hma, dema, tema or kama; flat on the cross below (shorts mirrored with allowShort; " + TrendFilter + ")",
        "trix" => "long when TRIX(period), the one-bar percent change of the EMA of the EMA of the EMA of the closes, crosses above its signal line (EMA(signal) of it), or above zero with cross=zero; flat on the cross below (shorts mirrored with allowShort; " + TrendFilter + ")",
        "supertrend" => "long when the supertrend (multiplier ATR(period)s from the bar's midpoint, a line that only tightens) turns up on a close above it; flat when it turns down on a close below it (shorts mirrored with allowShort; " + TrendFilter + ")",
        "parabolic-sar" => "long when Wilder's parabolic SAR (a stop closing in on the trend's extreme by acceleration more of the way with each new extreme, up to maxAcceleration) reverses up, a bar's high reaching it; flat when it reverses down (stop and reverse with allowShort; " + TrendFilter + ")",
        "aroon" => "long when Aroon up crosses above Aroon down over period bars (the highest high now more recent than the lowest low; with threshold, once the oscillator is above it); flat when it crosses back, below -threshold (reversed with allowShort; " + TrendFilter + ")",
        "ichimoku" => "long on a close above Hosoda's cloud (the two leading spans of conversionPeriod, basePeriod and spanBPeriod bars, drawn displacement bars ahead); flat on a close below it (confirmLines: only with the conversion line on the same side of the base line; confirmLagging: only with the close beyond the close displacement bars before; reversed with allowShort; " + TrendFilter + ")",
        "kama" => "long when Kaufman's adaptive average KAMA(period, fastPeriod, slowPeriod) of the closes turns up, risen from its low since it turned down by more than filter standard deviations of its last filterPeriod one-bar changes; flat when it turns down as far from its high (reversed with allowShort; " + TrendFilter + ")",
        "hull" => "long when Hull's moving average HMA(period) of the closes turns up, risen from its low since it turned down by more than filter standard deviations of its last filterPeriod one-bar changes; flat when it turns down as far from its high (reversed with allowShort; " + TrendFilter + ")",
        "rsi-reversion" => "long while the RSI(rsiPeriod) is below oversold; flat once it is back to exitLevel (shorts above overbought with allowShort, covered at shortExitLevel, by default exitLevel's mirror; " + TrendFilter + ")",
        "bollinger-reversion" => "long while the close is below the lower Bollinger band(period, deviations); flat once it is back to the average plus exitDeviations (minBandwidth, maxBandwidth: entries only while the bands' width in percent of the average is within; shorts above the upper band with allowShort; " + TrendFilter + ")",
        "stochastic-reversion" => "long while the stochastic's %K(period, smoothing) is below oversold, or %D(signal) with line=d (entry=cross: only as %K crosses above %D there); flat once it is back to exitLevel (shorts above overbought with allowShort, covered at shortExitLevel, by default exitLevel's mirror; " + TrendFilter + ")",
        "hmm-regime" => "a Gaussian hidden Markov model of log returns sets the position by regime, once its inputs pass validation; an sma-cross(fallbackPeriod) trades until then",
        "grid" => "limit orders at levels around a center, replaced one level away after each fill; sizes its own orders (size, sizeScale)",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"unknown strategy; known: {string.Join(", ", KnownNames)}"),
    };

    /// <summary>
    /// Whether the strategy sizes its own orders from its parameters (the grid's levels), so a bot's sizing never
    /// applies to it; the others' entries are sized by the bot's sizer.
    /// </summary>
    public static bool SizesItsOwnOrders(string name) => name == "grid";

    /// <summary>
    /// Whether every order the strategy places is a limit order (the grid's levels), which fills at its limit price or
    /// better: slippage, which the venue applies to market and stop fills, never touches it.
    /// </summary>
    public static bool PlacesOnlyLimitOrders(string name) => name == "grid";

    /// <summary>The parameters of a strategy's protective exits, a stop and a take-profit (all but the grid take them).</summary>
    public static IReadOnlyList<string> StopParameters { get; } = ["stopLossPercent", "trailingStopPercent", "takeProfitPercent", "stopLossAtr", "trailingStopAtr", "breakEvenPercent", "trailActivationPercent", "scaleOutPercent", "takeProfitAtr"];

    /// <summary>The bars of the average true range a stop in ATRs is measured with.</summary>
    public const string AtrPeriodParameter = "atrPeriod";

    /// <summary>How many take-profits a scale-out takes its share at, a ladder of them (1: one).</summary>
    public const string ScaleOutStepsParameter = "scaleOutSteps";

    /// <summary>What a trailing stop trails behind: close (the best close) or extreme (the best high or low).</summary>
    public const string TrailFromParameter = "trailFrom";

    /// <summary>
    /// The time stop of the signal strategies (sma-cross, ema-cloud, donchian-breakout, keltner-breakout, macd-cross, ma-cross, trix, supertrend, parabolic-sar, aroon, ichimoku, kama, hull, rsi-reversion, bollinger-reversion, stochastic-reversion): the most days (calendar days, fractions allowed: 0.25 is six hours) a
    /// position is held before the kernel closes it. Not hmm-regime's: its regime re-asserts its target at every bar.
    /// </summary>
    public const string MaxHoldParameter = "maxHoldDays";

    /// <summary>The longest time stop, in days: ten years.</summary>
    public const decimal MaxHoldDaysLimit = 3650m;

    /// <summary>
    /// The time stop in trading sessions of the symbol's exchange (the signal strategies): the session of the opening fill
    /// is the first, and the position is closed at the close of the last. Not with <see cref="MaxHoldParameter"/>.
    /// </summary>
    public const string MaxHoldSessionsParameter = "maxHoldSessions";

    /// <summary>The trend filter of the signal strategies: entries only while the ADX is at least this (0 to 100); "none" for no floor.</summary>
    public const string MinAdxParameter = "minAdx";

    /// <summary>The range filter of the signal strategies: entries only while the ADX is at most this (0 to 100); "none" for no ceiling.</summary>
    public const string MaxAdxParameter = "maxAdx";

    /// <summary>
    /// The direction filter of the signal strategies: "with" takes a long only while +DI is above -DI and a short only
    /// below, "against" the other way round (a fade); "none" reads neither.
    /// </summary>
    public const string DiFilterParameter = "diFilter";

    /// <summary>
    /// The slope filter of the signal strategies: "rising" takes an entry only while the ADX is above its value
    /// <see cref="AdxSlopeBarsParameter"/> bars before (a trend gathering strength), "falling" only below; "none" reads neither.
    /// </summary>
    public const string AdxSlopeParameter = "adxSlope";

    /// <summary>The bars back the slope filter compares the ADX with (1: the bar before).</summary>
    public const string AdxSlopeBarsParameter = "adxSlopeBars";

    /// <summary>
    /// The kind of the signal strategies' trend average (of trendPeriod closes): "sma" (the default), or the lower-case
    /// name of any other <see cref="TrendAverage"/> ("ema", "wma", "hma", "dema", "tema", "kama").
    /// </summary>
    public const string TrendAverageParameter = "trendAverage";

    /// <summary>bollinger-reversion's floor on the bands' width, in percent of their average; "none" for none.</summary>
    public const string MinBandwidthParameter = "minBandwidth";

    /// <summary>bollinger-reversion's ceiling on the bands' width, in percent of their average; "none" for none.</summary>
    public const string MaxBandwidthParameter = "maxBandwidth";

    /// <summary>keltner-breakout's squeeze filter: entries only when there was a squeeze in the last this many bars; "none" for every breakout.</summary>
    public const string SqueezeBarsParameter = "squeezeBars";

    /// <summary>The width, in standard deviations, of the Bollinger bands keltner-breakout's squeeze filter reads.</summary>
    public const string SqueezeDeviationsParameter = "squeezeDeviations";

    /// <summary>donchian-breakout's failsafe channel, in bars, which takes a breakout the skip rule skipped; "none" for none.</summary>
    public const string FailsafePeriodParameter = "failsafePeriod";

    /// <summary>The bars of the mean-reversion, breakout and crossover strategies' trend average; "none" for none.</summary>
    public const string TrendPeriodParameter = "trendPeriod";

    /// <summary>The volume filter of the signal strategies: entries only on a bar whose volume is at least this many times the mean of the volumePeriod bars before; "none" for no floor.</summary>
    public const string MinVolumeRatioParameter = "minVolumeRatio";

    /// <summary>The volume filter of the signal strategies: entries only on a bar whose volume is at most this many times the mean of the volumePeriod bars before; "none" for no ceiling.</summary>
    public const string MaxVolumeRatioParameter = "maxVolumeRatio";

    /// <summary>The bars of the mean volume the volume filter compares a bar's volume with.</summary>
    public const string VolumePeriodParameter = "volumePeriod";

    /// <summary>The bars of the trend filter's ADX.</summary>
    public const string AdxPeriodParameter = "adxPeriod";

    /// <summary>The longest ADX the trend filter takes, in bars (it is ready after twice as many).</summary>
    public const int MaxAdxPeriod = 1000;

    public static StrategyBuildResult Build(string name, string source, IReadOnlyList<string> symbols, IReadOnlyDictionary<string, string> parameters)
    {
        var problems = new List<StrategyProblem>();
        if (string.IsNullOrWhiteSpace(source)) problems.Add(new StrategyProblem("source", "must not be empty"));
        if (symbols.Count == 0) problems.Add(new StrategyProblem("symbols", "must list at least one symbol"));
        else if (symbols.Any(string.IsNullOrWhiteSpace)) problems.Add(new StrategyProblem("symbols", "must not contain an empty symbol"));
        var reader = new StrategyParameters(parameters, problems);
        Func<IStrategy>? create = name switch
        {
            "sma-cross" => SmaCross(source, symbols, reader),
            "ema-cloud" => EmaCloud(source, symbols, reader),
            "donchian-breakout" => DonchianBreakout(source, symbols, reader),
            "keltner-breakout" => KeltnerBreakout(source, symbols, reader),
            "macd-cross" => MacdCross(source, symbols, reader),
            "ma-cross" => MovingAverageCross(source, symbols, reader),
            "trix" => Trix(source, symbols, reader),
            "supertrend" => Supertrend(source, symbols, reader),
            "parabolic-sar" => ParabolicSar(source, symbols, reader),
            "aroon" => Aroon(source, symbols, reader),
            "ichimoku" => Ichimoku(source, symbols, reader),
            "kama" => Kama(source, symbols, reader),
            "hull" => Hull(source, symbols, reader),
            "rsi-reversion" => RsiReversion(source, symbols, reader),
            "bollinger-reversion" => BollingerReversion(source, symbols, reader),
            "stochastic-reversion" => StochasticReversion(source, symbols, reader),
            "hmm-regime" => HmmRegime(source, symbols, reader),
            "grid" => Grid(source, symbols, reader),
            _ => null,
        };
        if (create is null)
        {
            problems.Add(new StrategyProblem("name", $"unknown strategy '{name}'; known: {string.Join(", ", KnownNames)}"));
            return new StrategyBuildResult(null, problems);
        }
        reader.RejectUnknown(name);
        return (problems.Count > 0 ? new StrategyBuildResult(null, problems) : new StrategyBuildResult(create(), problems))
            with { Parameters = reader.Effective };
    }

    private static Func<IStrategy> SmaCross(string source, IReadOnlyList<string> symbols, StrategyParameters p)
    {
        var period = p.Int("period", 10, 1);
        var trendPeriod = p.OptionalInt(TrendPeriodParameter, "none", 1);
        var trendAverage = p.Enum(TrendAverageParameter, TrendAverage.Sma);
        if (TrendSides.PeriodProblem(trendPeriod) is { } trend) p.AddValidation([trend]);
        var rules = SignalRulesReader.Read(p);
        return () => new SmaCrossStrategy(source, symbols, period, trendPeriod, trendAverage) { Rules = rules };
    }

    private static Func<IStrategy> EmaCloud(string source, IReadOnlyList<string> symbols, StrategyParameters p)
    {
        var defaults = new EmaCloudOptions();
        var options = new EmaCloudOptions
        {
            FastShort = p.Int("fastShort", defaults.FastShort, 1),
            FastLong = p.Int("fastLong", defaults.FastLong, 1),
            TrendShort = p.Int("trendShort", defaults.TrendShort, 1),
            TrendLong = p.Int("trendLong", defaults.TrendLong, 1),
            AllowShort = p.Bool("allowShort", defaults.AllowShort),
            TrendPeriod = p.OptionalInt(TrendPeriodParameter, "none", 1),
            TrendAverage = p.Enum(TrendAverageParameter, defaults.TrendAverage),
        };
        p.AddValidation(options.Validate());
        var rules = SignalRulesReader.Read(p);
        return () => new EmaCloudStrategy(source, symbols, options) { Rules = rules };
    }

    private static Func<IStrategy> DonchianBreakout(string source, IReadOnlyList<string> symbols, StrategyParameters p)
    {
        var defaults = new DonchianBreakoutOptions();
        var options = new DonchianBreakoutOptions
        {
            EntryPeriod = p.Int("entryPeriod", defaults.EntryPeriod, 1),
            ExitPeriod = p.Int("exitPeriod", defaults.ExitPeriod, 1),
            AllowShort = p.Bool("allowShort", defaults.AllowShort),
            SkipAfterWin = p.Bool("skipAfterWin", defaults.SkipAfterWin),
            FailsafePeriod = p.OptionalInt(FailsafePeriodParameter, "none", 1),
            TrendPeriod = p.OptionalInt(TrendPeriodParameter, "none", 1),
            TrendAverage = p.Enum(TrendAverageParameter, defaults.TrendAverage),
        };
        p.AddValidation(options.Validate());
        var rules = SignalRulesReader.Read(p);
        return () => new DonchianBreakoutStrategy(source, symbols, options) { Rules = rules };
    }

    private static Func<IStrategy> KeltnerBreakout(string source, IReadOnlyList<string> symbols, StrategyParameters p)
    {
        var defaults = new KeltnerBreakoutOptions();
        var options = new KeltnerBreakoutOptions
        {
            Period = p.Int("period", defaults.Period, 1),
            Multiplier = p.Decimal("multiplier", defaults.Multiplier, 0m, exclusive: true),
            RangePeriod = p.Int("rangePeriod", defaults.RangePeriod, 1),
            ExitMultiplier = p.SignedDecimal("exitMultiplier", defaults.ExitMultiplier),
            SqueezeBars = p.OptionalInt(SqueezeBarsParameter, "none", 1),
            SqueezeDeviations = p.Decimal(SqueezeDeviationsParameter, defaults.SqueezeDeviations, 0m, exclusive: true),
            AllowShort = p.Bool("allowShort", defaults.AllowShort),
            TrendPeriod = p.OptionalInt(TrendPeriodParameter, "none", 1),
            TrendAverage = p.Enum(TrendAverageParameter, defaults.TrendAverage),
        };
        p.AddValidation(options.Validate());
        var rules = SignalRulesReader.Read(p);
        return () => new KeltnerBreakoutStrategy(source, symbols, options) { Rules = rules };
    }

    private static Func<IStrategy> RsiReversion(string source, IReadOnlyList<string> symbols, StrategyParameters p)
    {
        var defaults = new RsiReversionOptions();
        var options = WithLevels(p, new RsiReversionOptions { RsiPeriod = p.Int("rsiPeriod", defaults.RsiPeriod, 1) });
        p.AddValidation(options.Validate());
        var rules = SignalRulesReader.Read(p);
        return () => new RsiReversionStrategy(source, symbols, options) { Rules = rules };
    }

    private static Func<IStrategy> BollingerReversion(string source, IReadOnlyList<string> symbols, StrategyParameters p)
    {
        var defaults = new BollingerReversionOptions();
        var options = new BollingerReversionOptions
        {
            Period = p.Int("period", defaults.Period, 2),
            Deviations = p.Decimal("deviations", defaults.Deviations, 0m, exclusive: true),
            ExitDeviations = p.SignedDecimal("exitDeviations", defaults.ExitDeviations),
            MinBandwidth = p.OptionalPositiveDecimal(MinBandwidthParameter, defaults.MinBandwidth, "none"),
            MaxBandwidth = p.OptionalPositiveDecimal(MaxBandwidthParameter, defaults.MaxBandwidth, "none"),
            AllowShort = p.Bool("allowShort", defaults.AllowShort),
            TrendPeriod = p.OptionalInt(TrendPeriodParameter, "none", 1),
            TrendAverage = p.Enum(TrendAverageParameter, defaults.TrendAverage),
        };
        p.AddValidation(options.Validate());
        var rules = SignalRulesReader.Read(p);
        return () => new BollingerReversionStrategy(source, symbols, options) { Rules = rules };
    }

    private static Func<IStrategy> StochasticReversion(string source, IReadOnlyList<string> symbols, StrategyParameters p)
    {
        var defaults = new StochasticReversionOptions();
        var options = WithLevels(p, new StochasticReversionOptions
        {
            Period = p.Int("period", defaults.Period, 1),
            Smoothing = p.Int("smoothing", defaults.Smoothing, 1),
            Signal = p.Int("signal", defaults.Signal, 1),
            Line = p.Enum("line", defaults.Line),
            Entry = p.Enum("entry", defaults.Entry),
        });
        p.AddValidation(options.Validate());
        var rules = SignalRulesReader.Read(p);
        return () => new StochasticReversionStrategy(source, symbols, options) { Rules = rules };
    }

    /// <summary>
    /// <paramref name="options"/> with the levels, shorts and trend average of an oscillator reversion read (in that order,
    /// after the oscillator's own parameters), each defaulting to the strategy's.
    /// </summary>
    private static T WithLevels<T>(StrategyParameters p, T options) where T : OscillatorReversionOptions =>
        (T)((OscillatorReversionOptions)options with
        {
            Oversold = p.Decimal("oversold", options.Oversold, 0m, exclusive: true),
            Overbought = p.Decimal("overbought", options.Overbought, 0m, exclusive: true),
            ExitLevel = p.Decimal("exitLevel", options.ExitLevel, 0m, exclusive: true),
            ShortExitLevel = p.OptionalPositiveDecimal("shortExitLevel", options.ShortExitLevel, "mirror"),
            AllowShort = p.Bool("allowShort", options.AllowShort),
            TrendPeriod = p.OptionalInt(TrendPeriodParameter, "none", 1),
            TrendAverage = p.Enum(TrendAverageParameter, options.TrendAverage),
        });

    private static Func<IStrategy> HmmRegime(string source, IReadOnlyList<string> symbols, StrategyParameters p)
    {
        var d = new HmmRegimeOptions();
        var options = new HmmRegimeOptions
        {
            States = p.Int("states", d.States, 2),
            MinObservations = p.Int("minObservations", d.MinObservations, HmmRegimeOptions.LeastObservations),
            Window = p.Int("window", d.Window, 1),
            RefitEvery = p.Int("refitEvery", d.RefitEvery, 1),
            MinVolatility = p.Decimal("minVolatility", d.MinVolatility, 0m, exclusive: false),
            PeriodsPerYear = p.OptionalInt("periodsPerYear", "auto", 1),
            AdfLags = p.OptionalInt("adfLags", "auto", 0),
            MaxIterations = p.Int("maxIterations", d.MaxIterations, 1),
            Tolerance = p.Decimal("tolerance", d.Tolerance, 0m, exclusive: true),
            Restarts = p.Int("restarts", d.Restarts, 1),
            Seed = p.Int("seed", d.Seed, 0),
            Bearish = p.Enum("bearish", d.Bearish),
            Middle = p.Enum("middle", d.Middle),
            Bullish = p.Enum("bullish", d.Bullish),
            Quantity = p.OptionalPositiveDecimal("quantity", d.Quantity, "sizer"),
            FallbackPeriod = p.Int("fallbackPeriod", d.FallbackPeriod, 1),
        };
        p.AddValidation(options.Validate());
        var protection = SignalRulesReader.Protection(p);
        return () => new HmmRegimeStrategy(source, symbols, options) { Protection = protection };
    }

    private static Func<IStrategy> Grid(string source, IReadOnlyList<string> symbols, StrategyParameters p)
    {
        var d = new GridOptions();
        var options = new GridOptions
        {
            LevelsPerSide = p.Int("levels", d.LevelsPerSide, 1),
            SpacingPercent = p.OptionalPositiveDecimal("spacingPercent", d.SpacingPercent, "off"),
            AtrMultiple = p.OptionalPositiveDecimal("atrMultiple", d.AtrMultiple, "off"),
            AtrPeriod = p.Int("atrPeriod", d.AtrPeriod, 1),
            Center = p.OptionalPositiveDecimal("center", d.Center, "last"),
            BiasPeriod = p.Int("biasPeriod", d.BiasPeriod, 0),
            BiasStrength = p.Decimal("biasStrength", d.BiasStrength, 0m, exclusive: false),
            Size = p.Decimal("size", d.Size, 0m, exclusive: true),
            SizeScale = p.Decimal("sizeScale", d.SizeScale, 0m, exclusive: true),
            LowerBound = p.OptionalPositiveDecimal("lowerBound", d.LowerBound, "none"),
            UpperBound = p.OptionalPositiveDecimal("upperBound", d.UpperBound, "none"),
            MaxInventory = p.OptionalPositiveDecimal("maxInventory", d.MaxInventory, "auto"),
            DriftTolerance = p.Decimal("driftTolerance", d.DriftTolerance, 0m, exclusive: false),
            RecenterSteps = p.OptionalInt("recenterSteps", "off", 1),
            AllowShort = p.Bool("allowShort", d.AllowShort),
            FundsRetryMinutes = p.Int("fundsRetryMinutes", d.FundsRetryMinutes, 1),
        };
        p.AddValidation(options.Validate());
        if (options.SpacingPercent is null && options.EffectiveSpacingPercent is { } spacing) p.Resolve("spacingPercent", spacing);
        return () => new GridStrategy(source, symbols, options);
    }
}
