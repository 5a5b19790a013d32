using System.Globalization;
using Bulwark.Core.Calendar;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Kernel;

/// <summary>
/// Time stops: a position a source opened is closed once it has been held that source's <see cref="IStrategy.MaxHold"/>,
/// or its <see cref="IStrategy.MaxHoldSessions"/> sessions of the symbol's exchange, measured from the fill that opened it
/// (journaled, so a restart keeps the clock) to the close of a bar of its symbol. The exit is a flat signal of the source
/// that opened the position, through the whole pipeline (kill switch, audit, risk; a resting protective stop is canceled
/// first), and its order carries <see cref="TimeStopTag"/>.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>The tag of a time stop's exit order, and the prefix of its signal's id.</summary>
    public const string TimeStopTag = "time-stop";

    /// <summary>The most sessions a time stop may count: ten years of 252.</summary>
    public const int MaxHoldSessionsLimit = 2520;

    /// <summary>A source's time stop: a time, or a count of sessions (0: none).</summary>
    private readonly record struct HoldLimit(TimeSpan Time, int Sessions);

    /// <summary>Per signal source, the longest it holds a position; empty when no source has a time stop.</summary>
    private readonly Dictionary<string, HoldLimit> _maxHold;

    /// <summary>Per symbol, the exchange calendar that counts its sessions; built only when a source counts them.</summary>
    private readonly Dictionary<string, IExchangeCalendar> _sessionCalendars;

    /// <summary>Per symbol, the position's opening time and the close that ends its sessions: computed once a position.</summary>
    private readonly Dictionary<string, (DateTimeOffset Opened, int Sessions, DateTimeOffset Until)> _holdUntil = new(StringComparer.Ordinal);

    private static Dictionary<string, HoldLimit> MaxHoldBySource(IStrategy[] strategies)
    {
        var bySource = new Dictionary<string, HoldLimit>(StringComparer.Ordinal);
        foreach (var strategy in strategies)
        {
            var (time, sessions) = (strategy.MaxHold, strategy.MaxHoldSessions);
            if (time is null && sessions is null) continue;
            if (time is not null && sessions is not null)
                throw new ArgumentException($"Strategy '{strategy.Source}' has a time stop in days and one in sessions; give one.", nameof(strategies));
            if (time <= TimeSpan.Zero)
                throw new ArgumentException($"Strategy '{strategy.Source}' has a time stop of {time}; it must be above zero.", nameof(strategies));
            if (sessions is < 1 or > MaxHoldSessionsLimit)
                throw new ArgumentException($"Strategy '{strategy.Source}' has a time stop of {sessions} sessions; it must be 1 to {MaxHoldSessionsLimit}.", nameof(strategies));
            foreach (var source in strategy.SignalSources) bySource[source] = new HoldLimit(time ?? TimeSpan.Zero, sessions ?? 0);
        }
        return bySource;
    }

    /// <summary>The exchange calendar of each instrument, when a source counts its time stop in sessions.</summary>
    /// <exception cref="ArgumentException">An instrument names an exchange without a calendar.</exception>
    private static Dictionary<string, IExchangeCalendar> SessionCalendars(BotKernelOptions options, Dictionary<string, HoldLimit> maxHold)
    {
        var map = new Dictionary<string, IExchangeCalendar>(StringComparer.Ordinal);
        if (!maxHold.Values.Any(h => h.Sessions > 0)) return map;
        foreach (var instrument in options.Instruments.Values)
            map[instrument.Symbol] = ExchangeCalendars.Get(instrument.Exchange, options.Calendars);
        return map;
    }

    /// <summary>
    /// After the bar's strategies: closes the symbol's position if its source's time is up at the bar's close, unless an
    /// order from a signal is already working in it (the strategy's own exit, or the time stop's from an earlier bar).
    /// A denied exit (the market closed, trading halted) is asked again at the next bar.
    /// </summary>
    private void CheckTimeStop(in Bar bar, DateTimeOffset now)
    {
        if (!_state.Positions.TryGetValue(bar.Symbol, out var position)
            || position is not { IsFlat: false, OpenedBySource: { } source, OpenedAt: { } opened }
            || !_maxHold.TryGetValue(source, out var hold) || bar.CloseTime < HeldUntil(bar.Symbol, opened, hold)
            || SignalOrderWorks(bar.Symbol))
            return;
        CloseForSource(TimeStopTag, bar, source, now);
    }

    /// <summary>When a position opened at <paramref name="opened"/> has been held <paramref name="hold"/>.</summary>
    private DateTimeOffset HeldUntil(string symbol, DateTimeOffset opened, HoldLimit hold)
    {
        if (hold.Sessions == 0) return opened + hold.Time;
        if (_holdUntil.TryGetValue(symbol, out var known) && known.Opened == opened && known.Sessions == hold.Sessions) return known.Until;
        var until = SessionsClose(_sessionCalendars[symbol], opened, hold.Sessions);
        _holdUntil[symbol] = (opened, hold.Sessions, until);
        return until;
    }

    /// <summary>
    /// The close of the <paramref name="sessions"/>th regular session from <paramref name="opened"/>, the session open then
    /// (or the next, between sessions) being the first; the end of time past the calendar's last date.
    /// </summary>
    internal static DateTimeOffset SessionsClose(IExchangeCalendar calendar, DateTimeOffset opened, int sessions)
    {
        try
        {
            var close = calendar.NextClose(opened);
            for (var i = 1; i < sessions; i++) close = calendar.NextClose(close);
            return close;
        }
        catch (InvalidOperationException)
        {
            return DateTimeOffset.MaxValue;
        }
    }

    /// <summary>Whether an order from a signal works in <paramref name="symbol"/>, or waits there for its protective exits' cancels.</summary>
    private bool SignalOrderWorks(string symbol) =>
        _state.HasOpenSignalOrder(symbol) || (_held.Count > 0 && _held.ContainsKey(symbol));

    /// <summary>
    /// A close the kernel decides on its own (a time stop, a blackout's exit, the loss limit): a flat signal in the name of
    /// <paramref name="source"/> (the source that opened the position, or the tag when none is known) through the whole
    /// pipeline, its id and its order tagged <paramref name="tag"/>. The caller has checked <see cref="SignalOrderWorks"/>.
    /// </summary>
    private void CloseForSource(string tag, in Bar bar, string? source, DateTimeOffset now)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{tag}:{bar.Symbol}:{bar.Time:yyyyMMddTHHmmss}");
        HandleSignal(new Signal(id, source ?? tag, bar.Symbol, SignalDirection.Flat, 1m, now), 0, now, tag);
    }
}
