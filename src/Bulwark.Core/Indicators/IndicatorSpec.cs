using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Bulwark.Core.Indicators;

/// <summary>
/// An indicator named in text: <c>sma:N</c>, <c>ema:N</c>, <c>atr:N</c>, <c>rsi:N</c> or <c>bbands:N:K</c>
/// (N the period, a whole number from 1 to <see cref="MaxPeriod"/>; K the number of standard deviations, a
/// positive decimal). Names match case-insensitively. Each output has a column name: <c>sma_30</c>,
/// <c>ema_30</c>, <c>atr_14</c>, <c>rsi_14</c>, and for Bollinger Bands <c>bbands_20_2_mid</c>,
/// <c>bbands_20_2_top</c>, <c>bbands_20_2_bot</c> (K without trailing zeros).
/// </summary>
public sealed class IndicatorSpec
{
    /// <summary>The largest period accepted (each window is kept in memory).</summary>
    public const int MaxPeriod = 100_000;

    /// <summary>The accepted forms, for messages and help.</summary>
    public const string Syntax = "sma:N, ema:N, atr:N, rsi:N or bbands:N:K";

    private static readonly string[] Names = ["sma", "ema", "atr", "rsi", "bbands"];

    private IndicatorSpec(string name, int period, decimal deviations)
    {
        Name = name;
        Period = period;
        Deviations = deviations;
        var stem = string.Create(CultureInfo.InvariantCulture, $"{name}_{period}");
        ColumnNames = name == "bbands"
            ? [$"{stem}_{FormatDeviations(deviations)}_mid", $"{stem}_{FormatDeviations(deviations)}_top", $"{stem}_{FormatDeviations(deviations)}_bot"]
            : [stem];
    }

    /// <summary>The indicator's name in lower case: sma, ema, atr, rsi or bbands.</summary>
    public string Name { get; }

    public int Period { get; }

    /// <summary>K, the number of standard deviations, for bbands; 0 for the others.</summary>
    public decimal Deviations { get; }

    /// <summary>One column name per output of <see cref="Create"/>, in output order.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>A new indicator of this kind, empty.</summary>
    public IIndicator Create() => Name switch
    {
        "sma" => new SimpleMovingAverage(Period),
        "ema" => new ExponentialMovingAverage(Period),
        "atr" => new AverageTrueRange(Period),
        "rsi" => new RelativeStrengthIndex(Period),
        _ => new BollingerBands(Period, Deviations),
    };

    /// <summary>The canonical text, e.g. <c>sma:30</c> or <c>bbands:20:2</c>.</summary>
    public override string ToString() => Name == "bbands"
        ? string.Create(CultureInfo.InvariantCulture, $"{Name}:{Period}:{FormatDeviations(Deviations)}")
        : string.Create(CultureInfo.InvariantCulture, $"{Name}:{Period}");

    /// <summary>Parses <paramref name="text"/>, or says what is wrong with it (without repeating it).</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out IndicatorSpec? spec, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        spec = null;
        var parts = text.Split(':');
        var name = Array.Find(Names, n => n.Equals(parts[0].Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            problem = $"unknown indicator '{parts[0]}' (expected {Syntax})";
            return false;
        }
        var form = name == "bbands" ? "bbands:N:K" : $"{name}:N";
        var expectedParts = name == "bbands" ? 3 : 2;
        if (parts.Length != expectedParts)
        {
            problem = parts.Length < expectedParts
                ? $"missing {(parts.Length == 1 ? "period" : "K")} (expected {form})"
                : $"too many parts (expected {form})";
            return false;
        }
        if (!int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var period) || period < 1 || period > MaxPeriod)
        {
            problem = $"period '{parts[1]}' is not a whole number from 1 to {MaxPeriod} (expected {form})";
            return false;
        }
        decimal deviations = 0m;
        if (name == "bbands"
            && (!decimal.TryParse(parts[2].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out deviations) || deviations <= 0m))
        {
            problem = $"K '{parts[2]}' is not a positive number of standard deviations (expected {form})";
            return false;
        }
        spec = new IndicatorSpec(name, period, deviations);
        problem = null;
        return true;
    }

    private static string FormatDeviations(decimal k) => k.ToString("0.############################", CultureInfo.InvariantCulture);
}
