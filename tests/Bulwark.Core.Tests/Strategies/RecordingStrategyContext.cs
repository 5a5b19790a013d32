using Bulwark.Core.Model;
using Bulwark.Core.Strategies;

namespace Bulwark.Core.Tests.Strategies;

/// <summary>
/// A hand-written <see cref="IStrategyContext"/> that records every signal with the index of the bar it came on.
/// Notes are recorded with their bar index too.
/// With <see cref="FillImmediately"/> a signal moves the position to its target at once (exact target, or 1 / -1 / 0).
/// </summary>
internal sealed class RecordingStrategyContext : IStrategyContext
{
    private readonly Dictionary<string, decimal> _positions = new(StringComparer.Ordinal);

    public List<RecordedSignal> Signals { get; } = [];
    public HashSet<string> OpenOrders { get; } = new(StringComparer.Ordinal);
    public List<(int Bar, string Source, string Code, string Message)> Notes { get; } = [];
    public bool FillImmediately { get; init; } = true;
    public int BarIndex { get; set; }
    public DateTimeOffset Now { get; set; } = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Each signal's bar and direction, in order.</summary>
    public (int Bar, SignalDirection Direction)[] Directions() => [.. Signals.Select(s => (s.Bar, s.Direction))];

    public decimal PositionQuantity(string symbol) => _positions.GetValueOrDefault(symbol);

    public void SetPosition(string symbol, decimal quantity) => _positions[symbol] = quantity;

    public bool HasOpenOrder(string symbol) => OpenOrders.Contains(symbol);

    public void Note(string source, string code, string message) => Notes.Add((BarIndex, source, code, message));

    public void Signal(string source, string symbol, SignalDirection direction, decimal strength = 1m, decimal? targetQuantity = null)
    {
        Signals.Add(new RecordedSignal(BarIndex, source, symbol, direction, strength, targetQuantity));
        if (!FillImmediately) return;
        _positions[symbol] = targetQuantity ?? direction switch
        {
            SignalDirection.Long => 1m,
            SignalDirection.Short => -1m,
            _ => 0m,
        };
    }

    /// <summary>The instruments <see cref="InstrumentOf"/> knows; none by default.</summary>
    public Dictionary<string, Instrument> Instruments { get; } = new(StringComparer.Ordinal);

    public Instrument? InstrumentOf(string symbol) => Instruments.GetValueOrDefault(symbol);

    /// <summary>The bars' length (and spacing) for the feeds: a day unless set.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Feeds one close-only bar of <see cref="Interval"/> per value, numbering bars from <see cref="BarIndex"/> onwards.</summary>
    public void Feed(IStrategy strategy, string symbol, IEnumerable<decimal> closes) =>
        Feed(strategy, symbol, closes.Select(c => (c, c, c)));

    /// <summary>As the closes' <see cref="Feed(IStrategy, string, IEnumerable{decimal})"/>, with each bar's high and low (opening at its close).</summary>
    public void Feed(IStrategy strategy, string symbol, IEnumerable<(decimal High, decimal Low, decimal Close)> bars) =>
        Feed(strategy, symbol, bars.Select(b => (b.High, b.Low, b.Close, 0m)));

    /// <summary>As the bars' <see cref="Feed(IStrategy, string, IEnumerable{ValueTuple{decimal, decimal, decimal}})"/>, with each bar's volume.</summary>
    public void Feed(IStrategy strategy, string symbol, IEnumerable<(decimal High, decimal Low, decimal Close, decimal Volume)> bars)
    {
        foreach (var (high, low, close, volume) in bars)
        {
            var bar = new Bar(symbol, Now, close, high, low, close, volume, Interval);
            strategy.OnBar(bar, this);
            BarIndex++;
            Now = Now.Add(Interval);
        }
    }
}
