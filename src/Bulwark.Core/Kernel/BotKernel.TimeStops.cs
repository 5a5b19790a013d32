using System.Globalization;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Kernel;

/// <summary>
/// Time stops: a position a source opened is closed once it has been held that source's <see cref="IStrategy.MaxHold"/>,
/// measured from the fill that opened it (journaled, so a restart keeps the clock) to the close of a bar of its symbol.
/// The exit is a flat signal of the source that opened the position, through the whole pipeline (kill switch, audit,
/// risk; a resting protective stop is canceled first), and its order carries <see cref="TimeStopTag"/>.
/// </summary>
public sealed partial class BotKernel
{
    /// <summary>The tag of a time stop's exit order, and the prefix of its signal's id.</summary>
    public const string TimeStopTag = "time-stop";

    /// <summary>Per signal source, the longest it holds a position; empty when no source has a time stop.</summary>
    private readonly Dictionary<string, TimeSpan> _maxHold;

    private static Dictionary<string, TimeSpan> MaxHoldBySource(IStrategy[] strategies)
    {
        var bySource = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var strategy in strategies)
        {
            if (strategy.MaxHold is not { } hold) continue;
            if (hold <= TimeSpan.Zero)
                throw new ArgumentException($"Strategy '{strategy.Source}' has a time stop of {hold}; it must be above zero.", nameof(strategies));
            foreach (var source in strategy.SignalSources) bySource[source] = hold;
        }
        return bySource;
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
            || !_maxHold.TryGetValue(source, out var hold) || bar.CloseTime - opened < hold
            || SignalOrderWorks(bar.Symbol))
            return;
        CloseForSource(TimeStopTag, bar, source, now);
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
