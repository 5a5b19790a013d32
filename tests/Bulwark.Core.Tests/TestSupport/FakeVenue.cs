using Bulwark.Core.Orders;
using Bulwark.Core.Venues;

namespace Bulwark.Core.Tests.TestSupport;

/// <summary>What the fake venue does with one submit attempt.</summary>
public enum SubmitReply
{
    /// <summary>Takes the order and says so.</summary>
    Accept,
    /// <summary>Refuses it explicitly.</summary>
    Reject,
    /// <summary>Says the request never arrived (safe to retry).</summary>
    NotSent,
    /// <summary>Takes the order but answers Unknown (a timeout after sending).</summary>
    UnknownButKept,
    /// <summary>Loses the order and answers Unknown.</summary>
    UnknownAndLost,
    /// <summary>Takes the order, then the call throws.</summary>
    ThrowAfterKeeping,
    /// <summary>Takes the order and never answers (until cancelled): the process dies with the outcome unknown.</summary>
    HangAfterKeeping,
    /// <summary>Never answers and never had the order.</summary>
    HangAndLose,
    /// <summary>Takes the order, and answers Accepted, only once <see cref="FakeVenue.ReleaseSubmits"/> is called.</summary>
    AcceptWhenReleased,
}

/// <summary>
/// A hand-written venue: records every submit attempt, answers as told, keeps its own book of orders, fills and
/// positions (the truth the engine must converge to), and pushes updates and fills to the subscribed sink.
/// </summary>
internal sealed class FakeVenue(TimeProvider time) : IVenue
{
    private readonly Lock _gate = new();
    private readonly List<OrderRequest> _submits = [];
    private readonly Dictionary<string, VenueOrder> _orders = new(StringComparer.Ordinal);
    private readonly List<VenueFill> _fills = [];
    private readonly List<VenueCashActivity> _activities = [];
    private readonly Dictionary<string, decimal> _extraPositions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _queries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _cancels = new(StringComparer.Ordinal);
    private IVenueEventSink? _sink;
    private long _nextId;

    public string Name => "fake";

    /// <summary>What the venue says the account's cash is (null: it cannot tell, the default).</summary>
    public decimal? Cash { get; set; }

    public Task<decimal?> GetAccountCashAsync(CancellationToken cancellationToken) => Task.FromResult(Cash);

    /// <summary>Decides each submit attempt; the int is the attempt number for that ClientOrderId (1-based).</summary>
    public Func<OrderRequest, int, SubmitReply> OnSubmit { get; set; } = (_, _) => SubmitReply.Accept;

    /// <summary>When set, every accepted order is filled at once at this price (pushed before the submit returns).</summary>
    public Func<OrderRequest, decimal>? FillOnSubmitAt { get; set; }

    /// <summary>What happens to a cancel request for an open order.</summary>
    public CancelReply OnCancel { get; set; } = CancelReply.Cancel;

    /// <summary>Cancel requests received, by ClientOrderId.</summary>
    public int CancelsOf(string clientOrderId)
    {
        lock (_gate) return _cancels.GetValueOrDefault(clientOrderId);
    }

    public IReadOnlyList<OrderRequest> Submits
    {
        get { lock (_gate) return [.. _submits]; }
    }

    public IReadOnlyList<VenueFill> Fills
    {
        get { lock (_gate) return [.. _fills]; }
    }

    public int SubmitsOf(string clientOrderId)
    {
        lock (_gate) return _submits.Count(s => s.ClientOrderId == clientOrderId);
    }

    public int QueriesOf(string clientOrderId)
    {
        lock (_gate) return _queries.GetValueOrDefault(clientOrderId);
    }

    public VenueOrder? Order(string clientOrderId)
    {
        lock (_gate) return _orders.GetValueOrDefault(clientOrderId);
    }

    /// <summary>Every order the venue holds, in the order they arrived.</summary>
    public IReadOnlyList<VenueOrder> AllOrders
    {
        get { lock (_gate) return [.. _orders.Values.OrderBy(o => o.CreatedAt).ThenBy(o => o.ClientOrderId, StringComparer.Ordinal)]; }
    }

    /// <summary>The venue expires an open order (e.g. end of day) and says so.</summary>
    public bool Expire(string clientOrderId)
    {
        IVenueEventSink? sink;
        lock (_gate)
        {
            if (!_orders.TryGetValue(clientOrderId, out var order) || !order.Status.IsOpen()) return false;
            _orders[clientOrderId] = order with { Status = OrderStatus.Expired, UpdatedAt = time.GetUtcNow() };
            sink = _sink;
        }
        sink?.OnOrderUpdate(new VenueOrderUpdate(clientOrderId, null, VenueOrderUpdateKind.Expired, time.GetUtcNow()));
        return true;
    }

