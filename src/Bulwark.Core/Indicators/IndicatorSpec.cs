using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Bulwark.Core.Indicators;

/// <summary>
/// An indicator named in text, its name and parameters separated by colons (see <see cref="Syntax"/>): N, F, S, G and A
/// are periods (whole numbers from 1 to <see cref="MaxPeriod"/>), K a positive decimal multiplier, S and M the
/// parabolic SAR's acceleration step and largest acceleration (S at most M, M at most 1). Names match
/// case-insensitively. Each output has a column name: the name and parameters joined by underscores (<c>sma_30</c>,
/// <c>rsi_14</c>), with a suffix per output for those that have several (<c>bbands_20_2_mid</c>, <c>_top</c>,
/// <c>_bot</c>; <c>macd_12_26_9_line</c>, <c>_signal</c>, <c>_hist</c>; <c>stoch_14_3_3_k</c>, <c>_d</c>;
/// <c>adx_14_adx</c>, <c>_plus</c>, <c>_minus</c>; <c>aroon_25_up</c>, <c>_down</c>, <c>_osc</c>;
/// <c>supertrend_10_3_line</c>, <c>_dir</c>; <c>psar_0.02_0.2_sar</c>, <c>_dir</c>; <c>ichimoku_9_26_52_tenkan</c>,
/// <c>_kijun</c>, <c>_spana</c>, <c>_spanb</c>, <c>_leada</c>, <c>_leadb</c>), decimals without trailing zeros. In
/// <c>ichimoku:T:K:S[:D]</c> all four are periods: the conversion, base and span B periods (T below K below S) and the
/// displacement (K when left out). In <c>kama:N[:F][:S]</c> N is the efficiency period and F and S the fast and slow
/// EMA periods the factor moves between (Kaufman's 2 and 30 when left out; F below S). <c>wma:N</c> is the linearly
/// weighted average and <c>hma:N</c> Hull's (ready after N + √N - 1 bars); <c>dema:N</c> and <c>tema:N</c> are Mulloy's
/// double and triple exponential averages (ready after 2N - 1 and 3N - 2 bars). <c>trix:N</c> is the TRIX line alone
/// (<c>trix_15</c>); <c>trix:N:G</c> adds its signal line of G bars and the histogram (<c>trix_15_9_line</c>,
/// <c>_signal</c>, <c>_hist</c>).
/// </summary>
public sealed class IndicatorSpec
{
    /// <summary>The largest period accepted (each window is kept in memory).</summary>
    public const int MaxPeriod = 100_000;

    /// <summary>The accepted forms, for messages and help.</summary>
    public const string Syntax =
        "sma:N, ema:N, wma:N, hma:N, dema:N, tema:N, kama:N[:F][:S], atr:N, rsi:N, roc:N, trix:N[:G], willr:N, adx:N, aroon:N, vratio:N, donchian:N, bbands:N:K, keltner:N:K[:A], supertrend:N:K, psar:S:M, macd:F:S:G, stoch:N:S:D or ichimoku:T:K:S[:D]";

    private static readonly string[] Channel = ["mid", "top", "bot"];

