using System.Collections.Frozen;
using System.Globalization;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>
/// A simulated broker with its own account. Opened on a SQLite file (<see cref="OpenAsync"/>: WAL, synchronous=FULL),
/// a bot that crashed meets broker truth when it comes back; in memory (<see cref="InMemory"/>), for backtests, every
/// call completes synchronously. Same rules, matching, costs, events and ids either way: every operation is one
/// exclusive unit of the storage, so any thread may call it (a single-caller in-memory venue excepted: see
/// <see cref="InMemory"/>). Orders fill against the next bar fed through
/// <see cref="OnBarAsync"/> (market orders optionally at once, at the last price: <see cref="PaperVenueOptions.MarketFill"/>);
/// events go to the sink after the unit is committed. An order may belong to a one-cancels-other group: see
/// <see cref="PaperOco"/>.
/// </summary>
public sealed class PaperVenue : IVenue, IMarketDrivenVenue, IAsyncDisposable
{
    private readonly IPaperStorage _storage;
    private readonly PaperVenueOptions _options;
    private readonly FrozenDictionary<string, Instrument> _instruments;
    private readonly TimeProvider _time;
    private readonly PaperBarMatching _matching;
    private readonly PaperLastPriceFill _lastPriceFill;
    private readonly Func<IVenueEventSink?> _readSink;
    private IVenueEventSink? _sink;

    private PaperVenue(IPaperStorage storage, PaperVenueOptions options,
        IReadOnlyDictionary<string, Instrument> instruments, TimeProvider time)
    {
        _storage = storage;
        _options = options;
        _instruments = instruments.ToFrozenDictionary(StringComparer.Ordinal);
        _time = time;
        _matching = new PaperBarMatching(options, _instruments, time);
        _lastPriceFill = new PaperLastPriceFill(options);
        _readSink = () => Volatile.Read(ref _sink);
    }

    public string Name => "paper";

