using System.Globalization;
using Bulwark.Core.Venues;

namespace Bulwark.Cli.Bench;

/// <summary>A venue that accepts and fully fills every order at once, so the benchmark measures the engine.</summary>
internal sealed class InstantFillVenue : IVenue
{
    private static readonly Task<IReadOnlyList<VenueOrder>> NoOrders = Task.FromResult<IReadOnlyList<VenueOrder>>([]);
    private static readonly Task<IReadOnlyList<VenueFill>> NoFills = Task.FromResult<IReadOnlyList<VenueFill>>([]);
    private static readonly Task<IReadOnlyList<VenuePosition>> NoPositions = Task.FromResult<IReadOnlyList<VenuePosition>>([]);
    private readonly TimeProvider _time;
    private IVenueEventSink? _sink;
    private long _next;

    public InstantFillVenue(TimeProvider time) => _time = time;

    public string Name => "instant";

    public void Subscribe(IVenueEventSink sink) => _sink = sink;

    public Task<SubmitResult> SubmitAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        var id = "V" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
        _sink?.OnFill(new VenueFill(id, request.ClientOrderId, id, request.Symbol, request.Side,
            request.Quantity, 100m, 0m, _time.GetUtcNow()));
        return Task.FromResult(SubmitResult.Accepted(id));
    }

    public Task<CancelResult> CancelAsync(string clientOrderId, CancellationToken cancellationToken) =>
        Task.FromResult(new CancelResult(false, VenueRejectCode.OrderNotCancelable));

    public Task<VenueOrder?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken) => Task.FromResult<VenueOrder?>(null);
    public Task<IReadOnlyList<VenueOrder>> GetOrdersAsync(bool openOnly, CancellationToken cancellationToken) => NoOrders;
    public Task<IReadOnlyList<VenueFill>> GetFillsAsync(CancellationToken cancellationToken) => NoFills;
    public Task<IReadOnlyList<VenuePosition>> GetPositionsAsync(CancellationToken cancellationToken) => NoPositions;
}
