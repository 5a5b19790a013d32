using System.Diagnostics.CodeAnalysis;

namespace Bulwark.Core.Calendar;

/// <summary>
/// The built-in calendars by code: <c>XNYS</c> (NYSE), <c>XNAS</c> (Nasdaq), <c>CRYPTO</c> (24/7) and <c>FX</c>
/// (Sunday 17:00 to Friday 17:00 New York), each covering <see cref="FirstDate"/>..<see cref="LastDate"/>.
/// Codes are matched case-insensitively. <see cref="Get(string)"/> returns one shared immutable instance per code, built on
/// first use; <see cref="Create"/> builds a new one with overrides from configuration.
/// </summary>
public static class ExchangeCalendars
{
    public const string Nyse = "XNYS";
    public const string Nasdaq = "XNAS";
    public const string Crypto = "CRYPTO";
    public const string Fx = "FX";

    private static readonly Lazy<IExchangeCalendar> NyseCalendar = new(() => Build(Nyse, ExchangeCalendarOverrides.None));
    private static readonly Lazy<IExchangeCalendar> NasdaqCalendar = new(() => Build(Nasdaq, ExchangeCalendarOverrides.None));
    private static readonly Lazy<IExchangeCalendar> CryptoCalendar = new(() => Build(Crypto, ExchangeCalendarOverrides.None));
    private static readonly Lazy<IExchangeCalendar> FxCalendar = new(() => Build(Fx, ExchangeCalendarOverrides.None));

    public static DateOnly FirstDate { get; } = new(1990, 1, 1);
    public static DateOnly LastDate { get; } = new(2050, 12, 31);

    public static IReadOnlyList<string> Codes { get; } = [Nyse, Nasdaq, Crypto, Fx];

    /// <exception cref="ArgumentException">Unknown code; the message lists the known ones.</exception>
    public static IExchangeCalendar Get(string code) =>
        TryGet(code, out var calendar) ? calendar : throw UnknownCode(code);

    /// <summary>
    /// The calendar <paramref name="code"/> trades on: the configured one (with its short-notice closures) when there is
    /// one, else the built-in one.
    /// </summary>
    /// <exception cref="ArgumentException">Neither knows the code; the message lists the known ones.</exception>
    public static IExchangeCalendar Get(string code, IReadOnlyDictionary<string, IExchangeCalendar> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        return configured.TryGetValue(code, out var calendar) ? calendar : Get(code);
    }

    public static bool TryGet(string? code, [NotNullWhen(true)] out IExchangeCalendar? calendar)
    {
        calendar = Normalize(code) switch
        {
            Nyse => NyseCalendar.Value,
            Nasdaq => NasdaqCalendar.Value,
            Crypto => CryptoCalendar.Value,
            Fx => FxCalendar.Value,
            _ => null,
        };
        return calendar is not null;
    }

    /// <summary>A new calendar for <paramref name="code"/> with extra closures and early closes.</summary>
    /// <exception cref="ArgumentException">
    /// Unknown code, or invalid overrides (every problem listed): a date outside the range, a closure on a weekend, an
    /// early close on a closed day or not between the open and the regular close, a date listed twice. CRYPTO and FX take
    /// no overrides.
    /// </exception>
    public static IExchangeCalendar Create(string code, ExchangeCalendarOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return Normalize(code) is { } known && Codes.Contains(known, StringComparer.Ordinal)
            ? Build(known, overrides)
            : throw UnknownCode(code);
    }

    private static TableCalendar Build(string code, ExchangeCalendarOverrides overrides)
    {
        if (code is Crypto or Fx && !overrides.IsEmpty)
            throw new ArgumentException($"{code} has no holidays or early closes to override.", nameof(overrides));
        return code switch
        {
            Nyse => UsEquityCalendarFactory.Create(Nyse, "New York Stock Exchange", nyseFloorEvents: true, overrides, FirstDate, LastDate),
            Nasdaq => UsEquityCalendarFactory.Create(Nasdaq, "Nasdaq Stock Market", nyseFloorEvents: false, overrides, FirstDate, LastDate),
            Crypto => CryptoCalendarFactory.Create(Crypto, "Crypto (24/7, UTC days)", FirstDate, LastDate),
            Fx => FxCalendarFactory.Create(Fx, "Spot FX (Sunday 17:00 to Friday 17:00 New York)", FirstDate, LastDate),
            _ => throw new InvalidOperationException($"no builder for calendar {code}"),
        };
    }

    private static string? Normalize(string? code) => code?.Trim().ToUpperInvariant();

    private static ArgumentException UnknownCode(string? code) =>
        new($"unknown exchange '{code}'; known: {string.Join(", ", Codes)}", nameof(code));
}
