using Bulwark.Core.Venues;

namespace Bulwark.Venues;

/// <summary>
/// A venue that fails on purpose, for router and recovery tests. Wraps a real venue; submits follow
/// <see cref="Mode"/>, except that faults queued with <see cref="FailNext"/> are used first, one per submit.
/// Cancels, queries and the sink always go straight to the inner venue. Thread-safe.
/// </summary>
public sealed class FaultyVenue(IVenue inner) : IVenue
{
    private readonly IVenue _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    private readonly Lock _lock = new();
    private readonly Queue<FaultyVenueMode> _next = new();
    private FaultyVenueMode _mode = FaultyVenueMode.PassThrough;
    private VenueRejectCode _rejectCode = VenueRejectCode.Other;
    private int _submitCalls;
    private int _forwardedSubmits;

    public IVenue Inner => _inner;

    public string Name => _inner.Name;

    /// <summary>What every submit does while no queued fault is left.</summary>
    public FaultyVenueMode Mode
    {
        get { lock (_lock) return _mode; }
        set { lock (_lock) _mode = value; }
    }

    /// <summary>The code of injected rejections.</summary>
    public VenueRejectCode RejectCode
    {
        get { lock (_lock) return _rejectCode; }
        set { lock (_lock) _rejectCode = value; }
    }

    /// <summary>How many submits were asked of this venue.</summary>
    public int SubmitCalls => Volatile.Read(ref _submitCalls);

    /// <summary>How many submits reached the inner venue.</summary>
    public int ForwardedSubmits => Volatile.Read(ref _forwardedSubmits);

    /// <summary>Makes the next <paramref name="times"/> submits behave as <paramref name="mode"/>, then falls back to <see cref="Mode"/>.</summary>
    public void FailNext(FaultyVenueMode mode, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        lock (_lock)
        {
            for (var i = 0; i < times; i++) _next.Enqueue(mode);
        }
    }

    public void Subscribe(IVenueEventSink sink) => _inner.Subscribe(sink);

    public Task<decimal?> GetAccountCashAsync(CancellationToken cancellationToken) => _inner.GetAccountCashAsync(cancellationToken);

    public Task<IReadOnlyList<VenueCashActivity>> GetCashActivitiesAsync(long afterSequence, CancellationToken cancellationToken) =>
        _inner.GetCashActivitiesAsync(afterSequence, cancellationToken);

    public async Task<SubmitResult> SubmitAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _submitCalls);
        FaultyVenueMode mode;
        VenueRejectCode code;
        lock (_lock)
        {
            mode = _next.Count > 0 ? _next.Dequeue() : _mode;
            code = _rejectCode;
        }

        switch (mode)
        {
            case FaultyVenueMode.NotSent:
                return new SubmitResult(SubmitOutcome.NotSent, Message: "Injected fault: not sent.");
            case FaultyVenueMode.ThrowBeforeSend:
                throw new FaultyVenueException();
            case FaultyVenueMode.Reject:
                return SubmitResult.Rejected(code, "Injected fault: rejected.");
            case FaultyVenueMode.UnknownAfterSend:
                Interlocked.Increment(ref _forwardedSubmits);
                await _inner.SubmitAsync(request, cancellationToken).ConfigureAwait(false);
                return new SubmitResult(SubmitOutcome.Unknown, Message: "Injected fault: timed out after sending.");
            default:
                Interlocked.Increment(ref _forwardedSubmits);
                return await _inner.SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<CancelResult> CancelAsync(string clientOrderId, CancellationToken cancellationToken) =>
        _inner.CancelAsync(clientOrderId, cancellationToken);

    public Task<VenueOrder?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken) =>
        _inner.GetOrderAsync(clientOrderId, cancellationToken);

    public Task<IReadOnlyList<VenueOrder>> GetOrdersAsync(bool openOnly, CancellationToken cancellationToken) =>
        _inner.GetOrdersAsync(openOnly, cancellationToken);

    public Task<IReadOnlyList<VenueFill>> GetFillsAsync(CancellationToken cancellationToken) =>
        _inner.GetFillsAsync(cancellationToken);

    public Task<IReadOnlyList<VenuePosition>> GetPositionsAsync(CancellationToken cancellationToken) =>
        _inner.GetPositionsAsync(cancellationToken);
}
