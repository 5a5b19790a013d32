using System.Globalization;
using Bulwark.Core.Model;

namespace Bulwark.Core.MarketData;

/// <summary>
/// The first data quality check of a live feed, before the venue or the kernel sees a bar: a bar that is not a valid
/// bar, or that is not after the symbol's last one (a repeat or a bar out of order), is refused with why. One per feed;
/// not thread-safe (the feed's pump is its one reader).
/// </summary>
public sealed class BarGate
{
    private readonly Dictionary<string, DateTimeOffset> _last = new(StringComparer.Ordinal);

    /// <summary>Why <paramref name="bar"/> is refused, or null when it passes (and becomes the symbol's last bar).</summary>
    public string? Check(in Bar bar)
    {
        if (bar.Problem() is { } problem) return problem;
        if (_last.TryGetValue(bar.Symbol, out var last) && bar.Time <= last)
            return string.Create(CultureInfo.InvariantCulture,
                $"not after the symbol's last bar ({(bar.Time == last ? "a repeat of" : "before")} {last:yyyy-MM-dd HH:mm:ss} UTC)");
        _last[bar.Symbol] = bar.Time;
        return null;
    }
}
