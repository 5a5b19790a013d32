namespace Bulwark.Core.Calendar;

/// <summary>
/// One trading session. All instants are UTC (offset zero); convert with the calendar's time zone for display.
/// The regular session is <see cref="Open"/> (inclusive) to <see cref="Close"/> (exclusive); the extended window
/// <see cref="ExtendedOpen"/>..<see cref="ExtendedClose"/> contains it (equal to it where there are no extended hours).
/// </summary>
public readonly record struct ExchangeSession(
    DateOnly Date,
    DateTimeOffset Open,
    DateTimeOffset Close,
    DateTimeOffset ExtendedOpen,
    DateTimeOffset ExtendedClose,
    bool IsEarlyClose);
