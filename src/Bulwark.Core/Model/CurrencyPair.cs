namespace Bulwark.Core.Model;

/// <summary>A currency pair written as its two currency codes, base then quote (EURUSD, USDJPY).</summary>
public static class CurrencyPair
{
    /// <summary>The currency a pair's prices are in, its last three letters (USDJPY: JPY); null when the symbol is not six capital letters.</summary>
    public static string? QuoteOf(string symbol) =>
        symbol is { Length: 6 } && symbol.All(char.IsAsciiLetterUpper) ? symbol[3..] : null;
}
