using System.Collections.Frozen;
using System.Globalization;
using Bulwark.Core.Model;
using Bulwark.Core.Orders;
using Bulwark.Core.Venues;
using Microsoft.Data.Sqlite;

namespace Bulwark.Venues.Paper;

/// <summary>
/// A simulated broker with its own account in its own SQLite file (WAL, synchronous=FULL), so a bot that crashed meets
/// broker truth when it comes back. Every operation is one transaction behind one gate, so any thread may call it.
/// Orders fill against the next bar fed through <see cref="OnBarAsync"/> (market orders optionally at once, at the last
/// price: <see cref="PaperVenueOptions.MarketFill"/>); events go to the sink after the commit.
/// </summary>
public sealed class PaperVenue : IVenue, IMarketDrivenVenue, IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly PaperVenueOptions _options;
    private readonly FrozenDictionary<string, Instrument> _instruments;
    private readonly TimeProvider _time;
    private readonly PaperBarMatching _matching;
    private readonly PaperLastPriceFill _lastPriceFill;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IVenueEventSink? _sink;
    private bool _disposed;

    private PaperVenue(SqliteConnection connection, PaperVenueOptions options,
        FrozenDictionary<string, Instrument> instruments, TimeProvider time)
    {
        _connection = connection;
        _options = options;
        _instruments = instruments;
        _time = time;
        _matching = new PaperBarMatching(options, time);
        _lastPriceFill = new PaperLastPriceFill(options);
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
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(time);
        var problems = options.Problems();
        if (problems.Count > 0)
            throw new ArgumentException("Invalid paper venue options: " + string.Join(" ", problems), nameof(options));

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = dbPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false, // the venue holds its one connection; closing it must release the file
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await PaperSchema.ConfigureAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (var tx = connection.BeginTransaction(deferred: false))
            {
                await PaperSchema.EnsureAsync(tx, options.InitialCash, time.GetUtcNow(), cancellationToken)
                    .ConfigureAwait(false);
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return new PaperVenue(connection, options, instruments.ToFrozenDictionary(StringComparer.Ordinal), time);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
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
        return InTransactionAsync(write: true, (tx, events) => SubmitAsync(tx, request, events, cancellationToken),
            cancellationToken);
    }

    public Task<CancelResult> CancelAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clientOrderId);
        return InTransactionAsync(write: true, async (tx, events) =>
        {
            var order = await PaperOrderStore.FindAsync(tx, clientOrderId, cancellationToken).ConfigureAwait(false);
            if (order is null)
                return new CancelResult(false, VenueRejectCode.OrderNotFound, $"No order '{clientOrderId}'.");
            if (!order.IsOpen)
                return new CancelResult(false, VenueRejectCode.OrderNotCancelable,
                    $"Order '{clientOrderId}' is {order.Status}.");

            order.Status = OrderStatus.Canceled;
            order.UpdatedAt = _time.GetUtcNow();
            await PaperOrderStore.UpdateAsync(tx, order, cancellationToken).ConfigureAwait(false);
            events.Update(new VenueOrderUpdate(order.ClientOrderId, order.VenueOrderId, VenueOrderUpdateKind.Canceled,
                order.UpdatedAt));
            return new CancelResult(true);
        }, cancellationToken);
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

        return InTransactionAsync(write: true, async (tx, events) =>
        {
            await _matching.RunAsync(tx, bar, instrument, events, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <summary>The order first submitted with <paramref name="clientOrderId"/>; never a later duplicate submission.</summary>
    public Task<VenueOrder?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clientOrderId);
        return InTransactionAsync(write: false, async (tx, _) =>
            (await PaperOrderStore.FindAsync(tx, clientOrderId, cancellationToken).ConfigureAwait(false))?.ToVenueOrder(),
            cancellationToken);
    }

    /// <summary>
    /// Orders in submission order. With <paramref name="openOnly"/> false, every recorded duplicate submission follows
    /// as a Rejected order with <see cref="VenueRejectCode.DuplicateClientOrderId"/> and the id it tried to reuse.
    /// </summary>
    public Task<IReadOnlyList<VenueOrder>> GetOrdersAsync(bool openOnly, CancellationToken cancellationToken) =>
        InTransactionAsync<IReadOnlyList<VenueOrder>>(write: false, async (tx, _) =>
        {
            var orders = (await PaperOrderStore.ListAsync(tx, openOnly, cancellationToken).ConfigureAwait(false))
                .ConvertAll(o => o.ToVenueOrder());
            if (!openOnly)
                orders.AddRange(await PaperOrderStore.ListDuplicatesAsync(tx, cancellationToken).ConfigureAwait(false));
            return orders;
        }, cancellationToken);

    /// <summary>All fills, in the order they happened.</summary>
    public Task<IReadOnlyList<VenueFill>> GetFillsAsync(CancellationToken cancellationToken) =>
        InTransactionAsync<IReadOnlyList<VenueFill>>(write: false, async (tx, _) =>
            await PaperLedgerStore.FillsAsync(tx, cancellationToken).ConfigureAwait(false), cancellationToken);

    /// <summary>Non-zero positions, by symbol.</summary>
    public Task<IReadOnlyList<VenuePosition>> GetPositionsAsync(CancellationToken cancellationToken) =>
        InTransactionAsync<IReadOnlyList<VenuePosition>>(write: false, async (tx, _) =>
            (await PaperLedgerStore.PositionsAsync(tx, cancellationToken).ConfigureAwait(false))
                .Where(p => p.Position.Quantity != 0m)
                .Select(p => new VenuePosition(p.Symbol, p.Position.Quantity, p.Position.AveragePrice))
                .ToList(), cancellationToken);

    public Task<decimal> GetCashAsync(CancellationToken cancellationToken) =>
        InTransactionAsync(write: false, (tx, _) => PaperLedgerStore.CashAsync(tx, cancellationToken), cancellationToken);

    /// <summary>The close of the last bar seen per symbol.</summary>
    public Task<IReadOnlyDictionary<string, decimal>> GetMarksAsync(CancellationToken cancellationToken) =>
        InTransactionAsync<IReadOnlyDictionary<string, decimal>>(write: false, async (tx, _) =>
            (await PaperLedgerStore.LastPricesAsync(tx, cancellationToken).ConfigureAwait(false))
                .ToDictionary(p => p.Symbol, p => p.Price, StringComparer.Ordinal), cancellationToken);

    internal Task<decimal> GetRealizedPnlAsync(string symbol, CancellationToken cancellationToken) =>
        InTransactionAsync(write: false, async (tx, _) =>
            (await PaperLedgerStore.PositionAsync(tx, symbol, cancellationToken).ConfigureAwait(false)).RealizedPnl,
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed) return;
            _disposed = true;
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SubmitResult> SubmitAsync(SqliteTransaction tx, OrderRequest request, PaperEvents events,
        CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        if (await PaperOrderStore.ExistsAsync(tx, request.ClientOrderId, ct).ConfigureAwait(false))
        {
            // Recorded, never pushed: the original order's status must not be disturbed.
            var message = $"ClientOrderId '{request.ClientOrderId}' is already used; the original order is unchanged.";
            await PaperOrderStore.InsertDuplicateAsync(tx, request, message, now, ct).ConfigureAwait(false);
            return SubmitResult.Rejected(VenueRejectCode.DuplicateClientOrderId, message);
        }

        _instruments.TryGetValue(request.Symbol, out var instrument);
        var rejection = PaperOrderRules.Check(request, instrument)
            ?? await PaperAccountRules.CheckAsync(tx, request, instrument!, _options, ct).ConfigureAwait(false);
        var venueOrderId = PaperIds.Order(await PaperLedgerStore.NextAsync(tx, PaperIds.OrderSequence, ct).ConfigureAwait(false));
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
            Status = rejection is null ? OrderStatus.Accepted : OrderStatus.Rejected,
            RejectCode = rejection?.Code ?? VenueRejectCode.None,
            RejectMessage = rejection?.Message,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await PaperOrderStore.InsertAsync(tx, order, ct).ConfigureAwait(false);

        if (rejection is null)
        {
            events.Update(new VenueOrderUpdate(order.ClientOrderId, venueOrderId, VenueOrderUpdateKind.Accepted, now));
            await _lastPriceFill.TryFillAsync(tx, order, instrument!, now, events, ct).ConfigureAwait(false);
            return SubmitResult.Accepted(venueOrderId);
        }

        events.Update(new VenueOrderUpdate(order.ClientOrderId, venueOrderId, VenueOrderUpdateKind.Rejected, now,
            rejection.Code, rejection.Message));
        return new SubmitResult(SubmitOutcome.Rejected, venueOrderId, rejection.Code, rejection.Message);
    }

    /// <summary>Runs <paramref name="work"/> in one transaction behind the gate, then pushes its events after the commit.</summary>
    private async Task<T> InTransactionAsync<T>(bool write, Func<SqliteTransaction, PaperEvents, Task<T>> work,
        CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var events = new PaperEvents();
            T result;
            await using (var tx = _connection.BeginTransaction(deferred: !write))
            {
                result = await work(tx, events).ConfigureAwait(false);
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            // Still behind the gate, so the sink hears events in commit order across all callers.
            events.PushTo(Volatile.Read(ref _sink));
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }
}
