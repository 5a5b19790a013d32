using System.Globalization;

namespace Bulwark.Core.Strategies;

/// <summary>
/// Why a strategy cannot be built as configured: <see cref="Key"/> names what is wrong relative to the strategy's
/// configuration entry (e.g. "params.period", "name"), <see cref="Message"/> says how.
/// </summary>
public sealed record StrategyProblem(string Key, string Message)
{
    /// <summary>The longest window a strategy's period may have, in bars (each window is kept in memory).</summary>
    public const int MaxPeriod = 100_000;

    public override string ToString() => $"{Key}: {Message}";

    /// <summary>
    /// The problem with the period <paramref name="key"/> being <paramref name="bars"/>, outside 1 to
    /// <see cref="MaxPeriod"/> bars; null when it is within them or absent.
    /// </summary>
    public static StrategyProblem? OfPeriod(string key, int? bars) => bars is < 1 or > MaxPeriod
        ? new(key, string.Create(CultureInfo.InvariantCulture, $"must be from 1 to {MaxPeriod} bars, got {bars}"))
        : null;
}
