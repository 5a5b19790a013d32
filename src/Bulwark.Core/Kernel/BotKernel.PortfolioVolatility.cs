using System.Globalization;
using Bulwark.Core.Calendar;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel;

/// <summary>
/// The cap on the book's volatility (<see cref="SizingOptions.MaxPortfolioVolatilityPercent"/>): the kernel keeps the
/// covariance of its symbols' returns from the bars it sees, and cuts an entry to the largest size that keeps the whole
/// book's estimated volatility within the cap, given the positions held.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>The covariance of the symbols' per-bar returns, when entries are capped by the book's volatility; else null.</summary>
    private readonly ReturnCovariance? _covariance;

    /// <summary>The trading time that annualises the per-bar estimate (the widest of the instruments' markets).</summary>
    private readonly TradingYear _tradingYear;

    /// <summary>A buffer for the working signal orders of a symbol (reused: the cap is asked at every entry).</summary>
    private readonly List<Orders.Order> _workingOrders = [];

    private void NoteBarForCovariance(in Bar bar) => _covariance!.Observe(bar.Symbol, bar.Time, bar.Close, bar.Interval);

    /// <summary>
    /// The book's positions as they will be once their working signal orders fill (<see cref="BookQuantity"/>), valued at
    /// their marks (signed, times the multiplier), every symbol held but <paramref name="except"/>: what the book's
    /// volatility is estimated on.
    /// </summary>
    private List<(string Symbol, double Value)> BookValues(string? except = null)
    {
        List<(string Symbol, double Value)> book = [];
        foreach (var instrument in _options.Instruments.Values)
        {
            if (instrument.Symbol == except) continue;
            var quantity = BookQuantity(instrument.Symbol);
            if (quantity != 0m) book.Add((instrument.Symbol, (double)(quantity * MarkOf(instrument.Symbol) * instrument.Multiplier)));
        }
        return book;
    }

    /// <summary>A yearly volatility of <paramref name="percent"/>% of <paramref name="equity"/> as one bar's, in money.</summary>
    private double PerBarLimit(decimal equity, decimal percent) =>
        (double)(Math.Max(0m, equity) * percent / 100m) / Math.Sqrt(_tradingYear.BarsPerYear(_covariance!.Interval ?? TimeSpan.Zero));

    /// <summary>
    /// What the cap leaves of an entry of <paramref name="size"/> (the whole target, on the side of
    /// <paramref name="isLong"/>), rounded down to the lot; null, with why, when it leaves nothing beyond the position
    /// already held on that side, or before the estimate has seen enough bar times.
    /// </summary>
    private decimal? CappedByPortfolio(string symbol, Instrument instrument, decimal price, decimal size, bool isLong, decimal current,
        decimal equity, out string detail)
    {
        var options = _sizer.Options;
        var cap = options.MaxPortfolioVolatilityPercent!.Value;
        var covariance = _covariance!;
        if (covariance.Observations < options.PortfolioVolatilityBars)
        {
            detail = string.Create(CultureInfo.InvariantCulture,
                $"entries are capped by the book's volatility ({cap}% a year), whose estimate needs {options.PortfolioVolatilityBars} bar times of returns; {covariance.Observations} seen");
            return null;
        }
        var limit = PerBarLimit(equity, cap);
        // The other symbols' positions as they will be once their working signal orders fill: two entries signalled on
        // one bar must not each take the whole room.
        var others = BookValues(except: symbol);
        var largest = PortfolioVolatilityCap.Largest(symbol, (double)(price * instrument.Multiplier), isLong ? 1 : -1, (double)size, others,
            covariance.Covariance, limit);
        var capped = Math.Min(size, new Quantity((decimal)largest).RoundDownToLot(instrument.LotSize).Value);
        var held = isLong ? Math.Max(0m, current) : Math.Max(0m, -current);
        detail = "";
        if (capped >= size || capped > held) return capped;
        detail = string.Create(CultureInfo.InvariantCulture,
            $"the book's estimated volatility would exceed its cap of {cap}% a year: {symbol} has room for {capped} of the {size} sized{(held > 0m ? string.Create(CultureInfo.InvariantCulture, $", and {held} are held") : "")}");
        return null;
    }
}
