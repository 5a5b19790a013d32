using System.Globalization;
using System.Net;

namespace Bulwark.Backtest.Reports;

/// <summary>
/// How the HTML pages write text and numbers: HTML-escaped, invariant culture, money to the cent, fractions as percents,
/// daily times as dates. One place for the backtest and optimization reports and their charts.
/// </summary>
internal static class ReportText
{
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Money(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("0.########", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percent to two places (0.1234 is "12.34%").</summary>
    public static string Percent(decimal value) => (value * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary>As <see cref="Percent(decimal)"/>; "-" for none.</summary>
    public static string Percent(decimal? value) => value is { } v ? Percent(v) : "-";

    public static string Fraction(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A ratio to two places; "∞" for an infinite one (a gain with no drawdown).</summary>
    public static string Ratio(double value) => double.IsPositiveInfinity(value) ? "∞" : value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan span) => TradeStatistics.Describe(span);

    /// <summary>The UTC date and minute, the date alone at midnight (a daily bar's); "-" for none.</summary>
    public static string Date(DateTimeOffset? time) =>
        time is { } t ? t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture).Replace(" 00:00", "", StringComparison.Ordinal) : "-";
}
