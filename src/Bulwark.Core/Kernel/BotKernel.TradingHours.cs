using Bulwark.Core.Calendar;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;

namespace Bulwark.Core.Kernel;

/// <summary>
/// Exchange hours in the pipeline: signals for a closed market are denied (MarketClosed); shortly before a real
/// close (one followed by a gap, so never on 24/7 markets) intraday positions are flattened and new intraday
/// exposure is refused until the close. Swing sources are exempt from both.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>The signal source of end-of-day flatten orders.</summary>
    public const string FlattenSource = "eod-flatten";

    private const int MaxFlattenAttemptsPerSession = 3;

    private readonly Dictionary<string, CalendarAnswerCache> _calendarBySymbol;
    private readonly CalendarAnswerCache[] _calendars;
    private readonly Dictionary<string, int> _flattenAttempts = new(StringComparer.Ordinal);

    /// <exception cref="ArgumentException">An instrument names an exchange without a calendar.</exception>
    private static Dictionary<string, CalendarAnswerCache> ResolveCalendars(BotKernelOptions options)
    {
        var map = new Dictionary<string, CalendarAnswerCache>(StringComparer.Ordinal);
        if (!options.TradingHours.Enforce) return map;
        var byCode = new Dictionary<string, CalendarAnswerCache>(StringComparer.OrdinalIgnoreCase);
        foreach (var instrument in options.Instruments.Values)
        {
            if (!byCode.TryGetValue(instrument.Exchange, out var cache))
            {
                var calendar = options.Calendars.TryGetValue(instrument.Exchange, out var c) ? c : ExchangeCalendars.Get(instrument.Exchange);
                byCode[instrument.Exchange] = cache = new CalendarAnswerCache(calendar, options.TradingHours.Extended,
                    options.TradingHours.FlattenBeforeClose);
            }
            map[instrument.Symbol] = cache;
        }
        return map;
    }

    /// <summary>Why the instrument's market is closed now, or null when it is open (or hours are not enforced).</summary>
    private string? ClosedReason(string symbol, DateTimeOffset now) =>
        _calendarBySymbol.TryGetValue(symbol, out var cache) && cache.ClosedStatus(now) is { } status
            ? $"{cache.Calendar.Code} is {status}"
            : null;

    private bool IsSwing(string? source) => source is not null && _options.TradingHours.SwingSources.Contains(source);

    /// <summary>True between the flatten time and a real close of the instrument's exchange.</summary>
    private bool InFlattenWindow(string symbol, DateTimeOffset now) =>
        _options.TradingHours.FlattenAtClose
        && _calendarBySymbol.TryGetValue(symbol, out var cache)
        && cache.InFlattenWindow(now, out _);

    /// <summary>Runs on bars and timer ticks: starts the flatten once per session and retries what is still open.</summary>
    private void CheckEndOfDay(DateTimeOffset now)
    {
        if (!_options.TradingHours.FlattenAtClose) return;
        foreach (var cache in _calendars)
        {
            if (!cache.InFlattenWindow(now, out var session)) continue;
            var calendar = cache.Calendar;
            if (!_state.FlattenedSessions.TryGetValue(calendar.Code, out var done) || done != session.Date)
            {
                Emit(new EndOfDayFlattenStarted(calendar.Code, session.Date, session.Close) { Time = now });
                _flattenAttempts.Clear();
            }
            FlattenPositions(cache, session, now);
        }
    }

    private void FlattenPositions(CalendarAnswerCache calendar, ExchangeSession session, DateTimeOffset now)
    {
        var targets = _state.Positions.Values
            .Where(p => !p.IsFlat && !IsSwing(p.OpenedBySource)
                        && _calendarBySymbol.TryGetValue(p.Symbol, out var c) && ReferenceEquals(c, calendar))
            .Select(p => p.Symbol).Order(StringComparer.Ordinal).ToList();
        foreach (var symbol in targets)
        {
            if (_state.HasOpenOrder(symbol))
            {
                // A working entry would reopen the position: cancel it; the flatten order itself is left alone.
                var working = _state.Orders.Values
                    .Where(o => o.Symbol == symbol && o.Status.IsOpen() && o.Status != OrderStatus.PendingCancel && o.Source != FlattenSource)
                    .Select(o => o.ClientOrderId).Order(StringComparer.Ordinal).ToList();
                foreach (var id in working) RequestCancel(id, "end-of-day flatten", now);
                continue;
            }
            _flattenAttempts.TryGetValue(symbol, out var attempts);
            if (attempts >= MaxFlattenAttemptsPerSession) continue;
            _flattenAttempts[symbol] = attempts + 1;
            var id2 = $"{FlattenSource}:{symbol}:{session.Date:yyyyMMdd}:{attempts + 1}";
            HandleSignal(new Signal(id2, FlattenSource, symbol, SignalDirection.Flat, 1m, now), 0, now);
        }
    }
}