    /// <summary>Carries out a cancel the venue held (<see cref="CancelReply.Hold"/>) and says so; false when the order is not open.</summary>
    public bool CompleteCancel(string clientOrderId)
    {
        IVenueEventSink? sink;
        lock (_gate)
        {
            if (!_orders.TryGetValue(clientOrderId, out var order) || !order.Status.IsOpen()) return false;
            _orders[clientOrderId] = order with { Status = OrderStatus.Canceled, UpdatedAt = time.GetUtcNow() };
            sink = _sink;
        }
        sink?.OnOrderUpdate(new VenueOrderUpdate(clientOrderId, null, VenueOrderUpdateKind.Canceled, time.GetUtcNow()));
        return true;
    }

    /// <summary>The venue's position in <paramref name="symbol"/>: its fills plus anything put there behind the engine's back.</summary>
    public decimal PositionOf(string symbol)
    {
        lock (_gate) return PositionOfLocked(symbol);
    }

    /// <summary>A position the engine did not make (e.g. a manual trade at the broker).</summary>
    public void AddForeignPosition(string symbol, decimal quantity)
    {
        lock (_gate) _extraPositions[symbol] = _extraPositions.GetValueOrDefault(symbol) + quantity;
    }

    public void Subscribe(IVenueEventSink sink)
    {
        lock (_gate) _sink = sink;
    }

    private readonly TaskCompletionSource _submitsReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets the submits answered <see cref="SubmitReply.AcceptWhenReleased"/> reach the venue and be answered.</summary>
    public void ReleaseSubmits() => _submitsReleased.TrySetResult();

    public async Task<SubmitResult> SubmitAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        SubmitReply reply;
        string venueOrderId;
        lock (_gate) reply = OnSubmit(request, _submits.Count(s => s.ClientOrderId == request.ClientOrderId) + 1);
        if (reply == SubmitReply.AcceptWhenReleased)
        {
            await _submitsReleased.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            reply = SubmitReply.Accept;
        }
        lock (_gate)
        {
            _submits.Add(request);
            venueOrderId = $"v{++_nextId}";
            if (reply is SubmitReply.Accept or SubmitReply.UnknownButKept or SubmitReply.ThrowAfterKeeping or SubmitReply.HangAfterKeeping)
                _orders[request.ClientOrderId] = NewOrder(request, venueOrderId, OrderStatus.Accepted);
            else if (reply == SubmitReply.Reject)
                _orders[request.ClientOrderId] = NewOrder(request, venueOrderId, OrderStatus.Rejected) with
                {
                    RejectCode = VenueRejectCode.InsufficientFunds,
                    RejectMessage = "not enough buying power",
                };
        }
        if (reply == SubmitReply.Accept && FillOnSubmitAt is { } price)
            PushFill(request.ClientOrderId, request.Quantity, price(request));

