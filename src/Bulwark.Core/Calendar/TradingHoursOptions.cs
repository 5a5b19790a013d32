namespace Bulwark.Core.Calendar;

/// <summary>How a bot respects exchange hours.</summary>
public sealed record TradingHoursOptions
{
    /// <summary>Deny signals while an instrument's market is closed (reason MarketClosed), and flatten before closes.</summary>
    public bool Enforce { get; init; } = true;

    /// <summary>Count pre- and post-market as open.</summary>
    public bool Extended { get; init; }

    /// <summary>Close intraday positions shortly before a close that is followed by a gap (not on 24/7 markets).</summary>
    public bool FlattenAtClose { get; init; } = true;

    /// <summary>How long before the close the flatten starts (15:55 New York on a normal day, 12:55 on a 13:00 close).</summary>
    public TimeSpan FlattenBeforeClose { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Signal sources whose positions are held overnight: exempt from the flatten and its no-new-entries window.</summary>
    public IReadOnlySet<string> SwingSources { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
