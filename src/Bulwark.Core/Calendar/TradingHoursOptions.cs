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

    /// <summary>
    /// Flatten swing sources' positions too (and cancel their working orders) before a close followed by more than a day
    /// without trading: a weekend, a holiday. A swing position is held over nights, not over a weekend's news.
    /// </summary>
    public bool FlattenBeforeWeekend { get; init; }

    /// <summary>How long before the close the flatten starts (15:55 New York on a normal day, 12:55 on a 13:00 close).</summary>
    public TimeSpan FlattenBeforeClose { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// No new entries or adds, from any source, for this long after a regular open that follows a gap (the opening auction's
    /// prints and spreads); zero: none. Exits pass. Not on markets that trade through the night (crypto, FX's weekdays).
    /// </summary>
    public TimeSpan NoEntriesAfterOpen { get; init; }

    /// <summary>The longest no-entry window the configuration and the command line take (exclusive): half a day.</summary>
    public static readonly TimeSpan MaxEntryWindow = TimeSpan.FromHours(12);

    /// <summary>
    /// No new intraday entries or adds for this long before a regular close that is followed by a gap (an entry the
    /// end-of-day flatten would close minutes later); zero: none. Swing sources are exempt, and exits pass.
    /// </summary>
    public TimeSpan NoEntriesBeforeClose { get; init; }

    /// <summary>Signal sources whose positions are held overnight: exempt from the flatten and its no-new-entries window.</summary>
    public IReadOnlySet<string> SwingSources { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
