namespace Bulwark.Core.Calendar;

/// <summary>
/// One-off days of the US equity exchanges since 1990, from the NYSE's history of closings: national days of mourning,
/// the September 11 attacks, weather, and unscheduled early closes. Not modelled: late opens (e.g. 1996-01-08 opened at
/// 11:00) and intraday halts.
/// </summary>
internal static class UsEquitySpecialDays
{
    /// <summary>Full-day closures of both NYSE and Nasdaq.</summary>
    public static readonly IReadOnlyList<(DateOnly Date, string Name)> Closures =
    [
        (new(1994, 4, 27), "National Day of Mourning for President Richard Nixon"),
        (new(2001, 9, 11), "September 11 attacks"),
        (new(2001, 9, 12), "September 11 attacks"),
        (new(2001, 9, 13), "September 11 attacks"),
        (new(2001, 9, 14), "September 11 attacks"),
        (new(2004, 6, 11), "National Day of Mourning for President Ronald Reagan"),
        (new(2007, 1, 2), "National Day of Mourning for President Gerald Ford"),
        (new(2012, 10, 29), "Hurricane Sandy"),
        (new(2012, 10, 30), "Hurricane Sandy"),
        (new(2018, 12, 5), "National Day of Mourning for President George H. W. Bush"),
        (new(2025, 1, 9), "National Day of Mourning for President Jimmy Carter"),
    ];

    /// <summary>Early closes outside the yearly rules that applied to both NYSE and Nasdaq.</summary>
    public static readonly IReadOnlyList<(DateOnly Date, TimeOnly Close, string Name)> MarketWideEarlyCloses =
    [
        (new(1997, 10, 27), new(15, 30), "Market-wide circuit breaker"),
        (new(1997, 12, 26), new(13, 0), "Day after Christmas"),
        (new(2003, 12, 26), new(13, 0), "Day after Christmas"),
    ];

    /// <summary>Early closes of the NYSE floor alone (weather, systems).</summary>
    public static readonly IReadOnlyList<(DateOnly Date, TimeOnly Close, string Name)> NyseOnlyEarlyCloses =
    [
        (new(1994, 2, 11), new(14, 30), "Snowstorm"),
        (new(1996, 1, 8), new(14, 0), "Snowstorm"),
        (new(2005, 6, 1), new(15, 56), "Systems communication problem"),
    ];
}
