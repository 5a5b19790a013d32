using Bulwark.Venues.Paper;

namespace Bulwark.Host.Configuration;

/// <summary>
/// A bot's cash dividends: the file they were read from (a full path) and each symbol's, by ex-date. The value of one
/// key (<c>venue.dividends</c>), read from its file: its members are not keys of their own.
/// </summary>
public readonly record struct DividendsConfig(string File, IReadOnlyDictionary<string, IReadOnlyList<Dividend>> BySymbol)
{
    /// <summary>The number of ex-dates the file gives, over every symbol.</summary>
    public int ExDates => BySymbol.Values.Sum(d => d.Count);
}
