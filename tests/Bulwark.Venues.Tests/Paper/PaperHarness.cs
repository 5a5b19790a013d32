using System.Collections.Frozen;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Venues;
using Bulwark.Venues.Paper;
using Bulwark.Venues.Tests.Fakes;

namespace Bulwark.Venues.Tests.Paper;

/// <summary>
/// A paper venue on a real SQLite file in a temp directory (or in memory: <see cref="OpenInAsync"/>),
/// with a fake clock and a recording sink.
/// </summary>
internal sealed class PaperHarness : IAsyncDisposable
{
    public static readonly Instrument Aapl = new("AAPL", AssetClass.Equity);
    public static readonly Instrument Btc = new("BTC", AssetClass.Crypto, tickSize: 0.5m, lotSize: 0.001m);
    public static readonly Instrument Es = new("ES", AssetClass.Equity, tickSize: 0.25m, lotSize: 1m, multiplier: 50m);

    /// <summary>Futures-like: multiplier 10, initial margin 2,000 per contract.</summary>
    public static readonly Instrument Fut = new("FUT", AssetClass.Equity, tickSize: 0.25m, multiplier: 10m, initialMargin: 2_000m);

    public static readonly FrozenDictionary<string, Instrument> Instruments =
        new[] { Aapl, Btc, Es, Fut }.ToFrozenDictionary(i => i.Symbol, StringComparer.Ordinal);

    /// <summary>Default test options: no slippage, no commission, so prices read plainly.</summary>
    public static readonly PaperVenueOptions Plain = new() { SlippageBps = 0m };

    private readonly TempDirectory? _dir;

    private PaperHarness(TempDirectory? dir, PaperVenueOptions options, FakeTimeProvider time, PaperVenue venue,
        RecordingSink sink)
    {
        _dir = dir;
        Options = options;
        Time = time;
        Venue = venue;
        Sink = sink;
    }

    public PaperVenueOptions Options { get; }
    public FakeTimeProvider Time { get; }
    public PaperVenue Venue { get; private set; }
    public RecordingSink Sink { get; private set; }
    public string DbPath => _dir?.File("paper.db") ?? throw new InvalidOperationException("An in-memory venue has no file.");

    public static async Task<PaperHarness> OpenAsync(PaperVenueOptions? options = null, Action<object>? probe = null)
    {
        var dir = new TempDirectory();
        var time = new FakeTimeProvider();
        options ??= Plain;
        var venue = await PaperVenue.OpenAsync(dir.File("paper.db"), options, Instruments, time, CancellationToken.None);
        var sink = new RecordingSink(probe);
        venue.Subscribe(sink);
        return new PaperHarness(dir, options, time, venue, sink);
    }

    /// <summary>A venue on a SQLite file, or in memory with or without history, as <paramref name="kind"/> says.</summary>
    public static async Task<PaperHarness> OpenInAsync(PaperStoreKind kind, PaperVenueOptions? options = null)
    {
        if (kind == PaperStoreKind.Sqlite) return await OpenAsync(options);
        var time = new FakeTimeProvider();
        options ??= Plain;
        var venue = PaperVenue.InMemory(options, Instruments, time, retainHistory: kind == PaperStoreKind.Memory);
        var sink = new RecordingSink();
        venue.Subscribe(sink);
        return new PaperHarness(null, options, time, venue, sink);
    }

    /// <summary>
    /// A venue in memory without history on this one's options and clock, heard by <paramref name="sink"/>: the twin of
    /// a test that the file and memory stores agree.
    /// </summary>
    public PaperVenue MemoryTwin(RecordingSink sink, bool singleCaller = true)
    {
        var memory = PaperVenue.InMemory(Options, Instruments, Time, retainHistory: false, singleCaller);
        memory.Subscribe(sink);
        return memory;
    }

    /// <summary>Closes the venue and opens a new one on the same file, as a restarted process would; a new sink listens.</summary>
    public async Task ReopenAsync(PaperVenueOptions? options = null)
    {
        await Venue.DisposeAsync();
        Venue = await PaperVenue.OpenAsync(DbPath, options ?? Options, Instruments, Time, CancellationToken.None);
        Sink = new RecordingSink();
        Venue.Subscribe(Sink);
    }

    public Task<SubmitResult> SubmitAsync(string id, OrderSide side, OrderType type, decimal quantity,
        decimal? limit = null, decimal? stop = null, TimeInForce tif = TimeInForce.Gtc, string symbol = "AAPL",
        string? oco = null) =>
        Venue.SubmitAsync(new OrderRequest(id, symbol, side, type, tif, quantity, limit, stop, oco), CancellationToken.None);

    public Task<SubmitResult> BuyAsync(string id, decimal quantity, string symbol = "AAPL") =>
        SubmitAsync(id, OrderSide.Buy, OrderType.Market, quantity, symbol: symbol);

    public Task<SubmitResult> SellAsync(string id, decimal quantity, string symbol = "AAPL") =>
        SubmitAsync(id, OrderSide.Sell, OrderType.Market, quantity, symbol: symbol);

    /// <summary>Feeds one bar and moves the clock a minute.</summary>
    public async Task BarAsync(decimal open, decimal high, decimal low, decimal close, decimal volume = 1_000_000m,
        string symbol = "AAPL")
    {
        Time.Advance(TimeSpan.FromMinutes(1));
        var bar = new Bar(symbol, Time.GetUtcNow(), open, high, low, close, volume, TimeSpan.FromMinutes(1));
        await Venue.OnBarAsync(bar, CancellationToken.None);
    }

    /// <summary>A flat bar at <paramref name="price"/>.</summary>
    public Task BarAtAsync(decimal price, decimal volume = 1_000_000m, string symbol = "AAPL") =>
        BarAsync(price, price, price, price, volume, symbol);

    public async Task<VenueOrder> OrderAsync(string id) =>
        await Venue.GetOrderAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"No order {id}.");

    public Task<IReadOnlyList<VenueFill>> FillsAsync() => Venue.GetFillsAsync(CancellationToken.None);

    public Task<decimal> CashAsync() => Venue.GetCashAsync(CancellationToken.None);

    public async Task<VenuePosition?> PositionAsync(string symbol = "AAPL") =>
        (await Venue.GetPositionsAsync(CancellationToken.None)).SingleOrDefault(p => p.Symbol == symbol);

    public async ValueTask DisposeAsync()
    {
        await Venue.DisposeAsync();
        _dir?.Dispose();
    }
}
