using Bulwark.Core.Calendar;
using Bulwark.Core.Kernel.Events;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;

namespace Bulwark.Core.Kernel;

/// <summary>
/// Exchange hours in the pipeline: signals for a closed market are denied (MarketClosed); shortly before a real
/// close (one followed by a gap, so never on 24/7 markets) intraday positions are flattened, working intraday orders
/// are canceled (resting ones too, in flat symbols) and new intraday exposure is refused until the close. Swing
/// sources are exempt from all of it, unless the close is followed by a weekend or a holiday and the bot flattens before
/// them (<see cref="TradingHoursOptions.FlattenBeforeWeekend"/>).
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>The signal source of end-of-day flatten orders.</summary>
    public const string FlattenSource = "eod-flatten";

    private const int MaxFlattenAttemptsPerSession = 3;

    /// <summary>Cancel requests per order and session: a venue that keeps refusing one is not asked on every bar.</summary>
    private const int MaxEndOfDayCancelsPerOrder = 3;

    private readonly Dictionary<string, CalendarAnswerCache> _calendarBySymbol;
    private readonly CalendarAnswerCache[] _calendars;
    /// <summary>Whether hours are enforced and a no-entry window is configured: one flag on the gate when none is.</summary>
    private readonly bool _entryWindows;
    private readonly Dictionary<string, int> _flattenAttempts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _endOfDayCancels = new(StringComparer.Ordinal);

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
                var calendar = ExchangeCalendars.Get(instrument.Exchange, options.Calendars);
                byCode[instrument.Exchange] = cache = new CalendarAnswerCache(calendar, options.TradingHours.Extended,
                    options.TradingHours.FlattenBeforeClose, options.TradingHours.NoEntriesAfterOpen,
                    options.TradingHours.NoEntriesBeforeClose);
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

    /// <summary>
    /// True between the flatten time and a real close of the instrument's exchange for <paramref name="source"/>'s positions:
    /// an intraday source's always, a swing source's only before a weekend or holiday with <see cref="TradingHoursOptions.FlattenBeforeWeekend"/>.
    /// </summary>
    private bool FlattensAtThisClose(string? source, string symbol, DateTimeOffset now) =>
        _options.TradingHours.FlattenAtClose
        && _calendarBySymbol.TryGetValue(symbol, out var cache)
        && cache.InFlattenWindow(now, out _)
        && (!IsSwing(source) || SwingFlattens(cache));

    /// <summary>Whether this window's flatten takes swing sources' positions too: a weekend or a holiday follows, and the bot says so.</summary>
    private bool SwingFlattens(CalendarAnswerCache cache) => _options.TradingHours.FlattenBeforeWeekend && cache.BeforeLongGap;

    /// <summary>Runs on bars and timer ticks: starts the flatten once per session and retries what is still open.</summary>
    private void CheckEndOfDay(DateTimeOffset now)
    {
        if (!_options.TradingHours.FlattenAtClose) return;
        foreach (var cache in _calendars)
        {
            if (!cache.InFlattenWindow(now, out var session)) continue;
            var calendar = cache.Calendar;
            using var cause = KeepCause();
            if (!_state.FlattenedSessions.TryGetValue(calendar.Code, out var done) || done != session.Date)
            {
                // The first pass's cancels and flatten orders follow from the start; later passes retry on their own.
                _cause = Emit(new EndOfDayFlattenStarted(calendar.Code, session.Date, session.Close) { Time = now });
                _flattenAttempts.Clear();
                _endOfDayCancels.Clear();
            }
            var swingToo = SwingFlattens(cache);
            var flattening = FlattenTargets(cache, swingToo);
            CancelIntradayOrders(cache, flattening, swingToo, now);
            FlattenPositions(flattening, session, now);
        }
    }

    /// <summary>
    /// The calendar's symbols holding an intraday (non-swing) position, or any with <paramref name="swingToo"/>, in ordinal
    /// order: what the flatten closes.
    /// </summary>
    private List<string> FlattenTargets(CalendarAnswerCache calendar, bool swingToo) =>
        _state.Positions.Values
            .Where(p => !p.IsFlat && (swingToo || !IsSwing(p.OpenedBySource)) && !_state.FlattenSymbols.ContainsKey(p.Symbol)
                        && _calendarBySymbol.TryGetValue(p.Symbol, out var c) && ReferenceEquals(c, calendar))
            .Select(p => p.Symbol).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Cancels, in one pass, every working order in the calendar's symbols that would carry intraday exposure through the
    /// close: any order of a non-swing source, whether or not the symbol holds a position (a resting GTC order, a grid's
    /// limits below the price, could fill at the next open), and a swing source's order too in a symbol being flattened
    /// (it would reopen the position). The flatten's own orders are left alone.
    /// </summary>
    private void CancelIntradayOrders(CalendarAnswerCache calendar, List<string> flattening, bool swingToo, DateTimeOffset now)
    {
        List<string>? working = null;
        foreach (var o in _state.Orders.Values)
            if (IsCancelableAtEndOfDay(o) && _calendarBySymbol.TryGetValue(o.Symbol, out var c) && ReferenceEquals(c, calendar)
                && (swingToo || !IsSwing(o.Source) || flattening.Contains(o.Symbol)))
                (working ??= []).Add(o.ClientOrderId);
        if (working is null) return;
        working.Sort(StringComparer.Ordinal);
        foreach (var id in working) CancelAtEndOfDay(id, now);
    }

    private void FlattenPositions(List<string> flattening, ExchangeSession session, DateTimeOffset now)
    {
        foreach (var symbol in flattening)
        {
            // A working order (being canceled above, or the flatten's own) must end before the flatten order goes out.
            if (_state.HasOpenOrder(symbol)) continue;
            _flattenAttempts.TryGetValue(symbol, out var attempts);
            if (attempts >= MaxFlattenAttemptsPerSession) continue;
            _flattenAttempts[symbol] = attempts + 1;
            var id = $"{FlattenSource}:{symbol}:{session.Date:yyyyMMdd}:{attempts + 1}";
            HandleSignal(new Signal(id, FlattenSource, symbol, SignalDirection.Flat, 1m, now), 0, now);
        }
    }

    /// <summary>
    /// Working and not already being canceled (asking again would only repeat the request on every bar until the venue
    /// answers), and not the flatten's own order nor the operator's flatten's.
    /// </summary>
    private static bool IsCancelableAtEndOfDay(Order o) =>
        o.Status.IsOpen() && o.Status != OrderStatus.PendingCancel && o.Source is not (FlattenSource or OperatorFlattenSource);

    /// <summary>
    /// Asks for the cancel; after a refused cancel (the order is working again) it asks again on a later check, but at most
    /// <see cref="MaxEndOfDayCancelsPerOrder"/> times a session, then raises one alert for the operator.
    /// </summary>
    private void CancelAtEndOfDay(string clientOrderId, DateTimeOffset now)
    {
        _endOfDayCancels.TryGetValue(clientOrderId, out var asked);
        if (asked > MaxEndOfDayCancelsPerOrder) return;
        _endOfDayCancels[clientOrderId] = asked + 1;
        if (asked == MaxEndOfDayCancelsPerOrder)
        {
            Alert(AlertSeverity.Critical, "EndOfDayCancelRefused",
                $"order {clientOrderId} is still working after {asked} end-of-day cancel requests; it may trade through the close", now, clientOrderId);
            return;
        }
        RequestCancel(clientOrderId, "end-of-day flatten", now);
    }
}