    /// <summary>
    /// Opens the paper account in <paramref name="dbPath"/>, creating it with <see cref="PaperVenueOptions.InitialCash"/>
    /// when the file is new. An existing file keeps everything it holds: orders, fills, positions, cash, used ids.
    /// </summary>
    public static async Task<PaperVenue> OpenAsync(string dbPath, PaperVenueOptions options,
        IReadOnlyDictionary<string, Instrument> instruments, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dbPath);
        Validate(options, instruments, time);
        var storage = await SqlitePaperStorage.OpenAsync(dbPath, options.InitialCash, time, cancellationToken).ConfigureAwait(false);
        return new PaperVenue(storage, options, instruments, time);
    }

    /// <summary>
    /// A new paper account in memory with <see cref="PaperVenueOptions.InitialCash"/>; every call completes synchronously.
    /// With <paramref name="retainHistory"/> false (long backtests, whose memory would otherwise grow with every order)
    /// orders are forgotten once they can no longer trade and fills are not kept: <see cref="GetOrderAsync"/>,
    /// <see cref="GetOrdersAsync"/> and <see cref="GetFillsAsync"/> then see open orders only and no fills. Matching,
    /// costs, events, ids and duplicate-ClientOrderId rejection are the same either way.
    /// With <paramref name="singleCaller"/> (a backtest's driver, which makes every call on its own thread and never
    /// two at once) operations take no lock, so calls from several threads at once are not supported. Either way a call
    /// made from the sink while an operation pushes its events is refused rather than interleaved.
    /// </summary>
    public static PaperVenue InMemory(PaperVenueOptions options, IReadOnlyDictionary<string, Instrument> instruments,
        TimeProvider time, bool retainHistory = true, bool singleCaller = false)
    {
        Validate(options, instruments, time);
        return new PaperVenue(new MemoryPaperStorage(options.InitialCash, retainHistory, singleCaller, options.ChargesFinancing,
            options.CashInterest.PaysAny, options.Dividends.Count > 0 ? options.Dividends : null), options,
            instruments, time);
    }

    private static void Validate(PaperVenueOptions options, IReadOnlyDictionary<string, Instrument> instruments, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(time);
        var problems = options.Problems();
        if (problems.Count > 0)
            throw new ArgumentException("Invalid paper venue options: " + string.Join(" ", problems), nameof(options));
    }

    /// <summary>Sets the one sink. Events of operations done while no sink is set are not pushed (query instead).</summary>
    public void Subscribe(IVenueEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var existing = Interlocked.CompareExchange(ref _sink, sink, null);
        if (existing is not null && !ReferenceEquals(existing, sink))
            throw new InvalidOperationException("The paper venue already has a sink.");
    }

    public Task<SubmitResult> SubmitAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ClientOrderId, nameof(request));
        ArgumentNullException.ThrowIfNull(request.Symbol, nameof(request));
        return AsTask(Run(write: true, (Venue: this, Request: request),
            static (store, events, s) => s.Venue.Submit(store, s.Request, events), cancellationToken));
    }

    public Task<CancelResult> CancelAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clientOrderId);
        return AsTask(Run(write: true, (Venue: this, Id: clientOrderId),
            static (store, events, s) => s.Venue.Cancel(store, s.Id, events), cancellationToken));
    }

    /// <summary>Matches the open orders of <paramref name="bar"/>'s symbol against it; a bar of an unknown symbol does nothing.</summary>
    public Task OnBarAsync(Bar bar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bar.Symbol, nameof(bar));
        var problem = bar.Problem();
        if (problem is not null)
            throw new ArgumentException(
                $"Bar of {bar.Symbol} at {bar.Time.ToString("O", CultureInfo.InvariantCulture)} is invalid: {problem}.",
                nameof(bar));
        if (!_instruments.TryGetValue(bar.Symbol, out var instrument)) return Task.CompletedTask;
        // Most bars find nothing to match or settle: in memory they then only record the close.
        if (_storage.TryRecordQuietBar(bar.Symbol, instrument, bar.Close, bar.CloseTime)) return Task.CompletedTask;

        var done = Run(write: true, (Matching: _matching, Bar: bar, Instrument: instrument),
            static (store, events, s) => s.Matching.Run(store, s.Bar, s.Instrument, events), cancellationToken);
        if (!done.IsCompletedSuccessfully) return done.AsTask();
        done.GetAwaiter().GetResult();
        return Task.CompletedTask; // in memory: nothing allocated on the per-bar path
    }

    /// <summary>The order first submitted with <paramref name="clientOrderId"/>; never a later duplicate submission.</summary>
    public Task<VenueOrder?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clientOrderId);
        return AsTask(Run(write: false, clientOrderId, static (store, _, id) => store.Find(id)?.ToVenueOrder(),
            cancellationToken));
    }

    /// <summary>
    /// Orders in submission order. With <paramref name="openOnly"/> false, every recorded duplicate submission follows
    /// as a Rejected order with <see cref="VenueRejectCode.DuplicateClientOrderId"/> and the id it tried to reuse.
    /// </summary>
    public Task<IReadOnlyList<VenueOrder>> GetOrdersAsync(bool openOnly, CancellationToken cancellationToken) =>
        AsTask(Run<bool, IReadOnlyList<VenueOrder>>(write: false, openOnly,
            static (store, _, openOnly) =>
            {
                var orders = store.List(openOnly).Select(o => o.ToVenueOrder()).ToList();
                if (!openOnly) orders.AddRange(store.ListDuplicates());
                return orders;
            }, cancellationToken));

    /// <summary>All fills, in the order they happened.</summary>
    public Task<IReadOnlyList<VenueFill>> GetFillsAsync(CancellationToken cancellationToken) =>
        Read(static store => store.Fills(), cancellationToken);

    /// <summary>Non-zero positions, by symbol.</summary>
    public Task<IReadOnlyList<VenuePosition>> GetPositionsAsync(CancellationToken cancellationToken) =>
        Read<IReadOnlyList<VenuePosition>>(static store =>
            store.Positions()
                .Where(p => p.Position.Quantity != 0m)
                .Select(p => new VenuePosition(p.Symbol, p.Position.Quantity, p.Position.AveragePrice))
                .ToList(), cancellationToken);

    public Task<decimal> GetCashAsync(CancellationToken cancellationToken) =>
        Read(static store => store.Cash(), cancellationToken);

    async Task<decimal?> IVenue.GetAccountCashAsync(CancellationToken cancellationToken) =>
        await GetCashAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The financing charged or paid after <paramref name="afterSequence"/>, oldest first.</summary>
    public Task<IReadOnlyList<VenueCashActivity>> GetCashActivitiesAsync(long afterSequence, CancellationToken cancellationToken) =>
        AsTask(Run(write: false, afterSequence, static (store, _, after) => store.CashActivities(after), cancellationToken));

    public Task<IReadOnlyDictionary<string, DateTimeOffset>> GetLastBarTimesAsync(CancellationToken cancellationToken) =>
        Read(static store => store.LastBarTimes(), cancellationToken);

    /// <summary>The close of the last bar seen per symbol.</summary>
    public Task<IReadOnlyDictionary<string, decimal>> GetMarksAsync(CancellationToken cancellationToken) =>
        Read<IReadOnlyDictionary<string, decimal>>(static store =>
            store.LastPrices()
                .ToDictionary(p => p.Symbol, p => p.Price, StringComparer.Ordinal), cancellationToken);

    internal Task<decimal> GetRealizedPnlAsync(string symbol, CancellationToken cancellationToken) =>
        AsTask(Run(write: false, symbol, static (store, _, symbol) => store.Position(symbol).RealizedPnl, cancellationToken));

    public ValueTask DisposeAsync() => _storage.DisposeAsync();

    private CancelResult Cancel(IPaperStore store, string clientOrderId, PaperEvents events)
    {
        var order = store.Find(clientOrderId);
        if (order is null)
            return new CancelResult(false, VenueRejectCode.OrderNotFound, $"No order '{clientOrderId}'.");
        if (!order.IsOpen)
            return new CancelResult(false, VenueRejectCode.OrderNotCancelable, $"Order '{clientOrderId}' is {order.Status}.");

        order.Status = OrderStatus.Canceled;
        order.UpdatedAt = _time.GetUtcNow();
        store.Update(order);
        events.Update(new VenueOrderUpdate(order.ClientOrderId, order.VenueOrderId, VenueOrderUpdateKind.Canceled,
            order.UpdatedAt));
        return new CancelResult(true);
    }

    private SubmitResult Submit(IPaperStore store, OrderRequest request, PaperEvents events)
    {
        var now = _time.GetUtcNow();
        if (store.Exists(request.ClientOrderId))
        {
            // Recorded, never pushed: the original order's status must not be disturbed.
            var message = $"ClientOrderId '{request.ClientOrderId}' is already used; the original order is unchanged.";
            store.InsertDuplicate(request, message, now);
            return SubmitResult.Rejected(VenueRejectCode.DuplicateClientOrderId, message);
        }

        _instruments.TryGetValue(request.Symbol, out var instrument);
        var rejection = PaperOrderRules.Check(request, instrument)
            ?? PaperOco.CheckJoin(store, request)
            ?? PaperAccountRules.Check(store, request, instrument!, _instruments, _options);
        var venueOrderId = PaperIds.Order(store.Next(PaperIds.OrderSequence));
        var order = new PaperOrder
        {
            ClientOrderId = request.ClientOrderId,
            VenueOrderId = venueOrderId,
            Symbol = request.Symbol,
            Side = request.Side,
            Type = request.Type,
            TimeInForce = request.TimeInForce,
            Quantity = request.Quantity,
            LimitPrice = request.LimitPrice,
            StopPrice = request.StopPrice,
            OcoGroup = request.OcoGroup,
            Status = rejection is null ? OrderStatus.Accepted : OrderStatus.Rejected,
            RejectCode = rejection?.Code ?? VenueRejectCode.None,
            RejectMessage = rejection?.Message,
            CreatedAt = now,
            UpdatedAt = now,
        };
        store.Insert(order);

        if (rejection is null)
        {
            events.Update(new VenueOrderUpdate(order.ClientOrderId, venueOrderId, VenueOrderUpdateKind.Accepted, now));
            _lastPriceFill.TryFill(store, order, instrument!, now, events);
            return SubmitResult.Accepted(venueOrderId);
        }

        events.Update(new VenueOrderUpdate(order.ClientOrderId, venueOrderId, VenueOrderUpdateKind.Rejected, now,
            rejection.Code, rejection.Message));
        return new SubmitResult(SubmitOutcome.Rejected, venueOrderId, rejection.Code, rejection.Message);
    }

    private ValueTask<T> Run<TState, T>(bool write, TState state, Func<IPaperStore, PaperEvents, TState, T> work,
        CancellationToken cancellationToken) =>
        _storage.RunAsync(write, state, work, _readSink, cancellationToken);

    /// <summary>A query that needs nothing but the account: one read-only unit, no state to carry.</summary>
    private Task<T> Read<T>(Func<IPaperStore, T> query, CancellationToken cancellationToken) =>
        AsTask(Run(write: false, query, static (store, _, query) => query(store), cancellationToken));

    private static Task<T> AsTask<T>(ValueTask<T> pending) =>
        pending.IsCompletedSuccessfully ? Task.FromResult(pending.Result) : pending.AsTask();
}
