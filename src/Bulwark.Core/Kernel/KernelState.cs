using System.Text.Json.Serialization;
using Bulwark.Core.Feedback;
using Bulwark.Core.Kernel.Json;
using Bulwark.Core.Orders;
using Bulwark.Core.Positions;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel;

/// <summary>
/// Everything a bot must remember across restarts. It is a projection of the journal: only
/// <see cref="StateProjector"/> changes it, one event at a time. Collections are sorted so iteration order,
/// and therefore every decision and every snapshot, is deterministic.
/// </summary>
public sealed class KernelState
{
    public string BotId { get; set; } = "";
    public long LastSequence { get; set; }
    public string Currency { get; set; } = "USD";
    public string TradingTimeZone { get; set; } = "America/New_York";

    public TradingState TradingState { get; set; } = TradingState.Active;
    public string TradingStateReason { get; set; } = "";
    public DateTimeOffset? BreakerOpenUntil { get; set; }
    public string BreakerReason { get; set; } = "";

    public DateOnly TradingDate { get; set; }
    public decimal DailyRealizedPnl { get; set; }
    public int ConsecutiveLosses { get; set; }
    public decimal PeakEquity { get; set; }

    public decimal StartingCash { get; set; }
    public decimal Cash { get; set; }

    /// <summary>The counter of the last ClientOrderId issued. Never reused.</summary>
    public long OrderSequence { get; set; }

    public SortedDictionary<string, Position> Positions { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Open orders and recent terminal ones (hash: looked up on every venue event; serialized sorted).</summary>
    [JsonConverter(typeof(SortedKeysDictionaryConverter<Order>))]
    public Dictionary<string, Order> Orders { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Every venue trade id applied, for fill idempotency (hash; serialized sorted).</summary>
    [JsonConverter(typeof(SortedStringSetConverter))]
    public HashSet<string> SeenTradeIds { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, SourceStats> Feedback { get; set; } = new(StringComparer.Ordinal);

    public long SignalsReceived { get; set; }
    public long SignalsDenied { get; set; }
    public long OrdersDenied { get; set; }
    public long FillCount { get; set; }
    public long DuplicateFills { get; set; }
    public long Alerts { get; set; }
    public DateTimeOffset? LastReconciledAt { get; set; }
    public bool LastReconciliationInSync { get; set; } = true;

    public int OpenOrderCount => Orders.Values.Count(o => o.Status.IsOpen());

    public int OpenPositionCount => Positions.Values.Count(p => !p.IsFlat);

    public string BreakerState(DateTimeOffset now) =>
        BreakerOpenUntil is { } until && until > now ? $"open until {until:O}" : "closed";

    public decimal PositionQuantity(string symbol) => Positions.TryGetValue(symbol, out var p) ? p.Quantity : 0m;

    /// <summary>Open orders per symbol: an index over <see cref="Orders"/>, rebuilt after a snapshot load.</summary>
    private readonly Dictionary<string, int> _openBySymbol = new(StringComparer.Ordinal);

    public bool HasOpenOrder(string symbol) => _openBySymbol.TryGetValue(symbol, out var n) && n > 0;

    internal void TrackOpen(string symbol, bool wasOpen, bool isOpen)
    {
        if (wasOpen == isOpen) return;
        _openBySymbol.TryGetValue(symbol, out var n);
        _openBySymbol[symbol] = n + (isOpen ? 1 : -1);
    }

    internal void RebuildIndexes()
    {
        _openBySymbol.Clear();
        foreach (var o in Orders.Values)
            if (o.Status.IsOpen() || o.Status == OrderStatus.Initialized) TrackOpen(o.Symbol, false, true);
    }

    public SourceStats StatsFor(string source)
    {
        if (!Feedback.TryGetValue(source, out var s)) Feedback[source] = s = new SourceStats();
        return s;
    }
}