        switch (reply)
        {
            case SubmitReply.Accept:
                return SubmitResult.Accepted(venueOrderId);
            case SubmitReply.Reject:
                return SubmitResult.Rejected(VenueRejectCode.InsufficientFunds, "not enough buying power");
            case SubmitReply.NotSent:
                return new SubmitResult(SubmitOutcome.NotSent, Message: "connection refused");
            case SubmitReply.UnknownButKept:
            case SubmitReply.UnknownAndLost:
                return new SubmitResult(SubmitOutcome.Unknown, Message: "timed out after sending");
            case SubmitReply.ThrowAfterKeeping:
                throw new IOException("connection reset after the request was written");
            default:
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                throw new InvalidOperationException("unreachable");
        }
    }

    public Task<CancelResult> CancelAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        IVenueEventSink? sink;
        lock (_gate)
        {
            _cancels[clientOrderId] = _cancels.GetValueOrDefault(clientOrderId) + 1;
            if (OnCancel == CancelReply.Hang) return HangAsync(cancellationToken);
            if (!_orders.TryGetValue(clientOrderId, out var order) || !order.Status.IsOpen())
                return Task.FromResult(new CancelResult(false, VenueRejectCode.OrderNotCancelable, "not open"));
            if (OnCancel == CancelReply.Hold) return Task.FromResult(new CancelResult(true));
            if (OnCancel == CancelReply.Refuse)
                return Task.FromResult(new CancelResult(false, VenueRejectCode.OrderNotCancelable, "refused"));
            _orders[clientOrderId] = order with { Status = OrderStatus.Canceled, UpdatedAt = time.GetUtcNow() };
            sink = _sink;
        }
        sink?.OnOrderUpdate(new VenueOrderUpdate(clientOrderId, null, VenueOrderUpdateKind.Canceled, time.GetUtcNow()));
        return Task.FromResult(new CancelResult(true));
    }

    private static async Task<CancelResult> HangAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        throw new InvalidOperationException("unreachable");
    }

    public Task<VenueOrder?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _queries[clientOrderId] = _queries.GetValueOrDefault(clientOrderId) + 1;
            return Task.FromResult(_orders.GetValueOrDefault(clientOrderId));
        }
    }

    public Task<IReadOnlyList<VenueOrder>> GetOrdersAsync(bool openOnly, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<VenueOrder>>(
                [.. _orders.Values.Where(o => !openOnly || o.Status.IsOpen())]);
    }

    public Task<IReadOnlyList<VenueFill>> GetFillsAsync(CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<VenueFill>>([.. _fills]);
    }

    public Task<IReadOnlyList<VenueCashActivity>> GetCashActivitiesAsync(long afterSequence, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<VenueCashActivity>>([.. _activities.Where(a => a.Sequence > afterSequence)]);
    }

    /// <summary>
    /// Books <paramref name="amount"/> on the account as a financing activity (and moves <see cref="Cash"/> by it); pushes
    /// it to the engine unless <paramref name="push"/> is false (booked while the engine is down).
    /// </summary>
    public VenueCashActivity BookFinancing(string symbol, decimal amount, bool push = true) =>
        Book(CashActivityKind.Financing, symbol, amount, push);

    /// <summary>Books interest on the account's cash (no symbol), as <see cref="BookFinancing"/> books a position's financing.</summary>
    public VenueCashActivity BookInterest(decimal amount, bool push = true) => Book(CashActivityKind.Interest, null, amount, push);

    private VenueCashActivity Book(CashActivityKind kind, string? symbol, decimal amount, bool push)
    {
        VenueCashActivity activity;
        IVenueEventSink? sink;
        lock (_gate)
        {
            var sequence = _activities.Count + 1L;
            activity = new VenueCashActivity(sequence, $"c{sequence}", kind, symbol, amount, time.GetUtcNow(),
                kind == CashActivityKind.Interest ? "interest" : "financing");
            _activities.Add(activity);
            if (Cash is { } cash) Cash = cash + amount;
            sink = push ? _sink : null;
        }
        sink?.OnCashActivity(activity);
        return activity;
    }

    /// <summary>Pushes an activity again, as a venue that re-delivers does.</summary>
    public void PushActivity(VenueCashActivity activity)
    {
        IVenueEventSink? sink;
        lock (_gate) sink = _sink;
        sink?.OnCashActivity(activity);
    }

    public Task<IReadOnlyList<VenuePosition>> GetPositionsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var symbols = _fills.Select(f => f.Symbol).Concat(_extraPositions.Keys).Distinct(StringComparer.Ordinal);
            return Task.FromResult<IReadOnlyList<VenuePosition>>(
                [.. symbols.Select(s => new VenuePosition(s, PositionOfLocked(s), 0m)).Where(p => p.Quantity != 0m)]);
        }
    }

    /// <summary>Executes part or all of an order at the venue and pushes the fill to the engine.</summary>
    public VenueFill PushFill(string clientOrderId, decimal quantity, decimal price, decimal commission = 0m, string? tradeId = null) =>
        MakeFill(clientOrderId, quantity, price, commission, tradeId, push: true);

    /// <summary>Executes at the venue without telling anyone: a fill that happens while the engine is down.</summary>
    public VenueFill FillSilently(string clientOrderId, decimal quantity, decimal price, decimal commission = 0m) =>
        MakeFill(clientOrderId, quantity, price, commission, null, push: false);

    /// <summary>Pushes an arbitrary fill (duplicates, foreign or nonsense fills) without touching the venue's book.</summary>
    public void PushRaw(VenueFill fill)
    {
        IVenueEventSink? sink;
        lock (_gate) sink = _sink;
        sink?.OnFill(fill);
    }

    public void PushUpdate(VenueOrderUpdate update)
    {
        IVenueEventSink? sink;
        lock (_gate) sink = _sink;
        sink?.OnOrderUpdate(update);
    }

    private VenueFill MakeFill(string clientOrderId, decimal quantity, decimal price, decimal commission, string? tradeId, bool push)
    {
        VenueFill fill;
        IVenueEventSink? sink;
        lock (_gate)
        {
            var order = _orders[clientOrderId];
            var filled = order.FilledQuantity + quantity;
            var average = ((order.AverageFillPrice * order.FilledQuantity) + (price * quantity)) / filled;
            var status = order.Status is OrderStatus.Canceled or OrderStatus.Expired
                ? order.Status
                : filled >= order.Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
            _orders[clientOrderId] = order with { FilledQuantity = filled, AverageFillPrice = average, Status = status, UpdatedAt = time.GetUtcNow() };
            fill = new VenueFill(tradeId ?? $"t{++_nextId}", clientOrderId, order.VenueOrderId, order.Symbol, order.Side,
                quantity, price, commission, time.GetUtcNow());
            _fills.Add(fill);
            sink = push ? _sink : null;
        }
        sink?.OnFill(fill);
        return fill;
    }

    private decimal PositionOfLocked(string symbol) =>
        _fills.Where(f => f.Symbol == symbol).Sum(f => f.Side == OrderSide.Buy ? f.Quantity : -f.Quantity)
        + _extraPositions.GetValueOrDefault(symbol);

    private VenueOrder NewOrder(OrderRequest r, string venueOrderId, OrderStatus status) =>
        new(r.ClientOrderId, venueOrderId, r.Symbol, r.Side, r.Type, r.TimeInForce, r.Quantity, r.LimitPrice, r.StopPrice,
            0m, 0m, status, VenueRejectCode.None, null, time.GetUtcNow(), time.GetUtcNow());
}
