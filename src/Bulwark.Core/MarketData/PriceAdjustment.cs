using System.Globalization;
using Bulwark.Core.Model;

namespace Bulwark.Core.MarketData;

/// <summary>
/// Back-adjusts a bar by its row's adjusted close: the factor adjusted close / close scales open, high, low and close
/// (rounded to <see cref="Decimals"/> places), and divides the volume, so a split or a dividend leaves no jump in the
/// series and a bar's traded value is unchanged. Scaling by one factor and rounding keep the bar's order (low, open,
/// close, high) as it was.
/// </summary>
internal static class PriceAdjustment
{
    /// <summary>Decimal places of adjusted prices and volumes.</summary>
    public const int Decimals = 6;

    /// <summary>The adjusted bar, or the bar as read with the problem (an unparsable or non-positive adjusted close).</summary>
    public static Bar Apply(Bar bar, ReadOnlySpan<char> adjCloseField, out string? problem)
    {
        var text = CsvBarFields.Clean(adjCloseField);
        if (!CsvBarFields.TryParseNumber(text, "adj close", out var adjClose, out problem)) return bar;
        if (adjClose <= 0m)
        {
            problem = $"adj close '{text}' must be positive to adjust by";
            return bar;
        }
        if (adjClose == bar.Close) return bar;
        var factor = adjClose / bar.Close;
        var adjusted = bar with
        {
            Open = Scale(bar.Open, factor),
            High = Scale(bar.High, factor),
            Low = Scale(bar.Low, factor),
            Close = Scale(bar.Close, factor),
            Volume = Math.Round(bar.Volume / factor, Decimals, MidpointRounding.ToEven),
        };
        if (adjusted.Problem() is { } after)
            problem = string.Create(CultureInfo.InvariantCulture, $"after adjusting by adj close / close = {factor:0.########}: {after}");
        return adjusted;
    }

    private static decimal Scale(decimal price, decimal factor) => Math.Round(price * factor, Decimals, MidpointRounding.ToEven);
}