    private static readonly Kind[] Kinds =
    [
        new("sma", [PeriodOf("period", "N")], [], p => new SimpleMovingAverage(Whole(p, 0))),
        new("ema", [PeriodOf("period", "N")], [], p => new ExponentialMovingAverage(Whole(p, 0))),
        new("wma", [PeriodOf("period", "N")], [], p => new WeightedMovingAverage(Whole(p, 0))),
        new("hma", [PeriodOf("period", "N")], [], p => new HullMovingAverage(Whole(p, 0))),
        new("dema", [PeriodOf("period", "N")], [], p => new DoubleExponentialMovingAverage(Whole(p, 0))),
        new("tema", [PeriodOf("period", "N")], [], p => new TripleExponentialMovingAverage(Whole(p, 0))),
        new("kama", [PeriodOf("period", "N"), PeriodOf("fast period", "F", optional: true), PeriodOf("slow period", "S", optional: true)], [],
            p => new AdaptiveMovingAverage(Whole(p, 0), FastOf(p), SlowOf(p))),
        new("atr", [PeriodOf("period", "N")], [], p => new AverageTrueRange(Whole(p, 0))),
        new("rsi", [PeriodOf("period", "N")], [], p => new RelativeStrengthIndex(Whole(p, 0))),
        new("roc", [PeriodOf("period", "N")], [], p => new RateOfChange(Whole(p, 0))),
        new("trix", [PeriodOf("period", "N"), PeriodOf("signal period", "G", optional: true)], ["line", "signal", "hist"],
            p => new Trix(Whole(p, 0), p.Count > 1 ? Whole(p, 1) : null)) { OutputsFrom = 2 }, // the line alone without G
        new("willr", [PeriodOf("period", "N")], [], p => new WilliamsPercentRange(Whole(p, 0))),
        new("adx", [PeriodOf("period", "N")], ["adx", "plus", "minus"], p => new AverageDirectionalIndex(Whole(p, 0))),
        new("aroon", [PeriodOf("period", "N")], ["up", "down", "osc"], p => new Aroon(Whole(p, 0))),
        new("vratio", [PeriodOf("period", "N")], [], p => new VolumeRatio(Whole(p, 0))),
        new("donchian", [PeriodOf("period", "N")], Channel, p => new DonchianChannel(Whole(p, 0))),
        new("bbands", [PeriodOf("period", "N"), Multiplier("K", "a positive number of standard deviations")], Channel,
            p => new BollingerBands(Whole(p, 0), p[1])),
        new("keltner", [PeriodOf("period", "N"), Multiplier("K", "a positive multiple of the average true range"), PeriodOf("ATR period", "A", optional: true)], Channel,
            p => new KeltnerChannel(Whole(p, 0), p[1], p.Count > 2 ? Whole(p, 2) : Whole(p, 0))),
        new("supertrend", [PeriodOf("ATR period", "N"), Multiplier("K", "a positive multiple of the average true range")], ["line", "dir"],
            p => new Supertrend(Whole(p, 0), p[1])),
        new("psar", [Multiplier("S", "a positive acceleration step"), Multiplier("M", "a positive largest acceleration")], ["sar", "dir"],
            p => new ParabolicSar(p[0], p[1])),
        new("macd", [PeriodOf("fast period", "F"), PeriodOf("slow period", "S"), PeriodOf("signal period", "G")], ["line", "signal", "hist"],
            p => new MovingAverageConvergenceDivergence(Whole(p, 0), Whole(p, 1), Whole(p, 2))),
        new("stoch", [PeriodOf("period", "N"), PeriodOf("smoothing", "S"), PeriodOf("%D period", "D")], ["k", "d"],
            p => new Stochastic(Whole(p, 0), Whole(p, 1), Whole(p, 2))),
        new("ichimoku", [PeriodOf("conversion period", "T"), PeriodOf("base period", "K"), PeriodOf("span B period", "S"), PeriodOf("displacement", "D", optional: true)],
            ["tenkan", "kijun", "spana", "spanb", "leada", "leadb"],
            p => new Ichimoku(Whole(p, 0), Whole(p, 1), Whole(p, 2), p.Count > 3 ? Whole(p, 3) : Whole(p, 1))),
    ];

    private readonly Kind _kind;

    private IndicatorSpec(Kind kind, decimal[] parameters)
    {
        _kind = kind;
        Parameters = parameters;
        var stem = string.Join('_', [kind.Name, .. parameters.Select(Format)]);
        ColumnNames = kind.Outputs.Length == 0 || parameters.Length < kind.OutputsFrom ? [stem] : [.. kind.Outputs.Select(o => $"{stem}_{o}")];
    }

    /// <summary>The indicator's name in lower case, e.g. sma or bbands.</summary>
    public string Name => _kind.Name;

    /// <summary>The first period (N, F for macd, T for ichimoku); 0 for psar, which has none.</summary>
    public int Period => Whole(Parameters, 0);

    /// <summary>The parameters in the order written (periods as whole numbers, K as given); an optional one left out is not here.</summary>
    public IReadOnlyList<decimal> Parameters { get; }

    /// <summary>One column name per output of <see cref="Create"/>, in output order.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>A new indicator of this kind, empty.</summary>
    public IIndicator Create() => _kind.Create(Parameters);

    /// <summary>The canonical text, e.g. <c>sma:30</c> or <c>bbands:20:2</c>.</summary>
    public override string ToString() => string.Join(':', [Name, .. Parameters.Select(Format)]);

