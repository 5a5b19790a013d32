using System.Globalization;
using Bulwark.Core.Kernel.Commands;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;

namespace Bulwark.Core.Kernel;

/// <summary>
/// The data quality stops (<see cref="MarketData.DataQualityOptions"/>): a symbol whose data looks wrong (a bar the
/// feed's gate refused, a jump not yet confirmed, no bar for too long while its market is open) takes no new exposure
/// until good data comes back. Each stop and its lifting is journaled, so a restart keeps it; a warning tells the
/// operator when it starts. Closing, protective exits and the flattens are never stopped.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>The code of the warning raised when a symbol's data stop starts.</summary>
    public const string DataQualityStopCode = "DataQualityStop";

    /// <summary>Whether bars are checked for jumps (the refusals and the staleness come from elsewhere).</summary>
    private readonly bool _checksBars;

    /// <summary>When each symbol's data was last seen good, or its market last seen closed: what staleness is measured from.</summary>
    private readonly Dictionary<string, DateTimeOffset> _dataSeen = new(StringComparer.Ordinal);

    private void HandleRejectedBar(RejectedBar r, DateTimeOffset now)
    {
        var bar = r.Bar;
        Emit(new BarRejected(bar.Symbol, bar.Time, r.Problem) { Time = now });
        StopForData(bar.Symbol, string.Create(CultureInfo.InvariantCulture, $"a bad bar at {bar.Time:yyyy-MM-dd HH:mm:ss} UTC was refused: {r.Problem}"), null, now);
    }

    /// <summary>A good bar: lifts the symbol's stop unless it jumped, and stops it when it did.</summary>
    private void CheckBarData(in Bar bar, DateTimeOffset now)
    {
        _dataSeen[bar.Symbol] = now;
        var stopped = _state.DataStops.TryGetValue(bar.Symbol, out var stop);
        if (_options.DataQuality.MaxJumpPercent is { } limit)
        {
            var last = stop?.LastClose ?? _marks.Find(bar.Symbol)?.Price ?? 0m;
            if (last > 0m && Math.Abs(bar.Close - last) * 100m > limit * last)
            {
                StopForData(bar.Symbol, string.Create(CultureInfo.InvariantCulture,
                    $"the bar at {bar.Time:yyyy-MM-dd HH:mm:ss} UTC closed at {bar.Close}, {(bar.Close - last) * 100m / last:+0.00;-0.00}% from {last}, more than dataQuality.maxJumpPercent {limit}%; a following bar within {limit}% of it confirms the level"),
                    bar.Close, now);
                return;
            }
        }
        if (stopped)
            Emit(new DataQualityResumed(bar.Symbol, string.Create(CultureInfo.InvariantCulture, $"a good bar at {bar.Time:yyyy-MM-dd HH:mm:ss} UTC")) { Time = now });
    }

    /// <summary>At a timer tick: stops each symbol whose market is open and that has had no bar for longer than <paramref name="staleAfter"/>.</summary>
    private void CheckStaleData(TimeSpan staleAfter, DateTimeOffset now)
    {
        foreach (var symbol in _options.Instruments.Keys)
        {
            // Measured from the first tick that looks, from the last good bar, or from the last tick its market was closed.
            if (!_dataSeen.TryGetValue(symbol, out var seen) || ClosedReason(symbol, now) is not null)
            {
                _dataSeen[symbol] = now;
                continue;
            }
            if (now - seen <= staleAfter || _state.DataStops.ContainsKey(symbol)) continue;
            StopForData(symbol, string.Create(CultureInfo.InvariantCulture,
                $"no bar since {seen:yyyy-MM-dd HH:mm:ss} UTC while its market is open, longer than dataQuality.staleAfter {staleAfter}"), null, now);
        }
    }

    /// <summary>Stops the symbol (again, with the newest reason); a jump's level to confirm is kept through a stop for another reason.</summary>
    private void StopForData(string symbol, string reason, decimal? lastClose, DateTimeOffset now)
    {
        var already = _state.DataStops.TryGetValue(symbol, out var stop);
        Emit(new DataQualityStopped(symbol, reason, lastClose ?? stop?.LastClose) { Time = now });
        if (!already) Alert(AlertSeverity.Warning, DataQualityStopCode, $"{symbol}: no new exposure until its data is good again: {reason}", now);
    }
}
