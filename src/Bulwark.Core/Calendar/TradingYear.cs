namespace Bulwark.Core.Calendar;

/// <summary>
/// How much trading a year holds on a market, to annualise per-bar figures: the days with a session and the hours of
/// each. US equities trade 252 days of 6.5 hours; crypto around the clock every day; FX around the clock on weekdays.
/// </summary>
public readonly record struct TradingYear(double Days, double HoursPerDay)
{
    public static TradingYear Equities { get; } = new(252d, 6.5d);
    public static TradingYear AroundTheClock { get; } = new(365.25d, 24d);
    public static TradingYear Weekdays { get; } = new(260d, 24d);

    /// <summary>The year of an exchange's calendar (XNYS and XNAS: <see cref="Equities"/>).</summary>
    public static TradingYear Of(string exchange) => exchange switch
    {
        ExchangeCalendars.Crypto => AroundTheClock,
        ExchangeCalendars.Fx => Weekdays,
        _ => Equities,
    };

    /// <summary>
    /// The year of several markets traded in one account: the one with the most trading hours, since the account's
    /// value moves whenever any of them trades. <see cref="Equities"/> for none.
    /// </summary>
    public static TradingYear Widest(IEnumerable<string> exchanges) =>
        exchanges.Select(Of).DefaultIfEmpty(Equities).MaxBy(y => y.Days * y.HoursPerDay);

    /// <summary>
    /// Bars a year of bars <paramref name="interval"/> apart: intraday bars (under 20 hours) fill the trading hours
    /// (hourly: 1638 on US equities, 8766 on crypto); daily bars (up to 2.5 days, so weekends do not matter) one a
    /// trading day; anything wider is calendar-based (weekly about 52, monthly about 12). The days for no interval.
    /// </summary>
    public double BarsPerYear(TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero) return Days;
        if (interval < TimeSpan.FromHours(20)) return Days * HoursPerDay / interval.TotalHours;
        if (interval <= TimeSpan.FromDays(2.5)) return Days;
        return 365.25d / interval.TotalDays;
    }
}
