using System.Globalization;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel;

/// <summary>
/// Trimming the book back to its volatility cap (<see cref="SizingOptions.PortfolioVolatilityTrimPercent"/>): the cap
/// sizes entries, but a book entered within it rises over it when the market turns wild or its symbols start moving
/// together. Once a bar time's estimate is the band over the cap, each position a signal source holds is cut, at its
/// symbol's next bar, by the same fraction: the cap over the estimate. The cut is a signal of the source that opened
/// the position with an exact target, through the whole pipeline (kill switch, audit, risk; a resting protective stop is
/// canceled first and placed again for what is left), and its order carries <see cref="VolatilityTrimTag"/>.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>The tag of a trim's order, and the prefix of its signal's id.</summary>
    public const string VolatilityTrimTag = "volatility-trim";

    /// <summary>The fraction every position is cut to while the book is over its band (1: no trim).</summary>
    private double _trimFactor = 1d;

    /// <summary>The estimate's bar times when <see cref="_trimFactor"/> was measured: it is measured once a bar time.</summary>
    private int _trimMeasuredAt = -1;

    /// <summary>The book's estimated yearly volatility in percent when it was over its band.</summary>
    private double _trimEstimate;

    /// <summary>The bar times' count when the last trim notice was given: one a bar time that sends a trim.</summary>
    private int _trimNoticedAt = -1;

    /// <summary>
    /// At the first bar of a new bar time, before that bar moves any mark: the book's estimated volatility, from the
    /// positions and working signal orders at the last bar time's closes, against the cap and its band.
    /// </summary>
    private void MeasureTrim()
    {
        var covariance = _covariance!;
        if (covariance.Observations == _trimMeasuredAt) return;
        _trimMeasuredAt = covariance.Observations;
        _trimFactor = 1d;
        var options = _sizer.Options;
        if (covariance.Observations < options.PortfolioVolatilityBars) return;
        var book = BookValues();
        if (book.Count == 0) return;
        var cap = options.MaxPortfolioVolatilityPercent!.Value;
        var equity = Equity();
        var limit = PerBarLimit(equity, cap);
        var volatility = PortfolioVolatilityCap.Volatility(book, covariance.Covariance);
        if (volatility <= limit * (1d + ((double)options.PortfolioVolatilityTrimPercent!.Value / 100d))) return;
        _trimFactor = limit / volatility;
        _trimEstimate = limit > 0d ? (double)cap * volatility / limit : double.PositiveInfinity;
    }

    /// <summary>
    /// After the bar's strategies: cuts the symbol's position to the trim's fraction, rounded down to the lot, unless an
    /// order from a signal is working in it (the strategy's own exit, or an earlier trim) or a grid keeps it (a grid sizes
    /// its own inventory level by level). A denied cut (the market closed, trading halted) is asked again at the next bar
    /// while the book is still over its band. The first cut of a bar time is a notice (<c>VolatilityTrim</c>) with the figures.
    /// </summary>
    private void CheckVolatilityTrim(in Bar bar, DateTimeOffset now)
    {
        if (_trimFactor >= 1d
            || !_state.Positions.TryGetValue(bar.Symbol, out var position) || position is not { IsFlat: false, OpenedBySource: { } source }
            || _state.GridOf(source, bar.Symbol) is not null
            || _state.HasOpenSignalOrder(bar.Symbol) || (_held.Count > 0 && _held.ContainsKey(bar.Symbol))
            || !_options.Instruments.TryGetValue(bar.Symbol, out var instrument))
            return;
        var current = position.Quantity;
        var kept = new Quantity(Math.Abs(current) * (decimal)_trimFactor).RoundDownToLot(instrument.LotSize).Value;
        var target = current > 0m ? kept : -kept;
        if (target == current) return;
        var id = string.Create(CultureInfo.InvariantCulture, $"{VolatilityTrimTag}:{bar.Symbol}:{bar.Time:yyyyMMddTHHmmss}");
        var direction = target > 0m ? SignalDirection.Long : target < 0m ? SignalDirection.Short : SignalDirection.Flat;
        if (_trimNoticedAt != _trimMeasuredAt)
        {
            _trimNoticedAt = _trimMeasuredAt;
            var options = _sizer.Options;
            Alert(Events.AlertSeverity.Info, "VolatilityTrim", string.Create(CultureInfo.InvariantCulture,
                $"the book's estimated volatility is {_trimEstimate:0.00}% a year, over its cap of {options.MaxPortfolioVolatilityPercent}% by more than {options.PortfolioVolatilityTrimPercent}%: positions cut to {_trimFactor:0.000} of their size"), now);
        }
        HandleSignal(new Signal(id, source, bar.Symbol, direction, 1m, now, target), 0, now, VolatilityTrimTag);
    }
}
