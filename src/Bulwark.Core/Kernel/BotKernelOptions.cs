using Bulwark.Core.Calendar;
using Bulwark.Core.Execution;
using Bulwark.Core.Model;
using Bulwark.Core.Risk;

namespace Bulwark.Core.Kernel;

public sealed record BotKernelOptions
{
    /// <summary>[a-z0-9-]; the prefix of every ClientOrderId this bot issues.</summary>
    public required string BotId { get; init; }
    public required IReadOnlyDictionary<string, Instrument> Instruments { get; init; }
    public decimal StartingCash { get; init; } = 100_000m;
    public string Currency { get; init; } = Model.Money.DefaultCurrency;
    public SizingOptions Sizing { get; init; } = new();

    /// <summary>
    /// The share of its size each signal source trades, in percent (a bot's <c>strategies[].allocationPercent</c>): a new
    /// strategy run beside proven ones at a tenth of their size while it shows what it does live. Sources not listed trade
    /// all of it. A source whose size is at least one lot before its share trades at least one lot.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> AllocationPercents { get; init; } = new Dictionary<string, decimal>(StringComparer.Ordinal);

    /// <summary>The fraction of its size <paramref name="source"/> trades (1 when it has no allocation).</summary>
    public decimal AllocationOf(string source) =>
        AllocationPercents.Count > 0 && AllocationPercents.TryGetValue(source, out var percent) ? percent / 100m : 1m;
    public RiskLimits Risk { get; init; } = new();
    public FillValidationOptions FillValidation { get; init; } = new();
    public RouterOptions Router { get; init; } = new();
    public TradingHoursOptions TradingHours { get; init; } = new();
    public MarketData.DataQualityOptions DataQuality { get; init; } = new();

    /// <summary>
    /// Trading days on which symbols take no new exposure (an earnings report, a central bank's decision), and with
    /// <see cref="Blackout.Exit"/> hold no position either: a bot's <c>blackouts</c> file.
    /// </summary>
    public Blackouts Blackouts { get; init; } = Blackouts.None;

    /// <summary>Calendars by exchange code (built with any configured overrides); missing codes use the built-in ones.</summary>
    public IReadOnlyDictionary<string, IExchangeCalendar> Calendars { get; init; } =
        new Dictionary<string, IExchangeCalendar>(StringComparer.Ordinal);

    /// <summary>
    /// Whether the kernel snapshots its state at all (after recovery, when due, at stop). A backtest's state lives only as
    /// long as its run and nothing ever loads it, so serializing it would be work thrown away.
    /// </summary>
    public bool TakeSnapshots { get; init; } = true;

    /// <summary>Take a snapshot after this many events (and at most every <see cref="MinSnapshotInterval"/>).</summary>
    public int SnapshotEveryEvents { get; init; } = 5_000;
    public TimeSpan MinSnapshotInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Bound of the intake queue (signals, bars, commands). Venue events are never bounded or dropped.</summary>
    public int IntakeCapacity { get; init; } = 65_536;

    /// <summary>Most messages handled before one group commit.</summary>
    public int MaxBatch { get; init; } = 1_024;

    /// <summary>IANA zone of the trading day; by default New York unless every instrument is crypto (UTC).</summary>
    public string TradingTimeZone => Instruments.Count > 0 && Instruments.Values.All(i => i.AssetClass == AssetClass.Crypto)
        ? "Etc/UTC"
        : "America/New_York";

    public string OrderIdPrefix => BotId + "-";
}