    /// <summary>Parses <paramref name="text"/>, or says what is wrong with it (without repeating it).</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out IndicatorSpec? spec, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        spec = null;
        var parts = text.Split(':');
        var kind = Array.Find(Kinds, k => k.Name.Equals(parts[0].Trim(), StringComparison.OrdinalIgnoreCase));
        if (kind is null)
        {
            problem = $"unknown indicator '{parts[0]}' (expected {Syntax})";
            return false;
        }
        var given = parts.Length - 1;
        var required = kind.Parameters.Count(p => !p.Optional);
        if (given < required)
        {
            problem = $"missing {kind.Parameters[given].Label} (expected {kind.Form})";
            return false;
        }
        if (given > kind.Parameters.Length)
        {
            problem = $"too many parts (expected {kind.Form})";
            return false;
        }
        var values = new decimal[given];
        for (var i = 0; i < given; i++)
        {
            var parameter = kind.Parameters[i];
            var raw = parts[i + 1].Trim();
            if (parameter.Whole)
            {
                if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var period) || period < 1 || period > MaxPeriod)
                {
                    problem = $"{parameter.Label} '{parts[i + 1]}' is not a whole number from 1 to {MaxPeriod} (expected {kind.Form})";
                    return false;
                }
                values[i] = period;
            }
            else
            {
                if (!decimal.TryParse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var k) || k <= 0m)
                {
                    problem = $"{parameter.Label} '{parts[i + 1]}' is not {parameter.Meaning} (expected {kind.Form})";
                    return false;
                }
                values[i] = k;
            }
        }
        if (kind.Name == "macd" && values[0] >= values[1])
        {
            problem = $"fast period {Format(values[0])} is not below the slow period {Format(values[1])} (expected {kind.Form})";
            return false;
        }
        if (kind.Name == "kama" && FastOf(values) >= SlowOf(values))
        {
            var slow = values.Length > 2 ? $"{SlowOf(values)}" : $"{SlowOf(values)} (Kaufman's, S left out)";
            problem = $"fast period F {FastOf(values)} is not below the slow period S {slow} (expected {kind.Form})";
            return false;
        }
        if (kind.Name == "ichimoku" && IchimokuProblem(values) is { } periods)
        {
            problem = $"{periods} (expected {kind.Form})";
            return false;
        }
        if (kind.Name == "psar" && AccelerationProblem(values[0], values[1]) is { } acceleration)
        {
            problem = $"{acceleration} (expected {kind.Form})";
            return false;
        }
        spec = new IndicatorSpec(kind, values);
        problem = null;
        return true;
    }

    private static string? AccelerationProblem(decimal step, decimal maximum) =>
        maximum > ParabolicSar.MaxAcceleration
            ? $"largest acceleration M {Format(maximum)} is above {Format(ParabolicSar.MaxAcceleration)}, where the stop would pass the extreme point"
            : step > maximum ? $"acceleration step S {Format(step)} is above the largest acceleration M {Format(maximum)}" : null;

    private static string? IchimokuProblem(decimal[] periods) =>
        periods[0] >= periods[1]
            ? $"conversion period T {Format(periods[0])} is not below the base period K {Format(periods[1])}"
            : periods[1] >= periods[2] ? $"base period K {Format(periods[1])} is not below the span B period S {Format(periods[2])}" : null;

    private static int Whole(IReadOnlyList<decimal> parameters, int index) => (int)parameters[index];

    private static int FastOf(IReadOnlyList<decimal> kama) => kama.Count > 1 ? Whole(kama, 1) : AdaptiveMovingAverage.DefaultFastPeriod;

    private static int SlowOf(IReadOnlyList<decimal> kama) => kama.Count > 2 ? Whole(kama, 2) : AdaptiveMovingAverage.DefaultSlowPeriod;

    private static string Format(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static Parameter PeriodOf(string label, string letter, bool optional = false) => new(label, letter, Whole: true, "", optional);

    private static Parameter Multiplier(string letter, string meaning) => new(letter, letter, Whole: false, meaning, Optional: false);

    /// <summary>
    /// One parameter of a form: a period or a multiplier, with the name messages give it and the letter the form shows
    /// (<c>F</c> in <c>macd:F:S:G</c>); optional ones come last.
    /// </summary>
    private sealed record Parameter(string Label, string Letter, bool Whole, string Meaning, bool Optional);

    private sealed record Kind(string Name, Parameter[] Parameters, string[] Outputs, Func<IReadOnlyList<decimal>, IIndicator> Create)
    {
        /// <summary>
        /// How many parameters must be given for the indicator to have the named <see cref="Outputs"/>; with fewer it has
        /// one output, named by the stem alone (0: always the named outputs).
        /// </summary>
        public int OutputsFrom { get; init; }

        /// <summary>The form messages show, e.g. <c>keltner:N:K[:A]</c>.</summary>
        public string Form => Name + string.Concat(Parameters.Select(p => p.Optional ? $"[:{p.Letter}]" : $":{p.Letter}"));
    }
}
