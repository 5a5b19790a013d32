using System.Globalization;
using Bulwark.Core.Model;

namespace Bulwark.Cli;

/// <summary>
/// A research run's account has no currency of its own: its cash and PnL are in whatever its prices are quoted in. A
/// currency pair (asset class fx, a six-letter symbol such as USDJPY) is quoted in its last three letters, so a pair not
/// quoted in dollars makes --cash and the result yen, and pairs of two quote currencies in one account (the fx workflow)
/// add up amounts of two currencies as one. Both are said on standard error before the run.
/// </summary>
internal static class QuoteCurrency
{
    /// <param name="instruments">A run's instruments; its currency pairs (asset class fx) are one workflow, one account.</param>
    public static void Warn(IEnumerable<Instrument> instruments, decimal cash)
    {
        var pairs = instruments.Where(i => i.AssetClass == AssetClass.Fx).Select(i => (i.Symbol, Quote: CurrencyPair.QuoteOf(i.Symbol) ?? ""))
            .Where(p => p.Quote.Length > 0).OrderBy(p => p.Symbol, StringComparer.Ordinal).ToList();
        var quotes = pairs.Select(p => p.Quote).Distinct(StringComparer.Ordinal).ToList();
        if (quotes.Count > 1)
            Console.Error.WriteLine($"bulwark: {string.Join(", ", pairs.Select(p => $"{p.Symbol} in {p.Quote}"))}: pairs of several quote currencies share one account, which converts no currency and adds their PnL up as one; run each quote currency on its own");
        else if (quotes is [var quote] && quote != Money.DefaultCurrency)
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bulwark: {string.Join(", ", pairs.Select(p => p.Symbol))} quoted in {quote}: the account's cash and PnL are in {quote} (--cash {cash} is {cash} {quote}), as it converts no currency"));
    }
}
